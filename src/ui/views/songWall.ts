// Pure maths of the song wall: cell order, grid layout, pointer → song mapping and the colour plan.
import { interpolateBlues } from 'd3';
import { fmtInt } from './format';
import { UNSEEN } from './palette';
import { packColor } from './pixels';
import type { SongSnapshot } from './types';

/**
 * Song ids in wall order: by genre, then by id. Ids are stable, so a song keeps its cell from
 * step to step and the reader can watch the same few cells stay lit while the rest stay dark.
 */
export function wallOrder(
  songs: Pick<SongSnapshot, 'genre' | 'released'>,
  genres: number,
): Int32Array {
  const n = songs.released;
  const g = Math.max(1, genres);
  // Counting sort: O(n), and stable, so ids stay ascending within a genre.
  const start = new Int32Array(g + 1);
  for (let i = 0; i < n; i++) start[Math.min(g - 1, songs.genre[i]!) + 1]!++;
  for (let k = 1; k <= g; k++) start[k]! += start[k - 1]!;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[start[Math.min(g - 1, songs.genre[i]!)]!++] = i;
  return order;
}

/** Songs per genre among the released ones (genre ids beyond `genres` count as the last genre). */
export function genreCounts(
  songs: Pick<SongSnapshot, 'genre' | 'released'>,
  genres: number,
): Int32Array {
  const g = Math.max(1, genres);
  const counts = new Int32Array(g);
  for (let i = 0; i < songs.released; i++) counts[Math.min(g - 1, songs.genre[i]!)]!++;
  return counts;
}

/** The grid: square cells of `pitch` px (cell + gap), filled row by row, each genre starting a new row. */
export interface WallLayout {
  cols: number;
  rows: number;
  pitch: number;
  /** Drawn square size: pitch minus a 1 px gap when cells are big enough to afford one. */
  cell: number;
  width: number;
  height: number;
  /** Song id in each grid slot, or -1 for the blank end of a genre's last row. */
  slots: Int32Array;
  /** Each genre's block of rows (genres without songs have none), for the labels beside the wall. */
  bands: readonly GenreBand[];
}

/** The rows one genre fills. */
export interface GenreBand {
  readonly genre: number;
  readonly row: number;
  readonly rows: number;
}

/**
 * Lays out the songs in `order` (grouped by genre, `counts` per genre) with the largest cell
 * (2–18 px) that fits about width × 0.55·width, kept 220–480 px high (so a phone still gets cells
 * it can point at). Each genre starts on a new row, so genres read as bands whose height shows
 * their size. With `fixedHeight`, the largest cell (2–18 px) whose rows fit that height, at any
 * width (see ScaledToFit).
 */
export function wallLayout(
  order: ArrayLike<number>,
  counts: ArrayLike<number>,
  width: number,
  fixedHeight?: number,
): WallLayout {
  const n = order.length;
  const w = Math.max(40, Math.floor(width));
  const rowsAt = (pitch: number) => {
    const cols = Math.max(1, Math.floor(w / pitch));
    let rows = 0;
    for (let g = 0; g < counts.length; g++) rows += Math.ceil(counts[g]! / cols);
    return rows;
  };
  let pitch: number;
  if (fixedHeight !== undefined) {
    // The largest cell whose rows (each genre starting a row) fit the height: the wall is then never
    // higher and, at 2,000 songs from 600 to 1,200 px wide, 264–315 px for 320 (a few cells). At the
    // 2 px floor, a catalog of more than about 80 songs per px of width overflows it.
    pitch = 18;
    while (pitch > 2 && rowsAt(pitch) * pitch > fixedHeight) pitch--;
  } else {
    const targetHeight = Math.min(480, Math.max(220, w * 0.55));
    pitch = Math.max(2, Math.min(18, Math.floor(Math.sqrt((w * targetHeight) / Math.max(1, n)))));
  }
  const cols = Math.max(1, Math.floor(w / pitch));
  const rows = rowsAt(pitch);
  const slots = new Int32Array(rows * cols).fill(-1);
  const bands: GenreBand[] = [];
  let k = 0;
  let row = 0;
  for (let g = 0; g < counts.length; g++) {
    for (let j = 0; j < counts[g]!; j++) slots[row * cols + j] = order[k++]!;
    const r = Math.ceil(counts[g]! / cols);
    if (r > 0) bands.push({ genre: g, row, rows: r });
    row += r;
  }
  return {
    cols,
    rows,
    pitch,
    cell: pitch >= 6 ? pitch - 1 : pitch,
    width: cols * pitch,
    height: rows * pitch,
    slots,
    bands,
  };
}

