// One control per parameter, chosen by the spec's type: slider + field, switch, select or list field.
// Every control has its label, its range and unit, and the spec's help as its description.
import { useId, useState, type ChangeEvent, type KeyboardEvent, type ReactNode } from 'react';
import {
  describeAllowed,
  formatValue,
  parseValue,
  type BooleanSpec,
  type EnumSpec,
  type IntListSpec,
  type ParamSpec,
  type Params,
} from '../../engine';
import { useActions, useAppStore } from '../storeContext';
import { formatNumber, sliderScale, type NumericSpec } from './sliderScale';

type Key = keyof Params;

function useDraft(spec: ParamSpec): Params[Key] {
  return useAppStore((s) => s.draft[spec.key as Key]);
}

interface FrameProps {
  spec: ParamSpec;
  inputId: string;
  helpId: string;
  /** Range and unit, e.g. "2 – 200,000 listeners". */
  range?: ReactNode;
  error?: string | null;
  errorId?: string;
  children: ReactNode;
  /** The label wraps a checkbox instead of pointing at an input. */
  inline?: boolean;
}

function ControlFrame({ spec, inputId, helpId, range, error, errorId, children, inline = false }: FrameProps) {
  const pending = useAppStore((s) => s.pendingRestart.includes(spec.key));
  const className = `control control-${spec.type}${pending ? ' is-pending' : ''}${error ? ' is-invalid' : ''}`;
  return (
    <div className={className} data-param={spec.key}>
      <div className="control-head">
        {inline ? (
          children
        ) : (
          <label htmlFor={inputId} className="control-label">
            {spec.label}
          </label>
        )}
        {spec.effect === 'live' ? (
          <span className="tag tag-live" title="Changes apply from the next step, without a restart">live</span>
        ) : pending ? (
          <span className="tag tag-pending">restart to apply</span>
        ) : null}
        <span id={helpId} role="tooltip" className="help">
          {spec.help}
        </span>
      </div>
      {!inline && children}
      {range && <div className="control-range">{range}</div>}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A text field that only commits valid values. While the text is invalid the message names the
 * field and what is allowed, and the parameter keeps its last valid value; leaving the field puts
 * that value back.
 */
function useValidatedText(spec: ParamSpec, value: Params[Key], onValid: (value: Params[Key]) => void) {
  const shown = formatValue(value);
  const [text, setText] = useState(shown);
  const [synced, setSynced] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  /** The invalid text was replaced by the last valid value: the message stays as a note. */
  const [reverted, setReverted] = useState(false);
  // The value changed elsewhere (slider, preset, reset): show it.
  if (shown !== synced) {
    setSynced(shown);
    setText(shown);
    setError(null);
    setReverted(false);
  }
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const raw = event.target.value;
    setText(raw);
    setReverted(false);
    const parsed = parseValue(spec, raw);
    if (parsed.ok) {
      setError(null);
      const next = parsed.value as Params[Key];
      // Keep the user's text ("0.50") rather than replacing it with the formatted value mid-typing.
      setSynced(formatValue(next));
      onValid(next);
    } else {
      setError(`${spec.label} must be ${describeAllowed(spec)} (got ${JSON.stringify(raw)}).`);
    }
  };
  const revert = () => {
    if (error === null || reverted) return;
    setText(shown);
    setReverted(true);
    setError(`${error.replace(/\.$/, '')}; kept ${shown}.`);
  };
  const onBlur = () => revert();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      setText(shown);
      setError(null);
      setReverted(false);
    }
  };
  return { text, error, invalid: error !== null && !reverted, onChange, onBlur, onKeyDown };
}

