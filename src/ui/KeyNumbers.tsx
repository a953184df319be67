// The latest step's headline numbers, with the warning sign of the hit-rate-by-bucket check.
import { useAppStore } from './storeContext';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${(100 * v).toFixed(1)}%`);

export function KeyNumbers() {
  const last = useAppStore((s) => s.rows.at(-1));
  const initial = useAppStore((s) => s.initial);
  if (!last || !initial) return null;
  return (
    <section aria-label="Latest step" className="numbers">
      <dl>
        <div><dt>Gini of plays</dt><dd data-testid="gini">{last.gini.toFixed(4)}</dd><dd className="sub">start {initial.gini.toFixed(4)}</dd></div>
        <div><dt>Top 1% of songs hold</dt><dd>{pct(last.top1Share)}</dd><dd className="sub">start {pct(initial.top1Share)}</dd></div>
        <div><dt>Distinct songs shown</dt><dd>{last.aggregateDiversity}</dd><dd className="sub">this step</dd></div>
        <div><dt>Hit rate, &lt;100 plays</dt><dd>{pct(last.hitRate.low)}</dd><dd className="sub">n = {last.hitRateN.low}</dd></div>
        <div><dt>Hit rate, 100–1,000</dt><dd>{pct(last.hitRate.mid)}</dd><dd className="sub">n = {last.hitRateN.mid}</dd></div>
        <div><dt>Hit rate, &gt;1,000</dt><dd>{pct(last.hitRate.high)}</dd><dd className="sub">n = {last.hitRateN.high}</dd></div>
      </dl>
      <details className="raw">
        <summary>All metrics of step {last.t} as JSON</summary>
        <pre data-testid="last-row-json">{JSON.stringify(last, null, 2)}</pre>
      </details>
    </section>
  );
}
