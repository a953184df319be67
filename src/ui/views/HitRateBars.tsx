// The latest hit rate per popularity bucket as labelled bars; an undefined bucket says so instead of showing 0.
import { scaleLinear } from 'd3';
import { BUCKETS, type BucketValues } from '../../engine';
import { fmtInt, fmtPct } from './format';
import { BUCKET_COLOR } from './palette';

/** Props of {@link HitRateBars}. */
export interface HitRateBarsProps {
  hitRate: BucketValues<number | null>;
  n: BucketValues<number>;
  labels: BucketValues<string>;
  /** Said in place of an empty bucket's bar (why it holds none of the listeners' best songs). */
  emptyText?: BucketValues<string>;
}

/**
 * The bars' shared scale: 0 to a nice ceiling above the largest rate (at most 100%). Hit rates of a
 * popularity ranker are a few percent; on a fixed 0–100% track they would all look like zero.
 */
export function barScale(hitRate: BucketValues<number | null>) {
  const max = Math.max(0.01, ...BUCKETS.map((b) => hitRate[b] ?? 0));
  const scale = scaleLinear([0, Math.min(1, max)], [0, 100])
    .nice(4)
    .clamp(true);
  if ((scale.domain()[1] ?? 1) > 1) scale.domain([0, 1]);
  return scale;
}

/** Three horizontal bars on one scale (printed under them), each with its value and how many best songs it covers. */
export function HitRateBars({ hitRate, n, labels, emptyText }: HitRateBarsProps) {
  const width = barScale(hitRate);
  const ticks = width.ticks(4);
  const tickFmt = width.tickFormat(4, '%');
  return (
    <div>
      <ul className="vw-bars" aria-label="Hit rate at the latest step, by popularity bucket">
        {BUCKETS.map((b) => {
          const v = hitRate[b];
          return (
            <li key={b} className="vw-bar-row" data-bucket={b}>
              <span className="vw-bar-label">
                <span className="vw-swatch" style={{ background: BUCKET_COLOR[b] }} />
                {labels[b]}
              </span>
              <span className={v === null ? 'vw-bar-track vw-bar-na' : 'vw-bar-track'}>
                {v === null ? (
                  <span className="vw-bar-na-text">
                    n/a — {emptyText?.[b] ?? 'none of the listeners’ best songs are in this bucket'}
                  </span>
                ) : (
                  <span
                    className="vw-bar-fill"
                    data-testid={`bar-${b}`}
                    style={{ width: `${width(v)}%`, background: BUCKET_COLOR[b] }}
                  />
                )}
              </span>
              <span className="vw-bar-value">
                <strong>{v === null ? 'n/a' : fmtPct(v)}</strong>
                <span className="vw-muted"> n = {fmtInt(n[b])}</span>
              </span>
            </li>
          );
        })}
      </ul>
      <div className="vw-bar-axis" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} style={{ left: `${width(t)}%` }}>
            {tickFmt(t)}
          </span>
        ))}
      </div>
    </div>
  );
}
