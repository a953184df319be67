// Connects the simulation worker to the store: reset, then pull steps in small batches until done.
import { useEffect, useRef } from 'react';
import { startSimulationWorker, type SimulationClient } from '../worker/client';
import { useAppStoreApi } from './storeContext';

/** Steps per request: small enough that rows reach the charts several times a second. */
const BATCH = 2;

/** Returns `run()`, which starts a fresh run of the store's parameters in the worker. */
export function useSimulationRunner(): { run: () => void } {
  const store = useAppStoreApi();
  const client = useRef<SimulationClient | null>(null);

  useEffect(() => {
    const worker = startSimulationWorker((message) => {
      const state = store.getState();
      switch (message.type) {
        case 'ready':
          state.resetHistory(message.initial);
          state.setStatus('running');
          worker.send({ type: 'step', count: BATCH });
          return;
        case 'steps':
          state.appendRows(message.rows);
          if (message.done) state.setStatus('done');
          else worker.send({ type: 'step', count: BATCH });
          return;
        case 'error':
          state.setStatus('error', message.message);
          return;
      }
    });
    client.current = worker;
    return () => worker.terminate();
  }, [store]);

  return {
    run: () => {
      const state = store.getState();
      state.resetHistory(null);
      state.setStatus('starting');
      client.current?.send({ type: 'reset', params: state.params });
    },
  };
}
