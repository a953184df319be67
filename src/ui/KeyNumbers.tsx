// The latest step's headline numbers as a compact strip (there from step 0, in the charts' formats), and, for practitioners, the raw metrics and the run as CSV or JSON.
import { useId, useRef, type ReactNode } from 'react';
import { runCsv, runJson } from '../state/export';
import { GlossaryTerm, useHelpTip } from './GlossaryTerm';
import { useAppStore, useAppStoreApi } from './storeContext';
import { fmtIndex, fmtInt as int, fmtPct, orNA } from './views/format';
import { bucketEdges } from './views/hitRate';
import { useStayInside } from './views/stayInside';
import './keyNumbers.css';

/** Before step 1 no step has a value yet: a dash, not "n/a" (undefined) or 0. */
const NONE = '\u2014';
const pct = (v: number | null | undefined) => orNA(v, fmtPct);
const index = (v: number | null | undefined) => orNA(v, fmtIndex);

function Stat({ label, value, sub, testId, help, pair = false }: { label: ReactNode; value: string; sub: ReactNode; testId?: string; help?: string; pair?: boolean }) {
  const helpId = useId();
  // One tip open on the page at a time: pointing at or focusing another stat (or opening a glossary
  // word) closes this one, so tips never stack over each other.
  const tip = useHelpTip(helpId);
  const tipRef = useRef<HTMLSpanElement>(null);
  // Inside the page sideways: the first and last stats' tips would otherwise poke off a phone screen.
  useStayInside(tipRef, 'body', tip.open);
  return (
    // A stat with help text can take focus, so keyboard users reach the explanation too.
    <div
      className="stat"
      tabIndex={help ? 0 : undefined}
      aria-describedby={help ? helpId : undefined}
      {...(help ? tip.handlers : {})}
    >
      <dt>{label}</dt>
      <dd className={pair ? 'stat-value stat-value-pair' : 'stat-value'} data-testid={testId}>
        {value}
      </dd>
      <dd className="stat-sub">{sub}</dd>
      {help && (
        // A dd may not take the tooltip role itself (a definition list allows only dt and dd).
        <dd className="kn-tip-holder">
          <span ref={tipRef} id={helpId} role="tooltip" className="kn-tip" data-open={tip.open || undefined}>
            {help}
          </span>
        </dd>
      )}
    </div>
  );
}

