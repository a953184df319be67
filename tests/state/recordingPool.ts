// A batch pool whose workers only record the jobs they are sent: for checks that must refuse before any world is built.
import type { BatchRequest } from '../../src/worker/batchProtocol';
import { BatchPool, type WorkerLike } from '../../src/worker/pool';

/** A worker that only records its jobs: nothing here may actually build a world this big. */
class RecordingWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  constructor(private readonly requests: BatchRequest[]) {}
  postMessage(message: BatchRequest): void {
    this.requests.push(message);
  }
  terminate(): void {}
}

/** A pool of `size` recording workers and the requests they were sent. */
export function recordingPool(size: number): { pool: BatchPool; requests: BatchRequest[] } {
  const requests: BatchRequest[] = [];
  return { pool: new BatchPool(size, () => new RecordingWorker(requests)), requests };
}
