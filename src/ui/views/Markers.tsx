// Live parameter changes on a time chart: a dashed vertical line at marker.t with its label.
import type { PlotBox } from './layout';
import type { Marker } from './types';

/** Props of {@link Markers}. */
export interface MarkersProps {
  box: PlotBox;
  markers: readonly Marker[];
  /** Maps a step to its x pixel. */
  x: (t: number) => number;
  /** Hide the text (the line stays) on very small panels where it would cover the data. */
  showLabels?: boolean;
}

/** Height of the strip above the plot that holds marker labels, so they never cover the data. */
export const MARKER_STRIP = 20;

/**
 * Draws every marker through the plot, labelled in the strip above it (the chart reserves
 * MARKER_STRIP px); every second label drops one row, so close neighbours do not overlap.
 */
export function Markers({ box, markers, x, showLabels = true }: MarkersProps) {
  return (
    <g className="vw-markers">
      {markers.map((m, i) => {
        const px = x(m.t);
        if (px < box.left - 0.5 || px > box.right + 0.5) return null;
        // Near the right edge the label reads leftwards, so it stays inside the chart.
        const flip = px > box.left + (box.right - box.left) * 0.6;
        return (
          <g key={`${m.t}-${m.label}`} className="vw-marker">
            <line
              x1={px}
              x2={px}
              y1={box.top - (showLabels ? MARKER_STRIP - 4 : 0)}
              y2={box.bottom}
              className="vw-marker-line"
            />
            {showLabels && (
              <text
                x={flip ? px - 5 : px + 5}
                y={box.top - 7 + (i % 2) * 16}
                textAnchor={flip ? 'end' : 'start'}
                className="vw-marker-label"
              >
                {m.label}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
