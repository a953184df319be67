// Web Worker entry of the batch pool: runs whole scenarios (comparison arms, seeds, parallel worlds) off the main thread.
import { runBatchJob } from './batch';
import type { BatchRequest, BatchResponse } from './batchProtocol';

const scope = self as unknown as {
  postMessage(message: BatchResponse, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<BatchRequest>) => void) | null;
};
scope.onmessage = (event) => runBatchJob(event.data, (message, transfer) => scope.postMessage(message, transfer));
