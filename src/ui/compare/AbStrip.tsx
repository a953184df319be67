// With a run pinned as A: the headline numbers of A and B at the same step, and B − A coloured by whether it helps listeners.
import { useMemo } from 'react';
import { headlineDelta, HEADLINE_METRICS, paramsEqual, paramSpec, sharedDifferences } from '../../engine';
import { timelineOf } from '../../state/url';
import { useActions, useAppStore } from '../storeContext';
import { armTitle } from './armTitle';
import { formatDelta, formatHeadline, shownVerdict } from './format';
import { rowAt } from './rowAt';
import './compare.css';

const VERDICT_TEXT = { better: 'better for listeners', worse: 'worse for listeners', same: 'no change' } as const;

export function AbStrip() {
  const { unpin } = useActions();
  const pinned = useAppStore((s) => s.pinned);
  const b = useAppStore((s) => s.rows.at(-1));
  const t = useAppStore((s) => s.t);
  const base = useAppStore((s) => s.base);
  const scenarioChanges = useAppStore((s) => s.scenarioChanges);
  const markers = useAppStore((s) => s.markers);
  const bTitle = useMemo(() => armTitle(base, timelineOf({ scenarioChanges, markers })), [base, scenarioChanges, markers]);
  if (!pinned) return null;
  const aTitle = armTitle(pinned.scenario.params, pinned.scenario.changes);
  const a = t > 0 ? rowAt(pinned.rows, t) : undefined;
  const differs = sharedDifferences(pinned.scenario.params, base).map((key) => paramSpec(key)?.label ?? key);
  // B has not been started yet: it still is A's scenario.
  const bChanges = timelineOf({ scenarioChanges, markers });
  const same =
    bChanges.length === pinned.scenario.changes.length &&
    paramsEqual(pinned.scenario.params, base);
  return (
    <section className="ab" aria-label="A and B compared">
      <div className="ab-head">
        <p className="ab-arms">
          <span className="ab-arm ab-arm-a">
            <svg width="28" height="8" aria-hidden="true">
              <line x1="0" x2="28" y1="4" y2="4" className="ab-ghost-key" />
            </svg>
            <b>A</b> {aTitle}
          </span>
          <span className="ab-arm ab-arm-b">
            <b>B</b> {bTitle}
          </span>
          <span className="ab-step">step {t}</span>
        </p>
        <button type="button" className="btn btn-quiet" onClick={unpin}>
          Unpin A
        </button>
      </div>
      {same && <p className="ab-hint">A is pinned. Change any setting (a mitigation, a preset, the panel) to start B from the same world and seed.</p>}
      {differs.length > 0 && (
        <p className="ab-warning" role="note">
          A and B differ in {differs.join(', ')}: they are not on the same world and seed, so differences are not only the strategy's.
        </p>
      )}
      {pinned.error && <p className="ab-warning">{pinned.error}</p>}
      {t > 0 && (
        <p className="ab-key">
          Δ = B − A. <span className="ab-delta is-better">✓ better</span> or <span className="ab-delta is-worse">✗ worse</span> for
          listeners: a lower Gini or regret, a higher hit rate or diversity (point at a number for why).
        </p>
      )}
      {t === 0 ? (
        <p className="ab-hint">Play or step: A and B advance together, and their numbers appear here at each step.</p>
      ) : (
        <ul className="ab-grid" aria-label={`Headline numbers of A and B at step ${t}, and B − A`}>
          {HEADLINE_METRICS.map((metric) => {
            const av = a ? metric.pick(a) : null;
            const bv = b && b.t === t ? metric.pick(b) : null;
            const delta = headlineDelta(av, bv);
            const verdict = shownVerdict(metric, delta);
            return (
              <li key={metric.key} className="ab-cell" data-metric={metric.key} title={`Better when ${metric.why}`}>
                <span className="ab-label">{metric.label}</span>
                <span className="ab-values">
                  <span className="ab-a">
                    <span className="ab-tag">A</span>
                    <span data-testid={`ab-a-${metric.key}`}>{a ? formatHeadline(metric.format, av) : pinned.computing ? '…' : 'n/a'}</span>
                  </span>
                  <span className="ab-b">
                    <span className="ab-tag">B</span>
                    <span data-testid={`ab-b-${metric.key}`}>{formatHeadline(metric.format, bv)}</span>
                  </span>
                </span>
                <span className={`ab-delta${verdict ? ` is-${verdict}` : ''}`}>
                  <span className="ab-tag">Δ</span>
                  <span data-testid={`ab-d-${metric.key}`}>{formatDelta(metric.format, delta)}</span>
                  {verdict && <span className="ab-verdict">{verdict === 'better' ? '✓ better' : verdict === 'worse' ? '✗ worse' : ''}</span>}
                  {verdict && <span className="visually-hidden"> ({VERDICT_TEXT[verdict]})</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
