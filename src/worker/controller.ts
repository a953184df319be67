// The worker's logic, free of worker globals so it runs (and is tested) in Node too.
import { Simulation, validateParams } from '../engine';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** Handles one request at a time against the current simulation; replies through `post`. */
export function createController(post: (message: WorkerResponse) => void): (request: WorkerRequest) => void {
  let sim: Simulation | null = null;
  return (request) => {
    try {
      if (request.type === 'reset' || request.type === 'setParams') {
        const issues = validateParams(request.params);
        if (issues.length > 0) throw new Error(issues.map((i) => i.message).join('; '));
      }
      switch (request.type) {
        case 'reset':
          sim = new Simulation(request.params);
          post({ type: 'ready', initial: sim.initial, params: sim.params });
          return;
        case 'setParams':
          if (!sim) throw new Error('no simulation to change: send reset first');
          sim.setParams(request.params);
          return;
        case 'step': {
          if (!sim) throw new Error('no simulation to step: send reset first');
          const rows = [];
          for (let n = 0; n < request.count && !sim.done; n++) rows.push(sim.step());
          post({ type: 'steps', rows, done: sim.done });
          return;
        }
      }
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
