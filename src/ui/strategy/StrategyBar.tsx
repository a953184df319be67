// The strategy bar: switch the mitigation mid-run with one tap, without opening the settings; one at a time, each chip replacing the last.
import { useId } from 'react';
import { useActions, useAppStore } from '../storeContext';
import { activeMitigation, changesTo, customMix, MITIGATIONS } from './mitigations';
import './strategy.css';

/** The group's name for screen readers; the visible label says the same in two lines. */
export const STRATEGY_GROUP_NAME = 'Mitigation (one at a time)';

export function StrategyBar({ large = false }: { large?: boolean }) {
  const params = useAppStore((s) => s.params);
  const status = useAppStore((s) => s.status);
  const { changeParam } = useActions();
  const active = activeMitigation(params)?.id;
  // Set in the panel, the parameters can be a mix no chip stands for: then no chip is pressed and the bar says what is on.
  const mix = active ? [] : customMix(params);
  const id = useId();
  return (
    <div
      className={large ? 'strategy-bar strategy-bar-large' : 'strategy-bar'}
      role="group"
      aria-label={STRATEGY_GROUP_NAME}
      aria-describedby={mix.length > 0 ? `${id}-state` : undefined}
    >
      <span className="strategy-label" aria-hidden="true">
        Mitigation <span className="strategy-hint">one at a time</span>
      </span>
      {MITIGATIONS.map((m) => (
        <button
          key={m.id}
          type="button"
          className="strategy-chip"
          aria-pressed={m.id === active}
          title={m.description}
          disabled={status === 'starting' || status === 'error'}
          onClick={() => {
            for (const [key, value] of changesTo(m, params)) changeParam(key, value);
          }}
        >
          {m.label(params)}
        </button>
      ))}
      {mix.length > 0 && (
        <span id={`${id}-state`} className="strategy-state">
          {mix.length > 1 ? 'Custom mix' : 'Custom'}: {mix.join(' + ')}. A chip replaces it.
        </span>
      )}
    </div>
  );
}
