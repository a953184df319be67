// Page-side handle on the simulation worker: typed requests, one listener for responses.
import type { WorkerRequest, WorkerResponse } from './protocol';

export interface SimulationClient {
  send(request: WorkerRequest): void;
  terminate(): void;
}

/** Starts the worker; `onMessage` receives every response, and crashes as an error response. */
export function startSimulationWorker(onMessage: (message: WorkerResponse) => void): SimulationClient {
  const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => onMessage(event.data);
  worker.onerror = (event) => onMessage({ type: 'error', message: `the simulation worker crashed: ${event.message}` });
  return {
    send: (request) => worker.postMessage(request),
    terminate: () => worker.terminate(),
  };
}
