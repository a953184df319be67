// The compared arms as cards: each a preset (or the Explore page's settings), removable; up to four.
import { useId } from 'react';
import { PRESETS } from '../../engine';
import { MAX_ARMS, MIN_ARMS, presetArm, type ArmChoice } from '../../state/compare';
import { useAppStore } from '../storeContext';
import { ARM_COLORS, ARM_LETTERS } from './armColors';
import { armTitle } from './armTitle';
import { useCompare, useCompareSession } from './useCompare';

/** The select's value for an arm that is not a plain preset: the settings it was made from. */
const OWN = '';

function ArmCard({ index, arm, count }: { index: number; arm: ArmChoice; count: number }) {
  const session = useCompareSession();
  const explore = useAppStore((s) => s.base);
  const run = useCompare((s) => s.runs[index]);
  const id = useId();
  const title = armTitle(arm.params);
  const value = arm.preset && title === PRESETS.find((p) => p.name === arm.preset)?.title ? arm.preset : OWN;
  const status = run?.status === 'failed' ? `failed: ${run.error}` : run?.status === 'running' ? `computing, step ${run.rows.at(-1)?.t ?? 0}` : null;
  return (
    <li className="arm-card" style={{ borderTopColor: ARM_COLORS[index] }} data-arm={index}>
      <label htmlFor={id} className="arm-name">
        <span className="arm-letter" style={{ background: ARM_COLORS[index] }} aria-hidden="true">
          {ARM_LETTERS[index]}
        </span>
        Arm {ARM_LETTERS[index]}
      </label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(e) => {
          if (e.target.value === OWN) session.setArm(index, { preset: null, params: explore });
          else {
            const next = presetArm(e.target.value);
            if (next) session.setArm(index, next);
          }
        }}
      >
        <option value={OWN}>{value === OWN ? `${title} (own settings)` : 'The Explore page’s settings'}</option>
        {PRESETS.map((p) => (
          <option key={p.name} value={p.name}>
            {p.title}
          </option>
        ))}
      </select>
      {status && (
        <span className={`arm-status${run?.status === 'failed' ? ' is-failed' : ''}`} role="status">
          {status}
        </span>
      )}
      {count > MIN_ARMS && (
        <button type="button" className="btn btn-quiet arm-remove" onClick={() => session.removeArm(index)} aria-label={`Remove arm ${ARM_LETTERS[index]}`}>
          Remove
        </button>
      )}
    </li>
  );
}

export function ArmEditor() {
  const session = useCompareSession();
  const arms = useCompare((s) => s.arms);
  // Why the arms (or the spread over seeds) were not started: together too big for the browser.
  const refused = useCompare((s) => s.refused);
  const used = new Set(arms.map((a) => a.preset));
  const nextPreset = PRESETS.find((p) => !used.has(p.name))?.name ?? PRESETS[0]!.name;
  return (
    <section className="arms" aria-label="Arms">
      <ul className="arm-list">
        {arms.map((arm, i) => (
          <ArmCard key={i} index={i} arm={arm} count={arms.length} />
        ))}
        {arms.length < MAX_ARMS && (
          <li className="arm-add">
            <button type="button" className="btn" onClick={() => session.setArm(arms.length, presetArm(nextPreset)!)}>
              + Add an arm
            </button>
          </li>
        )}
      </ul>
      {refused && (
        <p className="compare-refused" role="alert">
          {refused}
        </p>
      )}
    </section>
  );
}
