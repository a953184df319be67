// The engine's across-world numbers for the current strategy and the baseline side by side, each with what it measures.
import type { WorldsRun } from '../../state/worlds';
import { GlossaryTerm } from '../GlossaryTerm';
import { hasScale, MEASURES, readingSentence } from './worldsText';

export function AcrossTable({ run }: { run: WorldsRun }) {
  const sides = [run.current, run.baseline] as const;
  const across = sides.map((s) => s.across);
  return (
    <div className="wl-across">
      <div className="wl-table-scroll">
        <table className="wl-numbers">
          <caption className="visually-hidden">{`Across ${run.inputs.n} worlds: the current strategy and the baseline`}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Measure</span>
              </th>
              {sides.map((s) => (
                <th key={s.id} scope="col" className={`wl-side-col wl-side-${s.id}`}>
                  {s.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {MEASURES.map((m) => {
              const { numbers, scale } = m.show(across);
              return (
                <tr key={m.id} data-measure={m.id}>
                  <th scope="row">
                    <span className="wl-measure">{m.glossary ? <GlossaryTerm term={m.glossary}>{m.label}</GlossaryTerm> : m.label}</span>
                    <span className="wl-measure-help">{m.help}</span>
                  </th>
                  {sides.map((s, i) => (
                    <td key={s.id} data-side={s.id} className="wl-value">
                      {numbers[i]}
                      {hasScale(numbers[i] ?? '', scale) && (
                        <>
                          {' '}
                          {/* Smaller than the digits, so a narrow cell still fits it on one line. */}
                          <span className="wl-scale">{scale}</span>
                        </>
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="wl-reading" data-testid="worlds-reading">
        {readingSentence(run)}
      </p>
    </div>
  );
}
