// View 4 — diversity over time: five small multiples sharing one step axis, each with its own scale and unit.
import { memo, useMemo, type ReactNode } from 'react';
import type { StepMetrics } from '../../engine';
import { GlossaryTerm } from '../GlossaryTerm';
import { Legend } from './Legend';
import { fmtIndex, fmtInt, fmtPct, orNA } from './format';
import { ACCENT } from './palette';
import { Panel } from './Panel';
import { StepZeroNote, WorldPending } from './StepZero';
import { TimeChart } from './TimeChart';
import { GHOST_COLOR, GHOST_DASH, ghostSeries, lastValue, seriesPoints, yDomain, type Series } from './timeSeries';
import { describeSeries } from './trendText';
import type { ViewProps } from './types';
import { ViewCard } from './ViewCard';

export const DIVERSITY_TITLE = 'Diversity: does everyone get the same few songs?';

/** One panel's metric, unit and scale. */
interface PanelSpec {
  id: string;
  title: string;
  hint: ReactNode;
  /** The first step with a value: every panel needs slates, the repeat rate two steps of them. */
  first: number;
  /** Written after the latest value in the text alternative, e.g. " songs". */
  unit?: string;
  pick: (row: StepMetrics) => number | null;
  yLabel: string;
  /** d3 format type of the ticks. */
  tick: string;
  value: (v: number) => string;
  /** Fixed [0, 1] for bounded indices whose ends mean something; else fitted from 0. */
  bounded: boolean;
}

const PANELS: readonly PanelSpec[] = [
  {
    id: 'consumption',
    title: 'Listening alike (consumption homogenization)',
    hint: (
      <>
        Overlap (<GlossaryTerm term="jaccard">Jaccard</GlossaryTerm>) of two listeners’ sets of
        songs clicked since step 1: it rises as everyone ends up hearing the same hits
      </>
    ),
    first: 1,
    pick: (r) => r.consumptionHomogenization,
    yLabel: 'Jaccard (0–1)',
    tick: 'f',
    value: fmtIndex,
    bounded: true,
  },
  {
    id: 'distinct',
    title: 'Distinct songs shown',
    hint: 'Across all slates of a step; it drops toward one slate’s worth when everyone gets the same songs',
    first: 1,
    unit: ' songs',
    pick: (r) => r.aggregateDiversity,
    yLabel: 'songs per step',
    tick: ',f',
    value: fmtInt,
    bounded: false,
  },
  {
    id: 'coverage',
    title: 'Catalog ever shown',
    hint: 'Share of the catalog recommended at least once so far',
    first: 1,
    pick: (r) => r.coverage,
    yLabel: 'share of catalog',
    tick: '%',
    value: fmtPct,
    bounded: false,
  },
  {
    id: 'tail',
    title: 'Long-tail share of slates',
    hint: 'Share of each slate from the long tail as it stands this step: songs outside the few that hold 80% of plays',
    first: 1,
    pick: (r) => r.longTailShare,
    yLabel: 'share of slate',
    tick: '%',
    value: fmtPct,
    bounded: false,
  },
  {
    id: 'tail-at-start',
    title: 'Long-tail share, tail as at step 0',
    hint: 'The same share against the long tail frozen before step 1, a yardstick the loop cannot move',
    first: 1,
    pick: (r) => r.longTailShareAtStart,
    yLabel: 'share of slate',
    tick: '%',
    value: fmtPct,
    bounded: false,
  },
  {
    id: 'homog',
    title: 'Slates alike (homogenization)',
    hint: (
      <>
        Overlap (<GlossaryTerm term="jaccard">Jaccard</GlossaryTerm>) of two listeners’ slates: 1 =
        everyone sees the same slate
      </>
    ),
    first: 1,
    pick: (r) => r.homogenization,
    yLabel: 'Jaccard (0–1)',
    tick: 'f',
    value: fmtIndex,
    bounded: true,
  },
  {
    id: 'repeat',
    title: 'Repeat rate',
    hint: 'Share of a slate the same listener already got last step (none at step 1)',
    first: 2,
    pick: (r) => r.repeatRate,
    yLabel: 'share of slate',
    tick: '%',
    value: fmtPct,
    bounded: true,
  },
];

