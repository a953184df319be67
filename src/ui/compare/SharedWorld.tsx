// The world every arm shares (seed, listeners, songs, steps), shown in a sentence and changed in place; it is the Explore page's scenario too.
import { useId, useState, type FormEvent } from 'react';
import { describeAllowed, formatValue, paramSpec, parseValue, type Params } from '../../engine';
import { useActions, useAppStore } from '../storeContext';

/** The shared settings a practitioner changes most: the rest of SHARED_KEYS (world seed, buckets) stay on the Explore page. */
export const EDITABLE_SHARED_KEYS = ['seed', 'users', 'songs', 'steps'] as const satisfies readonly (keyof Params)[];
type EditableKey = (typeof EDITABLE_SHARED_KEYS)[number];

const INT = new Intl.NumberFormat('en-US');

/** The typed values, or a message per field naming it and what it allows. */
export function readShared(text: Readonly<Record<EditableKey, string>>): { values: Partial<Params> } | { errors: Partial<Record<EditableKey, string>> } {
  const values: Record<string, unknown> = {};
  const errors: Partial<Record<EditableKey, string>> = {};
  for (const key of EDITABLE_SHARED_KEYS) {
    const spec = paramSpec(key)!;
    const checked = parseValue(spec, text[key]);
    if (checked.ok) values[key] = checked.value;
    else errors[key] = `${spec.label} must be ${describeAllowed(spec)}.`;
  }
  return Object.keys(errors).length > 0 ? { errors } : { values: values as Partial<Params> };
}

export function SharedWorld() {
  const base = useAppStore((s) => s.base);
  const { runScript } = useActions();
  const id = useId();
  const [text, setText] = useState<Record<EditableKey, string> | null>(null);
  const [errors, setErrors] = useState<Partial<Record<EditableKey, string>>>({});
  const open = () => {
    setText(Object.fromEntries(EDITABLE_SHARED_KEYS.map((k) => [k, formatValue(base[k])])) as Record<EditableKey, string>);
    setErrors({});
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text) return;
    const read = readShared(text);
    if ('errors' in read) {
      setErrors(read.errors);
      return;
    }
    // A new scenario for the whole app: the Explore run starts again on it, and every arm re-runs.
    runScript({ params: { ...base, ...read.values }, changes: [] });
    setText(null);
  };
  return (
    <div className="shared-world">
      <p>
        Every arm runs on the same world with the same seed, so listeners, songs and every behaviour draw are shared: a
        difference is the strategy&apos;s, not luck&apos;s. All arms: seed {base.seed}, {INT.format(base.users)} listeners,{' '}
        {INT.format(base.songs)} songs, {INT.format(base.steps)} steps.{' '}
        {!text && (
          <button type="button" className="btn btn-quiet shared-change" onClick={open}>
            Change the world
          </button>
        )}
      </p>
      {text && (
        <form className="shared-form" onSubmit={submit} aria-label="The world every arm shares" noValidate>
          {EDITABLE_SHARED_KEYS.map((key) => {
            const spec = paramSpec(key)!;
            const inputId = `${id}-${key}`;
            const errorId = `${inputId}-error`;
            return (
              <div key={key} className="shared-field">
                <label htmlFor={inputId}>{spec.label}</label>
                <input
                  id={inputId}
                  className="field"
                  inputMode="numeric"
                  value={text[key]}
                  aria-invalid={errors[key] ? true : undefined}
                  aria-describedby={errors[key] ? errorId : undefined}
                  onChange={(e) => setText({ ...text, [key]: e.target.value })}
                />
                {errors[key] && (
                  <span id={errorId} className="shared-error" role="alert">
                    {errors[key]}
                  </span>
                )}
              </div>
            );
          })}
          <div className="shared-actions">
            <button type="submit" className="btn btn-primary">
              Run every arm on it
            </button>
            <button type="button" className="btn" onClick={() => setText(null)}>
              Cancel
            </button>
          </div>
          <p className="shared-note">The Explore page runs this world too.</p>
        </form>
      )}
    </div>
  );
}
