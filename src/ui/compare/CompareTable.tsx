// The step shown, as a table: each arm's headline numbers (median [p10, p90] over seeds when spread) and its difference from arm A.
import { useMemo } from 'react';
import { bandsOverlap, headlineDelta, HEADLINE_METRICS, spreadOf, type HeadlineMetric, type Spread } from '../../engine';
import { armRunParams, type ArmRun, type SeedSpread } from '../../state/compare';
import { armsCsv, armsJson, type ArmExport } from '../../state/compareExport';
import { downloadBlob } from '../save/download';
import { ARM_COLORS, ARM_LETTERS } from './armColors';
import { armTitle } from './armTitle';
import { formatDelta, formatHeadline, shownVerdict } from './format';
import { rowAt } from './rowAt';
import { useCompare } from './useCompare';

/** Each arm's spread of `metric` at step t over the seeds finished so far, or null. */
function spreadAt(spread: SeedSpread | null, arm: number, metric: HeadlineMetric, t: number): Spread | null {
  const runs = spread?.runs[arm];
  if (!runs) return null;
  const values = runs.filter((rows) => rows.length > 0).map((rows) => {
    const row = rowAt(rows, t);
    return row ? metric.pick(row) : null;
  });
  return spreadOf(values);
}

const VERDICT = { better: '✓ better', worse: '✗ worse', same: '' } as const;

function Cell({ metric, value, spread, delta, noise }: { metric: HeadlineMetric; value: number | null; spread: Spread | null; delta?: number | null; noise?: boolean }) {
  const verdict = delta === undefined ? null : shownVerdict(metric, delta);
  return (
    <td>
      <span className="ct-value">
        {spread ? formatHeadline(metric.format, spread.median) : formatHeadline(metric.format, value)}
      </span>
      {spread && (
        <span className="ct-band">
          [{formatHeadline(metric.format, spread.p10)}, {formatHeadline(metric.format, spread.p90)}]
        </span>
      )}
      {delta !== undefined && (
        <span className={`ct-delta${verdict ? ` is-${verdict}` : ''}${noise ? ' is-noise' : ''}`}>
          {formatDelta(metric.format, delta)}
          {verdict && !noise && verdict !== 'same' && <span className="ct-verdict"> {VERDICT[verdict]}</span>}
          {noise && <span className="ct-noise"> bands overlap: may be noise</span>}
        </span>
      )}
    </td>
  );
}

function download(name: string, type: string, text: string) {
  downloadBlob(new Blob([text], { type }), name);
}

export function CompareTable() {
  const arms = useCompare((s) => s.arms);
  const runs = useCompare((s) => s.runs);
  const shown = useCompare((s) => s.shown);
  const spread = useCompare((s) => s.spread);
  const shared = useCompare((s) => s.shared);
  const titles = useMemo(() => arms.map((a) => armTitle(a.params)), [arms]);
  const spreadShown = spread !== null && spread.finished > 0;
  // After a Cancel the bands cover only the seeds that finished: say how many (the fewest of any arm).
  const seedsUsed = spread ? Math.min(...spread.runs.map((perSeed) => perSeed.filter((rows) => rows.length > 0).length)) : 0;
  // Only finished arms: an arm still being computed would export part of its run.
  const exportable = runs.every((r): r is ArmRun => r !== null && r.status === 'done' && r.initial !== null && r.rows.length > 0);
  const exports = (): ArmExport[] =>
    arms.map((arm, i) => ({ name: `${ARM_LETTERS[i]}: ${titles[i]}`, params: armRunParams({ shared }, arm), initial: runs[i]!.initial!, rows: runs[i]!.rows }));
  const fileBase = `feedback-loop-lab-compare-seed${shared.seed}`;
  return (
    <section className="compare-table" aria-label="Numbers at the step shown">
      <p className="ct-scroll-hint">Swipe the table sideways to see every arm.</p>
      <div className="ct-scroll">
        <table>
          <caption>
            {shown === 0 ? 'Play or step to fill the table.' : `At step ${shown}`}
            {spreadShown ? ` · median [10th, 90th percentile] over ${seedsUsed === spread.seeds.length ? `${seedsUsed} seeds` : seedsUsed > 0 ? `the seeds finished (at least ${seedsUsed} of ${spread.seeds.length} per arm)` : `the seeds finished so far (… for an arm with none yet)`}` : ` · seed ${shared.seed}`}
            {' · '}Δ is each arm minus arm 1
          </caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {arms.map((_, i) => (
                <th scope="col" key={i}>
                  <span className="arm-letter" style={{ background: ARM_COLORS[i] }} aria-hidden="true">
                    {ARM_LETTERS[i]}
                  </span>{' '}
                  {titles[i]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {HEADLINE_METRICS.map((metric) => {
              const values = arms.map((_, i) => {
                const row = rowAt(runs[i]?.rows, shown);
                return row ? metric.pick(row) : null;
              });
              const spreads = arms.map((_, i) => (spreadShown ? spreadAt(spread, i, metric, shown) : null));
              return (
                <tr key={metric.key} data-metric={metric.key}>
                  <th scope="row" title={`Better when ${metric.why}`}>
                    {metric.label}
                  </th>
                  {arms.map((_, i) => {
                    // While a spread runs, an arm with no seed finished yet has no band to show.
                    if (spreadShown && !spreads[i]) return <td key={i} className="ct-waiting">…</td>;
                    if (i === 0) return <Cell key={i} metric={metric} value={values[0]!} spread={spreads[0]!} />;
                    const a = spreads[0];
                    const b = spreads[i];
                    const delta = a && b ? headlineDelta(a.median, b.median) : headlineDelta(values[0]!, values[i]!);
                    return <Cell key={i} metric={metric} value={values[i]!} spread={b!} delta={shown > 0 ? delta : null} noise={a && b ? bandsOverlap(a, b) : false} />;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="export" role="group" aria-label="Export the arms">
        <span className="export-label">Every step of each arm, in the CLI&apos;s format</span>
        <button type="button" className="btn btn-quiet" disabled={!exportable} onClick={() => download(`${fileBase}.csv`, 'text/csv', armsCsv(exports()))}>
          Export CSV
        </button>
        <button type="button" className="btn btn-quiet" disabled={!exportable} onClick={() => download(`${fileBase}.json`, 'application/json', armsJson(exports()))}>
          Export JSON
        </button>
      </div>
    </section>
  );
}
