// Pure maths of the song wall's colours: exposure levels, the colour plan and drawing it (its grid: wallLayout.ts).
import { interpolateBlues } from 'd3';
import { fmtInt } from './format';
import { UNSEEN } from './palette';
import { packColor } from './pixels';
import type { SongSnapshot } from './types';
import type { WallLayout } from './wallLayout';

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
