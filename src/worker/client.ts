// Page-side handle on the simulation worker: typed requests, one listener for responses.
import type { WorkerRequest, WorkerResponse } from './protocol';

export interface SimulationClient {
  send(request: WorkerRequest): void;
  terminate(): void;
}

/** Starts a worker; `onMessage` receives every response, and a crash as an error response without a run id. */
export function startSimulationWorker(onMessage: (message: WorkerResponse) => void): SimulationClient {
  const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
  let alive = true;
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    if (alive) onMessage(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    if (alive) onMessage({ type: 'error', message: `the simulation worker crashed${event.message ? `: ${event.message}` : ''}` });
  };
  worker.onmessageerror = () => {
    if (alive) onMessage({ type: 'error', message: 'a message from the simulation worker could not be read' });
  };
  return {
    send: (request) => {
      if (alive) worker.postMessage(request);
    },
    terminate: () => {
      alive = false;
      worker.terminate();
    },
  };
}
