// @vitest-environment jsdom
// A failing view shows a message and "Try again" in its own place; the other views keep working.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultParams, type StepMetrics } from '../../src/engine';
import { createAppStore } from '../../src/state/store';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';
import { ViewGrid } from '../../src/ui/ViewGrid';
import type { ViewProps } from '../../src/ui/views/types';
import { renderWith } from './helpers';

afterEach(cleanup);
beforeEach(() => {
  // React and the boundary report caught errors on the console; keep the test output clean.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

let broken = false;
function Flaky() {
  if (broken) throw new Error('scale domain is NaN');
  return <p>chart drawn</p>;
}

describe('ErrorBoundary', () => {
  it('shows the failure in place, leaves siblings alone, and tries again on request', () => {
    broken = true;
    render(
      <>
        <ErrorBoundary name="Hit rate">
          <Flaky />
        </ErrorBoundary>
        <ErrorBoundary name="Diversity">
          <p>other view</p>
        </ErrorBoundary>
      </>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('“Hit rate” could not be drawn.');
    expect(alert.textContent).toContain('scale domain is NaN');
    expect(screen.getByText('other view')).toBeTruthy();
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('chart drawn')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('clears a failure when its reset key changes (a new run)', () => {
    broken = true;
    const { rerender } = render(
      <ErrorBoundary name="Song wall" resetKey={1}>
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    broken = false;
    rerender(
      <ErrorBoundary name="Song wall" resetKey={2}>
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByText('chart drawn')).toBeTruthy();
  });
});

describe('ViewGrid', () => {
  const Good = ({ rows, steps, markers }: ViewProps) => <p>{`good: ${rows.length} of ${steps}, ${markers.length} markers`}</p>;
  const Bad = (): never => {
    throw new Error('boom');
  };

  it('wraps each view in its own boundary and feeds it the store', () => {
    const store = createAppStore({ ...defaultParams(), steps: 50 });
    store.getState().receiveSteps([{ t: 1 } as StepMetrics, { t: 2 } as StepMetrics], undefined, false);
    store.getState().addMarkerPart(2, { key: 'epsilon', from: '0.1', to: '0.2', text: 'ε = 0.2' });
    renderWith(
      <ViewGrid
        views={[
          { id: 'good', title: 'Good view', Component: Good },
          { id: 'bad', title: 'Bad view', Component: Bad },
        ]}
      />,
      store,
    );
    expect(screen.getByText('good: 2 of 50, 1 markers')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('“Bad view” could not be drawn.');
    expect(document.querySelector('[data-view="good"]')!.getAttribute('data-step')).toBe('2');
  });
});
