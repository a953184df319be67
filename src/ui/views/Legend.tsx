// A row of colour keys under a chart; lines get a short stroke sample so dashes show too.

/** One legend entry. */
export interface LegendItem {
  label: string;
  color: string;
  /** Stroke dash pattern for line series; omitted for filled marks. */
  dash?: string;
  /** 'line' draws a stroke sample, 'dot' a circle, 'ring' an outlined circle, 'zone' a dashed box, default a square. */
  shape?: 'line' | 'dot' | 'ring' | 'zone' | 'square';
  /** Edge colour of a 'zone'. */
  edge?: string;
}

/** Renders the legend as a list, so screen readers can read it too. */
export function Legend({
  items,
  label = 'Legend',
}: {
  items: readonly LegendItem[];
  label?: string;
}) {
  return (
    <ul className="vw-legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.label}>
          <svg width="22" height="14" aria-hidden="true" className="vw-legend-key">
            {item.shape === 'line' ? (
              <line
                x1="1"
                x2="21"
                y1="7"
                y2="7"
                stroke={item.color}
                strokeWidth="3"
                strokeDasharray={item.dash}
              />
            ) : item.shape === 'dot' ? (
              <circle cx="11" cy="7" r="5" fill={item.color} />
            ) : item.shape === 'ring' ? (
              <circle cx="11" cy="7" r="5" fill="none" stroke={item.color} strokeWidth="2" />
            ) : item.shape === 'zone' ? (
              <rect
                x="2"
                y="1"
                width="18"
                height="12"
                rx="2"
                fill={item.color}
                stroke={item.edge}
                strokeWidth="1.5"
                strokeDasharray="3 2"
              />
            ) : (
              <rect x="4" y="0" width="14" height="14" rx="2" fill={item.color} />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** Legend items for a time chart's series (A's ghost lines included, by their own label and dash). */
export function seriesLegend(series: readonly { label: string; color: string; dash?: string }[]): LegendItem[] {
  return series.map((s) => ({ label: s.label, color: s.color, ...(s.dash ? { dash: s.dash } : {}), shape: 'line' as const }));
}
