// The first page: run the popularity loop in a worker and watch play counts concentrate.
import { paramSpec, type EnumSpec, type Params } from '../engine';
import { LineChart } from './charts/LineChart';
import { KeyNumbers } from './KeyNumbers';
import { useAppStore, useAppStoreApi } from './storeContext';
import { useSimulationRunner } from './useSimulationRunner';

const recommenderSpec = paramSpec('recommender') as EnumSpec;

export function App() {
  const store = useAppStoreApi();
  const { run } = useSimulationRunner();
  const recommender = useAppStore((s) => s.params.recommender);
  const steps = useAppStore((s) => s.params.steps);
  const status = useAppStore((s) => s.status);
  const error = useAppStore((s) => s.error);
  const issues = useAppStore((s) => s.paramIssues);
  const rows = useAppStore((s) => s.rows);
  const initial = useAppStore((s) => s.initial);
  const busy = status === 'starting' || status === 'running';
  const points = initial ? [{ x: 0, y: initial.gini }, ...rows.map((r) => ({ x: r.t, y: r.gini }))] : [];
  const ys = points.map((p) => p.y ?? 0);

  return (
    <main className="page">
      <header>
        <h1>Feedback Loop Lab</h1>
        <p className="lede">
          Listeners click what a recommender shows them, and the recommender ranks by those clicks. Run the loop and watch
          plays pile up on a few songs.
        </p>
      </header>
      {issues.length > 0 && (
        <div role="status" className="notice">
          Some link settings were ignored and their defaults used: {issues.map((i) => i.message).join('; ')}.
        </div>
      )}
      <section className="controls" aria-label="Run">
        <label>
          {recommenderSpec.label}{' '}
          <select
            value={recommender}
            disabled={busy}
            onChange={(e) => store.getState().setParams({ ...store.getState().params, recommender: e.target.value as Params['recommender'] })}
          >
            {recommenderSpec.options.map((o) => (
              <option key={o} value={o} title={recommenderSpec.optionHelp[o]}>{o}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={run} disabled={busy}>{status === 'idle' ? 'Run' : 'Run again'}</button>
        <span className="status" data-testid="step-counter" aria-live="polite">
          Step {rows.length} of {steps}{status === 'done' ? ' · done' : ''}
        </span>
      </section>
      <p className="option-help">{recommenderSpec.optionHelp[recommender]}</p>
      {error && <div role="alert" className="error">The simulation stopped: {error}</div>}
      <section aria-label="Concentration of plays">
        <h2>Rich get richer: Gini of play counts</h2>
        <p className="explain">0 means every song has the same plays, 1 means one song has them all. Under a popularity ranking it only goes up.</p>
        {points.length > 0 ? (
          <LineChart points={points} xMax={steps} yDomain={[Math.min(...ys) - 0.01, Math.max(...ys) + 0.01]} xLabel="step" yLabel="Gini of plays" />
        ) : (
          <p className="empty">Press Run to start; nothing has been simulated yet.</p>
        )}
      </section>
      <KeyNumbers />
    </main>
  );
}
