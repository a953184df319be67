// Per headline metric: one time chart with every arm overlaid (median and 10–90% band when spread over seeds), and one small multiple per arm.
import { memo, useDeferredValue, useMemo } from 'react';
import { headlineMetric, spreadOverRuns, type HeadlineMetric } from '../../engine';
import type { ArmRun, SeedSpread } from '../../state/compare';
import { Legend } from '../views/Legend';
import { TimeChart, type Band } from '../views/TimeChart';
import { seriesPoints, yDomain, type Series } from '../views/timeSeries';
import { ARM_COLORS, ARM_DASHES, ARM_LETTERS } from './armColors';
import { armTitle } from './armTitle';
import { formatHeadline } from './format';
import { Sparkline } from './Sparkline';
import { useCompare } from './useCompare';

/** The metrics drawn over time: concentration, sameness, reach of the catalog, and what listeners lose. */
const CHART_KEYS = ['gini', 'consumptionHomogenization', 'aggregateDiversity', 'longTailShareAtStart', 'utilityRegret', 'hitRate.low'];
const CHART_METRICS: readonly HeadlineMetric[] = CHART_KEYS.map((key) => headlineMetric(key)!);

const TICK: Record<HeadlineMetric['format'], string> = { percent: '%', count: ',f', index: 'f' };
/**
 * The y axis names the unit only: the card's title above names the metric, and a rotated title as
 * long as "Long-tail share of slots (tail as at step 0)" ran past the 220 px chart into the text above.
 */
const Y_LABEL: Record<HeadlineMetric['format'], string> = { percent: 'share', count: 'count', index: 'value' };
const NO_MARKERS: never[] = [];

interface MetricCardProps {
  metric: HeadlineMetric;
  titles: readonly string[];
  runs: readonly (ArmRun | null)[];
  spread: SeedSpread | null;
  shown: number;
  steps: number;
}

const MetricCard = memo(function MetricCard({ metric, titles, runs, spread, shown, steps }: MetricCardProps) {
  const useSpread = spread !== null && spread.finished > 0;
  // Whole runs, for a y axis that stays put while the cursor moves. Over seeds, each arm's spread
  // is taken once and gives both its median line and its band.
  const { full, fullBands } = useMemo(() => {
    const lines: Series[] = [];
    const shaded: Band[] = [];
    titles.forEach((title, i) => {
      const line = { id: `arm-${i}`, label: `${ARM_LETTERS[i]} · ${title}`, color: ARM_COLORS[i]!, dash: ARM_DASHES[i] };
      if (!useSpread) {
        lines.push({ ...line, points: seriesPoints(runs[i]?.rows ?? [], metric.pick) });
        return;
      }
      const spreadPoints = spreadOverRuns((spread!.runs[i] ?? []).filter((r) => r.length > 0), metric.pick);
      lines.push({ ...line, points: spreadPoints.map((p) => ({ t: p.t, v: p.median })) });
      shaded.push({ id: `band-${i}`, color: ARM_COLORS[i]!, points: spreadPoints.map((p) => ({ t: p.t, lo: p.p10, hi: p.p90 })) });
    });
    return { full: lines, fullBands: shaded };
  }, [titles, runs, spread, useSpread, metric]);
  const domain = useMemo(() => {
    const withBands: Series[] = [...full, ...fullBands.map((b) => ({ id: b.id, label: '', color: '', points: b.points.flatMap((p) => [{ t: p.t, v: p.lo }, { t: p.t, v: p.hi }]) }))];
    return yDomain(withBands, { cap: metric.format === 'count' ? Infinity : 1 });
  }, [full, fullBands, metric]);
  const series = useMemo(() => full.map((s) => ({ ...s, points: s.points.filter((p) => p.t <= shown) })), [full, shown]);
  const bands = useMemo(() => fullBands.map((b) => ({ ...b, points: b.points.filter((p) => p.t <= shown) })), [fullBands, shown]);
  const format = (v: number) => formatHeadline(metric.format, v);
  const values = series.map((s) => s.points.at(-1)?.v ?? null);
  const aria = `${metric.label} over steps 1 to ${shown}${useSpread ? `, median over the seeds finished (of ${spread!.seeds.length}) with 10–90% bands` : ''}: ${titles
    .map((t, i) => `${ARM_LETTERS[i]} (${t}) ${values[i] === null ? 'n/a' : format(values[i]!)}`)
    .join('; ')}.`;
  return (
    // data-view/data-step: the step this card shows, as the views' slots say it (the UI benchmark reads them).
    <article className="metric-card" data-metric={metric.key} data-view={`compare-${metric.key}`} data-step={shown}>
      <h3 className="metric-title">{metric.label}</h3>
      <p className="metric-why">Better when {metric.why}.</p>
      <TimeChart
        series={series}
        bands={bands}
        steps={steps}
        markers={NO_MARKERS}
        yDomain={domain}
        yFormat={TICK[metric.format]}
        valueFormat={format}
        yLabel={Y_LABEL[metric.format]}
        ariaLabel={aria}
        height={220}
        note="Play or step: the lines start at step 1"
      />
      <Legend items={series.map((s) => ({ label: s.label, color: s.color, dash: s.dash, shape: 'line' as const }))} label={`Arms in the ${metric.label} chart`} />
      <div className="multiples" aria-hidden="true">
        {series.map((s, i) => (
          <Sparkline key={s.id} points={s.points} steps={steps} domain={domain} color={s.color} dash={s.dash} label={`${ARM_LETTERS[i]} ${values[i] === null ? 'n/a' : format(values[i]!)}`} />
        ))}
      </div>
    </article>
  );
});

export function CompareCharts() {
  const arms = useCompare((s) => s.arms);
  // Rows still arriving from the workers redraw every chart's whole run (its axis follows them):
  // that is drawn at transition priority, in short slices between frames, while the cursor (urgent)
  // keeps moving on what is already drawn.
  const runs = useDeferredValue(useCompare((s) => s.runs));
  const spread = useDeferredValue(useCompare((s) => s.spread));
  const shown = useCompare((s) => s.shown);
  const steps = useCompare((s) => s.shared.steps);
  const titles = useMemo(() => arms.map((a) => armTitle(a.params)), [arms]);
  return (
    <section className="compare-charts" aria-label="Metrics over time, every arm">
      {CHART_METRICS.map((metric) => (
        <MetricCard key={metric.key} metric={metric} titles={titles} runs={runs} spread={spread} shown={shown} steps={steps} />
      ))}
    </section>
  );
}