/** The song under a point (CSS px from the canvas' top-left), or null over blank space. */
export function cellAt(px: number, py: number, layout: WallLayout): number | null {
  if (px < 0 || py < 0) return null;
  const col = Math.floor(px / layout.pitch);
  const row = Math.floor(py / layout.pitch);
  if (col >= layout.cols || row >= layout.rows) return null;
  const id = layout.slots[row * layout.cols + col]!;
  return id >= 0 ? id : null;
}

/**
 * Exposure levels of the wall, by how often a song was shown against an even share (all
 * impressions so far spread equally over the released songs): level 0 never shown, then under a
 * tenth, a tenth to 1×, 1× to 10×, 10× to 100×, and 100× or more. Fixed steps of ten, the same for
 * every run and step, so a pale wall means most songs truly got little attention, and the legend
 * can print what each shade stands for.
 */
export const LEVELS = 6;
/** Lower edges of levels 2..LEVELS-1, in even shares. */
export const LEVEL_EDGES = [0.1, 1, 10, 100] as const;

/** Colour index of a blank slot: not drawn. */
export const BLANK = 0xffff;

/** The exposure level of a song shown `impressions` times when an even share is `evenShare`. */
export function exposureLevel(impressions: number, evenShare: number): number {
  if (!(impressions > 0) || !(evenShare > 0)) return 0;
  const ratio = impressions / evenShare;
  let level = 1;
  for (const edge of LEVEL_EDGES) if (ratio >= edge) level++;
  return level;
}

/** An even share of the impressions so far: their total over the released songs (0 before any). */
export function evenShareOf(songs: Pick<SongSnapshot, 'impressions' | 'released'>): number {
  let total = 0;
  for (let i = 0; i < songs.released; i++) total += songs.impressions[i]!;
  return songs.released > 0 ? total / songs.released : 0;
}

/**
 * The shades: one light-to-dark blue ramp for every song, whatever its genre (genres are the labelled
 * bands beside the wall, never a hue on it, so colour means attention only). Never shown is the
 * card's pale grey; each level up is clearly darker.
 */
export const WALL_SHADES: readonly string[] = [
  UNSEEN,
  ...[0.22, 0.42, 0.62, 0.8, 1].map((t) => interpolateBlues(t)),
];

/** The colour of every slot as an index into `palette` (an exposure level), for batched drawing. */
export interface WallPlan {
  color: Uint16Array;
  palette: readonly string[];
  /** Songs per level, [never, …, 100× or more]. */
  counts: Int32Array;
  /** The even share the levels were measured against. */
  evenShare: number;
}

/** The exposure level of each cell against an even share of the impressions, and songs per level. */
export function wallPlan(songs: SongSnapshot, slots: Int32Array): WallPlan {
  const evenShare = evenShareOf(songs);
  const color = new Uint16Array(slots.length).fill(BLANK);
  const counts = new Int32Array(LEVELS);
  for (let k = 0; k < slots.length; k++) {
    const id = slots[k]!;
    if (id < 0) continue;
    const level = exposureLevel(songs.impressions[id]!, evenShare);
    color[k] = level;
    counts[level]!++;
  }
  return { color, palette: WALL_SHADES, counts, evenShare };
}

/**
 * What one level of the legend stands for at this even share, e.g. "20–199 times"; '' for a level
 * no whole count falls in (e.g. under a tenth while an even share is under 10), or any shown level
 * before anything was shown.
 */
export function levelRange(level: number, evenShare: number): string {
  if (level === 0) return 'never shown';
  if (!(evenShare > 0)) return '';
  const lo = level === 1 ? 1 : Math.max(1, Math.ceil(LEVEL_EDGES[level - 2]! * evenShare));
  const edge = LEVEL_EDGES[level - 1];
  if (edge === undefined) return `${fmtInt(lo)}+ times`;
  const hi = Math.ceil(edge * evenShare) - 1;
  if (hi < lo) return '';
  return hi === lo
    ? `${fmtInt(lo)} time${lo === 1 ? '' : 's'}`
    : `${fmtInt(lo)}–${fmtInt(hi)} times`;
}

/** Smallest drawn size of a song that was shown at all, CSS px: one lit 2 px cell among 50,000 would vanish. */
export const MIN_LIT = 4;
/** Above this many shown songs in tiny cells they are dense enough to see unenlarged (and cheaper). */
export const MAX_ENLARGED = 3000;

const packedPalettes = new WeakMap<readonly string[], Uint32Array>();

