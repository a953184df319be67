// Page-side handle on the simulation worker: typed requests, one listener for responses.
import { SIMULATION_CRASHED, SIMULATION_UNREADABLE, type WorkerRequest, type WorkerResponse } from './protocol';

export interface SimulationClient {
  send(request: WorkerRequest): void;
  /** Stops the worker; afterwards nothing is sent to it and nothing it sent is passed on. Safe to call twice. */
  terminate(): void;
}

/**
 * Starts a worker; `onMessage` receives every response, and a crash as an error response without a
 * run id. A crashed worker is terminated before the crash is reported: an uncaught error does not
 * stop a worker's timers, so it could otherwise go on stepping behind the error banner.
 */
export function startSimulationWorker(onMessage: (message: WorkerResponse) => void): SimulationClient {
  const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
  let alive = true;
  const terminate = () => {
    if (!alive) return;
    alive = false;
    worker.terminate();
  };
  const crash = (message: string) => {
    if (!alive) return;
    terminate();
    onMessage({ type: 'error', message });
  };
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    if (alive) onMessage(event.data);
  };
  // The worker's own words go to the console; the page shows a fixed sentence.
  worker.onerror = (event) => {
    event.preventDefault();
    console.error('The simulation worker crashed:', event.message || event);
    crash(SIMULATION_CRASHED);
  };
  worker.onmessageerror = (event) => {
    console.error('A message from the simulation worker could not be read:', event);
    crash(SIMULATION_UNREADABLE);
  };
  return {
    send: (request) => {
      if (alive) worker.postMessage(request);
    },
    terminate,
  };
}
