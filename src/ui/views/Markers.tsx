// Live parameter changes on a time chart: a dashed vertical line at marker.t with its label above the plot.
import type { PlotBox } from './layout';
import { TextMeter } from './textFit';
import type { Marker } from './types';

/** Height of one row of marker labels in the strip above the plot, px. */
export const LANE_HEIGHT = 16;
/**
 * Space between the plot and the baseline of the lowest row, px: enough that a label reading over
 * the y axis clears the top tick label, which is centred on the plot's top edge.
 */
const STRIP_PAD = 10;
/** Gap between a label and its line, px. */
const PAD = 5;
/** Gap between two labels in a row, px. */
const GAP = 10;
/** Lines closer than this, px, are a cluster: their labels keep to one row each. */
const CROWDED = 70;
/** A label cut to less than this is left out (its line keeps the full text as a hover title). */
const MIN_LABEL = 34;

/** Marker labels are 13px semibold (see .vw-marker-label). */
export const markerMeter = new TextMeter('600 13px', 13);

/** One row of a marker's label. */
export interface LabelRow {
  readonly text: string;
  /** Row of the strip, 0 = nearest the plot. */
  readonly lane: number;
}

/** Where one marker's label goes. */
export interface MarkerLabel {
  readonly marker: Marker;
  /** The line's x, px. */
  readonly x: number;
  /**
   * The text shown, top row first: the label; the label without "from here"; its changes one per
   * row; or one row cut with "…". Empty: the line alone (its hover title has the full text).
   */
  readonly rows: readonly LabelRow[];
  /** x of the text's anchor and which side of the line it reads on. */
  readonly tx: number;
  readonly anchor: 'start' | 'end';
}

/**
 * The changes whose label found no room, summed up as one "+N" whose hover title lists them; it
 * sits in a free spot of the strip near them, or on a row of its own above the others.
 */
export interface MoreBadge {
  readonly text: string;
  readonly markers: readonly Marker[];
  readonly lane: number;
  readonly tx: number;
  readonly anchor: 'start' | 'end';
}

/** Everything the chart needs to draw the markers: the labels, the "+N" and how many rows they take. */
export interface MarkerLayout {
  readonly labels: readonly MarkerLabel[];
  readonly lanes: number;
  readonly more: MoreBadge | null;
}

/** The hover title of a "+N": each left-out change with its step. */
export function moreTitle(markers: readonly Marker[]): string {
  return `Also changed: ${markers.map((m) => `step ${m.t}: ${withoutFromHere(m.label)}`).join('; ')}`;
}

/** Height of the strip above the plot that holds `lanes` rows of labels (0 for none). */
export function markerStrip(lanes: number): number {
  return lanes > 0 ? lanes * LANE_HEIGHT + STRIP_PAD : 0;
}

/** The label without its closing "from here": the dashed line already says where the change starts. */
function withoutFromHere(label: string): string {
  return label.replace(/\s+from here$/u, '') || label;
}

/**
 * Ways to show a label, most informative first, each a list of rows: the label; without "from
 * here"; and when it merges several changes ("exploration = epsilon, ε = 0.2"), one change per row.
 */
function forms(label: string, maxLanes: number): string[][] {
  const short = withoutFromHere(label);
  const out = [[label]];
  if (short !== label) out.push([short]);
  // Split only before "name = " so a value such as "50, 500" stays whole.
  const parts = short.split(/,\s+(?=[^,=]+ = )/u);
  if (parts.length > 1 && parts.length <= maxLanes) out.push(parts);
  return out;
}

/**
 * Places each marker's label in the strip above the plot, inside [minX, maxX], so that no two
 * labels overlap and no marker line crosses another marker's label. The most recent change (the
 * rightmost line) is placed first, in the lowest row with room, reading rightwards if it fits, else
 * leftwards; earlier changes then step up a row where they would meet it. A label that does not
 * fit whole drops "from here", then puts each of its changes on a row of its own, and only then is
 * cut with an ellipsis to the widest free space (or left out: the line alone). The full text is
 * always the line's hover title. Rows are capped at `maxLanes`.
 */
