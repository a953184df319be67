// One small multiple inside a view card: a heading with the current value, a one-line hint, the chart.
import type { ReactNode } from 'react';

/** Props of {@link Panel}. */
export interface PanelProps {
  title: ReactNode;
  /** The current value, printed large next to the title (e.g. "0.91" or "412 of 2,000"). */
  value?: ReactNode;
  /** What the reader should notice, in a few words. */
  hint?: ReactNode;
  children: ReactNode;
}

/** A titled panel; views lay several of them out in a responsive grid (.vw-multiples). */
export function Panel({ title, value, hint, children }: PanelProps) {
  return (
    <div className="vw-panel">
      <div className="vw-panel-head">
        <h3 className="vw-panel-title">{title}</h3>
        {value !== undefined && <span className="vw-panel-value">{value}</span>}
      </div>
      {hint && <p className="vw-panel-hint">{hint}</p>}
      {children}
    </div>
  );
}
