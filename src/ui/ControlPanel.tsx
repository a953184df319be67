// The parameter panel, generated from PARAM_SCHEMA: one control per parameter, grouped as the
// schema groups them. A parameter added to the schema shows up here without a change to this file.
import { useId, useState } from 'react';
import { PARAM_SCHEMA, paramSpec, type ParamGroup, type ParamSpec } from '../engine';
import { ParamControl } from './controls/ParamControl';
import { useActions, useAppStore } from './storeContext';

/** Where each group sits in the panel; `Record` makes TypeScript flag a group added to the schema. */
const GROUP_ORDER: Readonly<Record<ParamGroup, number>> = {
  World: 0,
  Listeners: 1,
  Recommender: 2,
  Exploration: 3,
  Debiasing: 4,
  Metrics: 5,
  Run: 6,
};

/** Groups that start collapsed: the set-up of the world, so the strategies are in view first. */
const START_CLOSED: ReadonlySet<ParamGroup> = new Set<ParamGroup>(['World', 'Listeners']);

/** One line under each group title. */
const GROUP_BLURB: Readonly<Record<ParamGroup, string>> = {
  World: 'The catalog and its history of plays.',
  Listeners: 'Who listens, and how they choose.',
  Recommender: 'How each slate is ranked.',
  Exploration: 'Slots spent on songs the system knows little about.',
  Debiasing: 'Corrections for position and popularity bias.',
  Metrics: 'How the charts bucket songs.',
  Run: 'Randomness and run length.',
};

/** The schema's parameters by group, groups in panel order, parameters in schema order. */
export function groupedSchema(schema: readonly ParamSpec[] = PARAM_SCHEMA): { group: ParamGroup; specs: ParamSpec[] }[] {
  const groups = new Map<ParamGroup, ParamSpec[]>();
  for (const spec of schema) {
    const list = groups.get(spec.group) ?? [];
    list.push(spec);
    groups.set(spec.group, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (GROUP_ORDER[a] ?? 99) - (GROUP_ORDER[b] ?? 99))
    .map(([group, specs]) => ({ group, specs }));
}

const GROUPS = groupedSchema();

function PendingRestart() {
  const pending = useAppStore((s) => s.pendingRestart);
  const { applyRestart, discardPending } = useActions();
  if (pending.length === 0) return null;
  const labels = pending.map((key) => paramSpec(key)?.label ?? key);
  return (
    <div className="pending" role="status">
      <p className="pending-text">
        <strong>Restart needed to apply:</strong> {labels.join(', ')}
      </p>
      <p className="pending-sub">Until then the run goes on with the current world.</p>
      <div className="pending-actions">
        <button type="button" className="btn btn-primary" onClick={applyRestart}>
          Apply and restart
        </button>
        <button type="button" className="btn btn-quiet" onClick={discardPending}>
          Discard
        </button>
      </div>
    </div>
  );
}

/** The panel: a sidebar on wide screens, a collapsible section on phones. */
export function ControlPanel() {
  const [openOnPhone, setOpenOnPhone] = useState(false);
  const bodyId = useId();
  return (
    <aside className={`sidebar${openOnPhone ? ' is-open' : ''}`} aria-label="Parameters">
      <div className="sidebar-head">
        <h2 className="sidebar-title">Parameters</h2>
        <button
          type="button"
          className="btn btn-quiet sidebar-toggle"
          aria-expanded={openOnPhone}
          aria-controls={bodyId}
          onClick={() => setOpenOnPhone((open) => !open)}
        >
          {openOnPhone ? 'Close' : 'Open'}
        </button>
      </div>
      <PendingRestart />
      <div className="sidebar-body" id={bodyId}>
        <p className="sidebar-note">
          <span className="tag tag-live">live</span> parameters change the running simulation from the next step; the others
          build a new world.
        </p>
        {GROUPS.map(({ group, specs }) => (
          <details key={group} className="group" open={!START_CLOSED.has(group)}>
            <summary className="group-title">
              <span>{group}</span>
              <span className="group-blurb">{GROUP_BLURB[group] ?? ''}</span>
            </summary>
            <div className="group-body" role="group" aria-label={`${group} parameters`}>
              {specs.map((spec) => (
                <ParamControl key={spec.key} spec={spec} />
              ))}
            </div>
          </details>
        ))}
      </div>
    </aside>
  );
}
