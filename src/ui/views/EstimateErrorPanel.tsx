// The ranker's relevance-estimate error over time: how far what it learned from clicks is from the truth.
import { memo, useMemo } from 'react';
import { fmtIndex, orNA } from './format';
import { ACCENT } from './palette';
import { Panel } from './Panel';
import { TimeChart } from './TimeChart';
import { ghostSeries, lastValue, seriesPoints, yDomain, type Series } from './timeSeries';
import { describeSeries } from './trendText';
import type { ViewProps } from './types';

/** The DOM id of the panel, for the lesson that points at it. */
export const ESTIMATE_ERROR_ID = 'view-estimate-error';

const TITLE = 'Ranker\u2019s relevance estimate error';
const pick = (r: ViewProps['rows'][number]) => r.relevanceEstimateError;

/** The row field `relevanceEstimateError` as a line, with the run's markers (e.g. the switch to IPS). */
export const EstimateErrorPanel = memo(function EstimateErrorPanel({ rows, markers, steps, ghost }: Pick<ViewProps, 'rows' | 'markers' | 'steps' | 'ghost'>) {
  const series = useMemo<Series[]>(() => {
    const own: Series = { id: 'estimate-error', label: 'Relevance estimate error', color: ACCENT, points: seriesPoints(rows, pick) };
    return ghost ? [own, ghostSeries(own, ghost.rows, pick)] : [own];
  }, [rows, ghost]);
  const domain = useMemo(() => yDomain(series), [series]);
  const v = lastValue(series[0]!.points);
  // Only rankers that estimate relevance from clicks (raw click rate, IPS, the positional model) have a value.
  const none = 'no value: this ranker does not estimate relevance from clicks (raw click rate and IPS do)';
  return (
    <div className="vw-estimate" id={ESTIMATE_ERROR_ID}>
      <Panel
        title={TITLE}
        value={rows.length === 0 ? '\u00a0' : orNA(v, fmtIndex)}
        hint="How far its estimate of each song’s relevance is from the truth (0 = exact): position bias makes songs shown on top look better; IPS corrects for it"
      >
        <TimeChart
          series={series}
          steps={steps}
          markers={markers}
          yDomain={domain}
          yFormat="f"
          valueFormat={fmtIndex}
          yLabel="mean error"
          height={190}
          note={rows.length === 0 ? 'No value at step 0: this line starts at step 1.' : `No estimates yet: ${none}.`}
          ariaLabel={describeSeries(series, fmtIndex, markers, { pending: rows.length === 0 ? 'the first comes with step 1' : none })}
        />
      </Panel>
    </div>
  );
});