export function KeyNumbers() {
  const last = useAppStore((s) => s.rows.at(-1));
  const initial = useAppStore((s) => s.initial);
  const thresholds = useAppStore((s) => s.params.bucketThresholds);
  if (!initial) return null;
  const [a, b] = bucketEdges(thresholds);
  // At step 0 the strip is there with dashes, so the charts below do not move when the first step comes.
  const at = <T,>(value: (row: NonNullable<typeof last>) => T, fmt: (v: T) => string) => (last ? fmt(value(last)) : NONE);
  return (
    <section aria-label="Latest step" className="numbers">
      <dl className="stats">
        <Stat
          label={
            <>
              <GlossaryTerm term="gini">Gini</GlossaryTerm> of plays
            </>
          }
          value={at((r) => r.gini, fmtIndex)}
          sub={`start ${fmtIndex(initial.gini)}`}
          testId="gini"
        />
        <Stat label="Top 1% of songs hold" value={at((r) => r.top1Share, pct)} sub={`start ${pct(initial.top1Share)}`} />
        <Stat label="Distinct songs shown" value={at((r) => r.aggregateDiversity, int)} sub={last ? 'this step' : 'from step 1'} testId="aggregate-diversity" />
        <Stat
          label="Listening alike"
          value={at((r) => r.consumptionHomogenization, index)}
          sub={
            <>
              <GlossaryTerm term="jaccard">Jaccard</GlossaryTerm> of clicks
            </>
          }
          testId="consumption-homogenization"
          help="Consumption homogenization: for pairs of listeners, the share of songs they clicked since step 1 that they have in common (Jaccard index). 0: nobody hears the same songs; 1: everyone hears exactly the same."
        />
        <Stat label={`Hit rate, <${int(a)} plays`} value={at((r) => r.hitRate.low, pct)} sub={`n = ${at((r) => r.hitRateN.low, int)}`} />
        <Stat label={`Hit rate, ${int(a)}–${int(b)}`} value={at((r) => r.hitRate.mid, pct)} sub={`n = ${at((r) => r.hitRateN.mid, int)}`} />
        <Stat label={`Hit rate, >${int(b)}`} value={at((r) => r.hitRate.high, pct)} sub={`n = ${at((r) => r.hitRateN.high, int)}`} />
        <Stat
          label="Regret, niche / mainstream"
          value={at((r) => r.utilityRegretByTaste, (v) => `${index(v.niche)} / ${index(v.mainstream)}`)}
          sub={`${int(initial.listenersByTaste.niche)} / ${int(initial.listenersByTaste.mainstream)} listeners`}
          testId="regret-by-taste"
          pair
          help="Utility regret: how much less relevant a listener's slate is than the best slate for them (an oracle's), averaged over niche listeners (favourite genre outside the big genres that hold half the songs) and over mainstream listeners."
        />
        <Stat
          label={
            <>
              Slates vs taste, <GlossaryTerm term="kl">KL</GlossaryTerm>
            </>
          }
          value={at((r) => r.tasteKL, (v) => orNA(v, (x) => x.toFixed(3)))}
          sub="0 = mix matches taste"
          testId="taste-kl"
          help="Taste KL: how far the genre mix of a listener's slate is from their true taste (Kullback–Leibler divergence), averaged over listeners. Unlike calibration against the click history, the loop cannot lower it by narrowing both."
        />
        {last && last.relevanceEstimateError !== null && (
          // Only rankers that estimate each song's relevance from clicks (raw click rate, IPS, the positional model) have one; its chart is in the hit-rate view.
          <Stat
            label="Relevance estimate error"
            value={fmtIndex(last.relevanceEstimateError)}
            sub="estimates vs truth"
            testId="estimate-error"
            help="How far the ranker's estimate of each song's relevance is from the truth (0 = exact). Position bias makes the songs shown on top look better than they are; IPS corrects for it."
          />
        )}
      </dl>
    </section>
  );
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Download buttons for the rows so far: CSV with the CLI's columns, JSON in the CLI's format. */
function ExportButtons() {
  const store = useAppStoreApi();
  const hasRows = useAppStore((s) => s.rows.length > 0);
  const save = (format: 'csv' | 'json') => {
    const { params, initial, rows, markers } = store.getState();
    if (!initial || rows.length === 0) return;
    const name = `feedback-loop-lab-seed${params.seed}-step${rows.at(-1)!.t}.${format}`;
    if (format === 'csv') download(name, 'text/csv', runCsv(params, initial, rows));
    else download(name, 'application/json', runJson(params, initial, rows, markers));
  };
  return (
    <div className="export" role="group" aria-label="Export the run">
      <span className="export-label">Export the steps so far</span>
      <button type="button" className="btn btn-quiet" disabled={!hasRows} onClick={() => save('csv')}>
        Export CSV
      </button>
      <button type="button" className="btn btn-quiet" disabled={!hasRows} onClick={() => save('json')}>
        Export JSON
      </button>
    </div>
  );
}

/** For practitioners: every metric of the latest step, and the run so far as a file. */
export function RunData() {
  const last = useAppStore((s) => s.rows.at(-1));
  return (
    <section className="run-data" aria-label="Run data">
      <details className="raw">
        <summary>{last ? `All metrics of step ${last.t} as JSON` : 'All metrics of the latest step as JSON'}</summary>
        {last ? <pre data-testid="last-row-json">{JSON.stringify(last, null, 2)}</pre> : <p className="muted">No step yet.</p>}
      </details>
      <ExportButtons />
    </section>
  );
}
