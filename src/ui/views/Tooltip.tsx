// A small floating box of labelled values, shared by every chart's hover and focus state.
import type { ReactNode } from 'react';

/** One line of a tooltip: optional colour swatch, a label and its formatted value. */
export interface TooltipRow {
  label: string;
  value: string;
  color?: string;
}

/** Props of {@link Tooltip}: position in px inside the positioned chart wrapper. */
export interface TooltipProps {
  x: number;
  y: number;
  /** Width of the wrapper, to flip the box left near the right edge. */
  containerWidth: number;
  title: ReactNode;
  rows: readonly TooltipRow[];
  /** A line of text under the rows, e.g. the live change that starts at this step. Wraps. */
  note?: string;
}

/** Renders the tooltip next to (x, y), flipped so it stays inside the chart. */
export function Tooltip({ x, y, containerWidth, title, rows, note }: TooltipProps) {
  const flip = x > containerWidth / 2;
  const style = flip ? { right: containerWidth - x + 12, top: y } : { left: x + 12, top: y };
  return (
    <div className="vw-tooltip" style={style} aria-hidden="true">
      <div className="vw-tooltip-title">{title}</div>
      {rows.map((r) => (
        <div key={r.label} className="vw-tooltip-row">
          {r.color && <span className="vw-swatch" style={{ background: r.color }} />}
          <span className="vw-tooltip-label">{r.label}</span>
          <span className="vw-tooltip-value">{r.value}</span>
        </div>
      ))}
      {note && <div className="vw-tooltip-note">{note}</div>}
    </div>
  );
}
