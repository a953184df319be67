// A small floating box of labelled values, shared by every chart's hover and focus state.
import { useRef, type ReactNode } from 'react';
import { useStayInside } from './stayInside';

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

/**
 * Renders the tooltip next to (x, y), on the side of the point with more room, then nudged so it
 * stays inside its view card (a tooltip near a card's edge never pokes out over the next card).
 */
export function Tooltip({ x, y, containerWidth, title, rows, note }: TooltipProps) {
  const ref = useRef<HTMLDivElement>(null);
  // A view's card, or a compare page's metric card: both contain their paint (content-visibility).
  useStayInside(ref, '.vw-card, .metric-card');
  const flip = x > containerWidth / 2;
  const style = flip ? { right: containerWidth - x + 12, top: y } : { left: x + 12, top: y };
  return (
    <div ref={ref} className="vw-tooltip" style={style} aria-hidden="true">
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