/** Props of one {@link DiversityPanel}. */
interface DiversityPanelProps {
  spec: PanelSpec;
  rows: readonly StepMetrics[];
  markers: ViewProps['markers'];
  steps: number;
  /** Released songs, for "412 of 2,000". */
  total: number | null;
  ghost: ViewProps['ghost'];
}

/** One small multiple; its series and domain are rebuilt only when the history changes. */
const DiversityPanel = memo(function DiversityPanel({
  spec,
  rows,
  markers,
  steps,
  total,
  ghost,
}: DiversityPanelProps) {
  const series = useMemo<Series[]>(() => {
    const own: Series = { id: spec.id, label: spec.title, color: ACCENT, points: seriesPoints(rows, spec.pick) };
    return ghost ? [own, ghostSeries(own, ghost.rows, spec.pick)] : [own];
  }, [spec, rows, ghost]);
  const v = lastValue(series[0]!.points);
  const domain = useMemo(
    () =>
      spec.bounded
        ? ([0, 1] as const)
        : spec.id === 'distinct' && v === null && total !== null
          ? // No value yet: the axis spans what is possible, 0 to every song, not a guessed 0–1.
            ([0, total] as const)
          : yDomain(series, { cap: spec.tick === ',f' ? Infinity : 1 }),
    [spec, series, v, total],
  );
  const value =
    spec.id === 'distinct' && v !== null && total !== null
      ? `${fmtInt(v)} of ${fmtInt(total)}`
      : rows.length === 0
        ? // No value before step 1, but its line is kept: the panels (and present mode's fit) must
          // not grow when the first step fills them in.
          '\u00a0'
        : orNA(v, spec.value);
  const starts = `this line starts at step ${spec.first}`;
  return (
    <Panel title={spec.title} value={value} hint={spec.hint}>
      <TimeChart
        series={series}
        steps={steps}
        markers={markers}
        yDomain={domain}
        yFormat={spec.tick}
        valueFormat={spec.value}
        yLabel={spec.yLabel}
        height={190}
        note={`No value ${rows.length === 0 ? 'at step 0' : 'yet'}: ${starts}.`}
        ariaLabel={describeSeries(series, spec.value, markers, {
          unit: spec.unit,
          pending: starts,
        })}
      />
    </Panel>
  );
});

/** Aggregate diversity, coverage, long-tail share, homogenization and repeat rate over time. */
export function DiversityView({ initial, rows, markers, steps, songs, ghost }: ViewProps) {
  const total = songs?.released ?? initial?.songs ?? null;
  const explanation =
    'A narrowing loop shows here first: fewer distinct songs are recommended each step, most of the catalog stops being shown, the long tail disappears from slates, and listeners get the same slates as each other and as last time.';
  if (!initial && rows.length === 0)
    return (
      <ViewCard title={DIVERSITY_TITLE} explanation={explanation}>
        <WorldPending />
      </ViewCard>
    );
  return (
    <ViewCard title={DIVERSITY_TITLE} explanation={explanation}>
      {rows.length === 0 && <StepZeroNote />}
      {ghost && (
        // One key for the seven charts: each draws this run and A's ghost the same way.
        <Legend
          label="Runs in every chart below"
          items={[
            { label: 'This run (B)', color: ACCENT, shape: 'line' },
            { label: 'A, the pinned run', color: GHOST_COLOR, dash: GHOST_DASH, shape: 'line' },
          ]}
        />
      )}
      <div className="vw-multiples vw-multiples-small">
        {PANELS.map((spec) => (
          <DiversityPanel
            key={spec.id}
            spec={spec}
            rows={rows}
            markers={markers}
            steps={steps}
            total={total}
            ghost={ghost}
          />
        ))}
      </div>
    </ViewCard>
  );
}
