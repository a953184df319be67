// Web Worker entry: runs the engine off the main thread so the page never freezes.
import { createController } from './controller';
import type { WorkerRequest, WorkerResponse } from './protocol';

const handle = createController((message: WorkerResponse) => self.postMessage(message));
self.onmessage = (event: MessageEvent<WorkerRequest>) => handle(event.data);