export function layoutMarkers(
  markers: readonly Marker[],
  x: (t: number) => number,
  minX: number,
  maxX: number,
  maxLanes: number,
  width: (text: string) => number = (t) => markerMeter.width(t),
  fit: (text: string, max: number) => string = (t, m) => markerMeter.fit(t, m),
): MarkerLayout {
  const items = markers
    .map((marker) => ({ marker, x: x(marker.t) }))
    .filter((item) => item.x >= minX && item.x <= maxX)
    .sort((a, b) => a.x - b.x);
  /** Labels placed so far, per row: their horizontal extents. */
  const rowsUsed: { from: number; to: number }[][] = [];
  /** Lines placed so far: x and the highest row they reach (-1: they stop at the plot). */
  const lines: { x: number; top: number }[] = [];
  const labels: MarkerLabel[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    // A label never reaches over the line of an earlier change: it is placed later and may rise
    // above this label's row, which it could then cross.
    const leftEnd = Math.max(minX, i > 0 ? items[i - 1]!.x + 3 : minX);
    /** Free width in a row right of the line: up to the next label or a line reaching this row. */
    const rightRoom = (row: number) => {
      const from = item.x + PAD;
      let to = maxX;
      for (const l of lines) if (l.x > item.x && l.top >= row) to = Math.min(to, l.x - 3);
      for (const used of rowsUsed[row] ?? []) {
        if (used.to + GAP <= from) continue;
        if (used.from - GAP < from) return -1;
        to = Math.min(to, used.from - GAP);
      }
      return to - from;
    };
    const leftRoom = item.x - PAD - leftEnd;
    const place = (texts: readonly string[], row: number, anchor: 'start' | 'end') => {
      const tx = anchor === 'start' ? item.x + PAD : item.x - PAD;
      const w = Math.max(...texts.map(width));
      // The first text goes on the top row.
      const rows = texts.map((text, k) => ({ text, lane: row + texts.length - 1 - k }));
      for (const r of rows)
        (rowsUsed[r.lane] ??= []).push(
          anchor === 'start' ? { from: tx, to: tx + w } : { from: tx - w, to: tx },
        );
      lines.push({ x: item.x, top: row + texts.length - 1 });
      labels.push({ ...item, rows, tx, anchor });
    };
    let placed = false;
    // One change per row only when the previous line is not close: a label over every row would
    // leave that change no room at all.
    const crowded = i > 0 && item.x - items[i - 1]!.x < CROWDED;
    const candidates = maxLanes > 0 ? forms(item.marker.label, maxLanes) : [];
    for (const texts of crowded ? candidates.filter((f) => f.length === 1) : candidates) {
      const w = Math.max(...texts.map(width));
      for (let row = 0; row + texts.length <= maxLanes && !placed; row++) {
        const right = Math.min(...texts.map((_, k) => rightRoom(row + k)));
        if (right >= w) place(texts, row, 'start');
        else if (leftRoom >= w) place(texts, row, 'end');
        else continue;
        placed = true;
      }
      if (placed) break;
    }
    if (placed) continue;
    // Nothing fits whole: cut the short text to the widest free space, in the lowest such row.
    let best = { row: 0, side: 'end' as 'start' | 'end', space: maxLanes > 0 ? leftRoom : -1 };
    for (let row = 0; row < maxLanes; row++) {
      const right = rightRoom(row);
      if (right > best.space) best = { row, side: 'start', space: right };
    }
    const text = best.space >= MIN_LABEL ? fit(withoutFromHere(item.marker.label), best.space) : '';
    if (text) place([text], best.row, best.side);
    else {
      lines.push({ x: item.x, top: -1 });
      labels.push({ ...item, rows: [], tx: item.x, anchor: 'start' });
    }
  }
  labels.reverse();
  const more = maxLanes > 0 ? placeMore(labels, rowsUsed, lines, minX, maxX, width) : null;
  return { labels, lanes: Math.max(rowsUsed.length, more ? more.lane + 1 : 0), more };
}

/**
 * Places the "+N" of the changes left without a label: beside one of their lines (latest first) in
 * the lowest row where it overlaps no label and crosses no line; failing that, on a new row above
 * all labels, which no line reaches.
 */
