// Web Worker entry: runs the engine off the main thread so the page never freezes.
import { createController } from './controller';
import type { WorkerRequest, WorkerResponse } from './protocol';

const scope = self as unknown as {
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};
const handle = createController((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event) => handle(event.data);
