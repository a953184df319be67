// The strategy bar: switch the mitigation mid-run with one tap, without opening the settings.
import { useActions, useAppStore } from '../storeContext';
import { activeMitigation, changesTo, MITIGATIONS } from './mitigations';
import './strategy.css';

export function StrategyBar({ large = false }: { large?: boolean }) {
  const params = useAppStore((s) => s.params);
  const status = useAppStore((s) => s.status);
  const { changeParam } = useActions();
  const active = activeMitigation(params)?.id;
  return (
    <div className={large ? 'strategy-bar strategy-bar-large' : 'strategy-bar'} role="group" aria-label="Mitigation">
      <span className="strategy-label" aria-hidden="true">
        Mitigation
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
    </div>
  );
}