function placeMore(
  labels: readonly MarkerLabel[],
  rowsUsed: readonly (readonly { from: number; to: number }[])[],
  lines: readonly { x: number; top: number }[],
  minX: number,
  maxX: number,
  width: (text: string) => number,
): MoreBadge | null {
  const hidden = labels.filter((l) => l.rows.length === 0);
  if (hidden.length === 0) return null;
  const text = `+${hidden.length}`;
  const w = width(text);
  const markers = hidden.map((l) => l.marker);
  const free = (from: number, to: number, row: number) =>
    from >= minX &&
    to <= maxX &&
    (rowsUsed[row] ?? []).every((u) => u.to + GAP <= from || u.from - GAP >= to) &&
    lines.every((l) => l.top < row || l.x <= from - 3 || l.x >= to + 3);
  for (let row = 0; row < rowsUsed.length; row++)
    for (let i = hidden.length - 1; i >= 0; i--) {
      const x = hidden[i]!.x;
      if (free(x + PAD, x + PAD + w, row))
        return { text, markers, lane: row, tx: x + PAD, anchor: 'start' };
      if (free(x - PAD - w, x - PAD, row))
        return { text, markers, lane: row, tx: x - PAD, anchor: 'end' };
    }
  const x = hidden.at(-1)!.x;
  const lane = rowsUsed.length;
  return x + PAD + w <= maxX
    ? { text, markers, lane, tx: Math.max(minX, x + PAD), anchor: 'start' }
    : { text, markers, lane, tx: Math.max(minX + w, Math.min(maxX, x - PAD)), anchor: 'end' };
}

/** Height above a label's baseline and depth below it that its 13 px text takes, px. */
const ASCENT = 10;
const DESCENT = 3;

/** A label row or the "+N" as a box in SVG pixels. */
export interface TextBox {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly text: string;
}

/** y of the baseline of strip row `lane` over a plot whose top edge is at `plotTop`. */
export function laneBaseline(plotTop: number, lane: number): number {
  return plotTop - STRIP_PAD - lane * LANE_HEIGHT;
}

/** Every piece of marker text as a box (for checking that none overlap each other or the axes). */
export function markerBoxes(
  layout: MarkerLayout,
  plotTop: number,
  width: (text: string) => number = (t) => markerMeter.width(t),
): TextBox[] {
  const box = (text: string, lane: number, tx: number, anchor: 'start' | 'end'): TextBox => {
    const w = width(text);
    const y = laneBaseline(plotTop, lane);
    const x0 = anchor === 'start' ? tx : tx - w;
    return { x0, x1: x0 + w, y0: y - ASCENT, y1: y + DESCENT, text };
  };
  const out = layout.labels.flatMap((l) => l.rows.map((r) => box(r.text, r.lane, l.tx, l.anchor)));
  const { more } = layout;
  if (more) out.push(box(more.text, more.lane, more.tx, more.anchor));
  return out;
}

/** Props of {@link Markers}. */
export interface MarkersProps {
  box: PlotBox;
  layout: MarkerLayout;
}

/**
 * Draws every marker as a dashed line through the plot, its label in the strip above (the chart
 * reserves markerStrip(lanes) px). Lines come first, so a label's white halo covers a neighbour's
 * line. Each line carries the full label as a hover title, over a wider invisible stroke so the
 * pointer can find it.
 */
export function Markers({ box, layout }: MarkersProps) {
  const shown = layout.labels.filter((l) => l.x >= box.left - 0.5 && l.x <= box.right + 0.5);
  const y = (lane: number) => laneBaseline(box.top, lane);
  const { more } = layout;
  return (
    <g className="vw-markers">
      {shown.map((l) => {
        // A line without a label stops at the plot, so it never crosses another marker's label.
        const top = l.rows.length > 0 ? y(Math.max(...l.rows.map((r) => r.lane))) - 11 : box.top;
        return (
          <g key={`${l.marker.t}-${l.marker.label}`} className="vw-marker">
            <title>{l.marker.label}</title>
            <line x1={l.x} x2={l.x} y1={top} y2={box.bottom} className="vw-marker-line" />
            <line x1={l.x} x2={l.x} y1={top} y2={box.bottom} className="vw-marker-hit" />
          </g>
        );
      })}
      {shown.map((l) =>
        l.rows.length > 0 ? (
          <g key={`${l.marker.t}-${l.marker.label}`}>
            <title>{l.marker.label}</title>
            {l.rows.map((r) => (
              <text
                key={r.lane}
                x={l.tx}
                y={y(r.lane)}
                textAnchor={l.anchor}
                className="vw-marker-label"
              >
                {r.text}
              </text>
            ))}
          </g>
        ) : null,
      )}
      {more && (
        <g className="vw-marker-more">
          <title>{moreTitle(more.markers)}</title>
          <text x={more.tx} y={y(more.lane)} textAnchor={more.anchor} className="vw-marker-label">
            {more.text}
          </text>
        </g>
      )}
    </g>
  );
}