/** The palette as ImageData pixels, packed once per palette array. */
export function packedPalette(palette: readonly string[]): Uint32Array {
  let packed = packedPalettes.get(palette);
  if (!packed) {
    packed = Uint32Array.from(palette, (c) => packColor(c));
    packedPalettes.set(palette, packed);
  }
  return packed;
}

/** Writes one pixel per grid slot, row by row: the slot's packed colour, 0 (transparent) if blank. */
export function wallPixels(plan: WallPlan, out: Uint32Array): void {
  const packed = packedPalette(plan.palette);
  const { color } = plan;
  for (let k = 0; k < color.length; k++) {
    const c = color[k]!;
    out[k] = c === BLANK ? 0 : packed[c]!;
  }
}

/** A small canvas holding one pixel per slot, reused from frame to frame while the grid keeps its size. */
export interface WallScratch {
  readonly canvas: CanvasImageSource;
  readonly ctx: { putImageData(image: ImageData, x: number, y: number): void };
  readonly image: ImageData;
}

const scratches = new WeakMap<object, WallScratch>();

function scratchFor(owner: object, cols: number, rows: number): WallScratch | null {
  const old = scratches.get(owner);
  if (old && old.image.width === cols && old.image.height === rows) return old;
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = cols;
  canvas.height = rows;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const scratch = { canvas, ctx, image: ctx.createImageData(cols, rows) };
  scratches.set(owner, scratch);
  return scratch;
}

/**
 * Draws the wall: one pixel per song into a small reused image, scaled up to the cells in one
 * drawImage without smoothing, then the 1 px gaps between big cells are cleared (one clearRect per
 * grid line). The cost hardly depends on the catalog: 2,000 or 50,000 songs take about a
 * millisecond. Tiny cells of shown songs are then enlarged around their cell to MIN_LIT px (one
 * fillRect each, batched by colour), unless so many are shown that they are visible anyway.
 */
export function drawWall(
  ctx: CanvasRenderingContext2D,
  plan: WallPlan,
  layout: WallLayout,
  dpr = 1,
  scratch: WallScratch | null = scratchFor(ctx.canvas, layout.cols, layout.rows),
): void {
  if (!scratch || layout.cols * layout.rows === 0) return;
  wallPixels(plan, new Uint32Array(scratch.image.data.buffer));
  scratch.ctx.putImageData(scratch.image, 0, 0);
  const step = layout.pitch * dpr;
  const width = layout.cols * step;
  const height = layout.rows * step;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch.canvas, 0, 0, layout.cols, layout.rows, 0, 0, width, height);
  // The gap after each cell, as in "cell + gap = pitch".
  const gap = Math.round((layout.pitch - layout.cell) * dpr);
  if (gap > 0) {
    for (let c = 1; c <= layout.cols; c++)
      ctx.clearRect(Math.round(c * step) - gap, 0, gap, height);
    for (let r = 1; r <= layout.rows; r++) ctx.clearRect(0, Math.round(r * step) - gap, width, gap);
  }
  if (layout.cell < MIN_LIT) enlargeLit(ctx, plan, layout, dpr);
  ctx.restore();
}

/** Redraws shown songs of tiny cells at MIN_LIT px, centred on their cell, one fill style per colour. */
function enlargeLit(
  ctx: CanvasRenderingContext2D,
  plan: WallPlan,
  layout: WallLayout,
  dpr: number,
): void {
  const { color, palette } = plan;
  const p = palette.length;
  const isLit = (c: number) => c > 0 && c < p;
  // Counting sort of the lit slots by colour.
  const start = new Int32Array(p + 1);
  for (let k = 0; k < color.length; k++) if (isLit(color[k]!)) start[color[k]! + 1]!++;
  for (let c = 0; c < p; c++) start[c + 1]! += start[c]!;
  if (start[p]! > MAX_ENLARGED) return;
  const next = start.slice(0, p);
  const order = new Int32Array(start[p]!);
  for (let k = 0; k < color.length; k++) if (isLit(color[k]!)) order[next[color[k]!]!++] = k;
  const size = Math.max(1, Math.round(layout.cell * dpr));
  const lit = Math.max(size, Math.round(MIN_LIT * dpr));
  const shift = Math.floor((lit - size) / 2);
  const step = layout.pitch * dpr;
  for (let c = 0; c < p; c++) {
    if (start[c] === start[c + 1]) continue;
    ctx.fillStyle = palette[c]!;
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const k = order[i]!;
      ctx.fillRect(
        Math.round((k % layout.cols) * step) - shift,
        Math.round(Math.floor(k / layout.cols) * step) - shift,
        lit,
        lit,
      );
    }
  }
}
