// Shared set-up for component tests: a store, stub actions that record calls, or a real session
// wired to the worker controller in-process (no Worker in jsdom).
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { defaultParams, type Params } from '../../src/engine';
import { SimulationSession, type SimulationActions } from '../../src/state/session';
import { createAppStore, type AppStore } from '../../src/state/store';
import { StoreProvider } from '../../src/ui/storeContext';
import { createController } from '../../src/worker/controller';

export const small: Params = { ...defaultParams(), users: 40, songs: 100, steps: 8 };

export type StubActions = { [K in keyof SimulationActions]: ReturnType<typeof vi.fn> } & SimulationActions;

export function stubActions(): StubActions {
  return {
    play: vi.fn(),
    pause: vi.fn(),
    togglePlay: vi.fn(),
    step: vi.fn(),
    reset: vi.fn(),
    setSpeed: vi.fn(),
    changeParam: vi.fn(),
    applyRestart: vi.fn(),
    discardPending: vi.fn(),
    choosePreset: vi.fn(),
    restartWorker: vi.fn(),
    runScript: vi.fn(),
    followListener: vi.fn(),
    pin: vi.fn(),
    unpin: vi.fn(),
  } as StubActions;
}

/** A session whose "worker" is the real controller, called synchronously; changes apply at once. */
export function wiredSession(params: Params = small): { store: AppStore; session: SimulationSession } {
  const store = createAppStore(params);
  const session = new SimulationSession(store, {
    startWorker: (onMessage) => {
      const handle = createController((m) => onMessage(m), { clock: { now: () => 0, setTimeout: () => 0, clearTimeout: () => {} } });
      return { send: handle, terminate: () => {} };
    },
    afterPaint: () => {},
    settleMs: 0,
  });
  session.start();
  return { store, session };
}

export function renderWith(ui: ReactNode, store: AppStore, actions?: SimulationActions) {
  return render(
    <StoreProvider store={store} actions={actions}>
      {ui}
    </StoreProvider>,
  );
}