function NumberControl({ spec }: { spec: NumericSpec }) {
  const { changeParam } = useActions();
  const value = useDraft(spec) as number;
  const id = useId();
  const [inputId, helpId, errorId] = [`${id}-input`, `${id}-help`, `${id}-error`];
  const commit = (next: Params[Key]) => changeParam(spec.key as Key, next, { continuous: true });
  const field = useValidatedText(spec, value, commit);
  const scale = sliderScale(spec);
  const unit = spec.unit ? ` ${spec.unit}` : '';
  const describedBy = field.error ? `${helpId} ${errorId}` : helpId;
  return (
    <ControlFrame
      spec={spec}
      inputId={inputId}
      helpId={helpId}
      error={field.error}
      errorId={errorId}
      range={
        <>
          <span>{formatNumber(spec.min)}</span>
          <span className="range-scale">{scale?.kind === 'log' ? 'log scale' : ''}</span>
          <span>
            {formatNumber(spec.max)}
            {unit}
          </span>
        </>
      }
    >
      <div className="number-row">
        {scale && (
          <input
            type="range"
            className="slider"
            aria-label={`${spec.label} slider`}
            aria-describedby={helpId}
            aria-valuetext={`${formatNumber(value)}${unit}`}
            min={scale.min}
            max={scale.max}
            step={scale.step}
            value={scale.toSlider(value)}
            onChange={(e) => commit(scale.fromSlider(Number(e.target.value)))}
          />
        )}
        <span className="field-with-unit">
          <input
            id={inputId}
            type="text"
            inputMode={spec.type === 'int' && spec.min >= 0 ? 'numeric' : 'decimal'}
            autoComplete="off"
            spellCheck={false}
            className={`field${scale ? '' : ' field-wide'}`}
            value={field.text}
            aria-invalid={field.invalid ? true : undefined}
            aria-describedby={describedBy}
            onChange={field.onChange}
            onBlur={field.onBlur}
            onKeyDown={field.onKeyDown}
          />
        </span>
      </div>
    </ControlFrame>
  );
}

function BooleanControl({ spec }: { spec: BooleanSpec }) {
  const { changeParam } = useActions();
  const value = useDraft(spec) as boolean;
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <ControlFrame spec={spec} inputId={id} helpId={helpId} inline>
      <label className="switch control-label">
        <input
          type="checkbox"
          role="switch"
          checked={value}
          aria-describedby={helpId}
          onChange={(e) => changeParam(spec.key as Key, e.target.checked as Params[Key])}
        />
        <span className="switch-track" aria-hidden="true" />
        <span>{spec.label}</span>
      </label>
    </ControlFrame>
  );
}

function EnumControl({ spec }: { spec: EnumSpec }) {
  const { changeParam } = useActions();
  const value = useDraft(spec) as string;
  const id = useId();
  const [inputId, helpId, optionId] = [`${id}-input`, `${id}-help`, `${id}-option`];
  return (
    <ControlFrame spec={spec} inputId={inputId} helpId={helpId}>
      <select
        id={inputId}
        className="select"
        value={value}
        aria-describedby={`${optionId} ${helpId}`}
        onChange={(e) => changeParam(spec.key as Key, e.target.value as Params[Key])}
      >
        {spec.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <p id={optionId} className="option-help">
        {spec.optionHelp[value]}
      </p>
    </ControlFrame>
  );
}

function IntListControl({ spec }: { spec: IntListSpec }) {
  const { changeParam } = useActions();
  const value = useDraft(spec);
  const id = useId();
  const [inputId, helpId, errorId] = [`${id}-input`, `${id}-help`, `${id}-error`];
  const field = useValidatedText(spec, value, (next) => changeParam(spec.key as Key, next, { continuous: true }));
  return (
    <ControlFrame
      spec={spec}
      inputId={inputId}
      helpId={helpId}
      error={field.error}
      errorId={errorId}
      range={
        <span>
          {spec.length} ascending numbers, {formatNumber(spec.min)} – {formatNumber(spec.max)}
          {spec.unit ? ` ${spec.unit}` : ''}, e.g. {formatValue(spec.default as number[])}
        </span>
      }
    >
      <input
        id={inputId}
        type="text"
        autoComplete="off"
        spellCheck={false}
        className="field field-wide"
        value={field.text}
        aria-invalid={field.invalid ? true : undefined}
        aria-describedby={field.error ? `${helpId} ${errorId}` : helpId}
        onChange={field.onChange}
        onBlur={field.onBlur}
        onKeyDown={field.onKeyDown}
      />
    </ControlFrame>
  );
}

/** The control for one parameter of the schema. */
export function ParamControl({ spec }: { spec: ParamSpec }) {
  switch (spec.type) {
    case 'int':
    case 'number':
      return <NumberControl spec={spec} />;
    case 'boolean':
      return <BooleanControl spec={spec} />;
    case 'enum':
      return <EnumControl spec={spec} />;
    case 'intList':
      return <IntListControl spec={spec} />;
  }
}
