// The latest hit rate per popularity bucket as labelled bars; an undefined bucket says so instead of showing 0.
import { scaleLinear } from 'd3';
import { BUCKETS, type BucketValues } from '../../engine';
import { fmtInt, fmtPct, fmtPctTick } from './format';
import { BUCKET_COLOR } from './palette';

/** Props of {@link HitRateBars}. */
export interface HitRateBarsProps {
  hitRate: BucketValues<number | null>;
  /** Listeners' best songs per bucket; null before step 1 (no slates, nothing counted). */
  n: BucketValues<number> | null;
  labels: BucketValues<string>;
  /** Said in place of an empty bucket's bar (why it holds none of the listeners' best songs). */
  emptyText?: BucketValues<string>;
  /** The step the rates are from. */
  step?: number;
}

/**
 * The bars' scale: always 0–100% of the track. A zoom that followed the data made 3% fill the
 * track at one step and 80% at the next, so two steps (or two runs) could not be compared by eye;
 * a small rate is a short bar, and its printed value says how small.
 */
export function barScale() {
  return scaleLinear([0, 1], [0, 100]).clamp(true);
}

/** Ticks of the bar axis: 0, 25, 50, 75, 100%. */
export const BAR_TICKS = [0, 0.25, 0.5, 0.75, 1] as const;

/** Three horizontal bars on one scale (printed under them), each with its value and how many best songs it covers. */
export function HitRateBars({ hitRate, n, labels, emptyText, step = 0 }: HitRateBarsProps) {
  const width = barScale();
  const ticks = BAR_TICKS;
  const tickFmt = fmtPctTick;
  return (
    <div>
      <ul
        className="vw-bars"
        aria-label={`Hit rate at step ${step}, by popularity bucket, on a 0–100% scale`}
      >
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
                {n && <span className="vw-muted"> n = {fmtInt(n[b])}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      <div className="vw-bar-axis" aria-hidden="true" data-testid="bar-axis">
        {ticks.map((t) => (
          <span key={t} style={{ left: `${width(t)}%` }}>
            {tickFmt(t)}
          </span>
        ))}
      </div>
    </div>
  );
}
