// Pure maths of the song wall: cell order, grid layout, pointer → song mapping and the colour plan.
import { interpolateLab } from 'd3';
import { genreColors, UNSEEN } from './palette';
import { drawPixels, fillSquare, packColor } from './pixels';
import type { SongSnapshot } from './types';

/**
 * Song ids in wall order: by genre, then by id. Ids are stable, so a song keeps its cell from
 * step to step and the reader can watch the same few cells stay lit while the rest stay dark.
 */
export function wallOrder(songs: SongSnapshot, genres: number): Int32Array {
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
export function genreCounts(songs: SongSnapshot, genres: number): Int32Array {
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
}

/**
 * Lays out the songs in `order` (grouped by genre, `counts` per genre) with the largest cell
 * (2–18 px) that fits about width × 0.55·width (at most 480 px high). Each genre starts on a new
 * row, so genres read as bands whose height shows their size.
 */
export function wallLayout(
  order: ArrayLike<number>,
  counts: ArrayLike<number>,
  width: number,
): WallLayout {
  const n = order.length;
  const w = Math.max(40, Math.floor(width));
  const targetHeight = Math.min(480, Math.max(160, w * 0.55));
  const pitch = Math.max(
    2,
    Math.min(18, Math.floor(Math.sqrt((w * targetHeight) / Math.max(1, n)))),
  );
  const cols = Math.max(1, Math.floor(w / pitch));
  let rows = 0;
  for (let g = 0; g < counts.length; g++) rows += Math.ceil(counts[g]! / cols);
  const slots = new Int32Array(rows * cols).fill(-1);
  let k = 0;
  let row = 0;
  for (let g = 0; g < counts.length; g++) {
    for (let j = 0; j < counts[g]!; j++) slots[row * cols + j] = order[k++]!;
    row += Math.ceil(counts[g]! / cols);
  }
  return {
    cols,
    rows,
    pitch,
    cell: pitch >= 6 ? pitch - 1 : pitch,
    width: cols * pitch,
    height: rows * pitch,
    slots,
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

/** How many exposure shades each genre gets; level 0 is "never shown". */
export const LEVELS = 10;

/** Colour index of a blank slot: not drawn. */
export const BLANK = 0xffff;

/** The colour of every slot as an index into `palette` (genre × exposure level), for batched drawing. */
export interface WallPlan {
  color: Uint16Array;
  palette: string[];
}

/** Genre colour mixed into the unseen grey by exposure level: a faint tint at 0 keeps genre blocks visible. */
export function wallPalette(genres: number): string[] {
  const palette: string[] = [];
  for (const c of genreColors(genres)) {
    const mix = interpolateLab(UNSEEN, c);
    for (let l = 0; l < LEVELS; l++)
      palette.push(mix(l === 0 ? 0.12 : 0.3 + (0.7 * l) / (LEVELS - 1)));
  }
  return palette;
}

/**
 * Exposure level of each cell: log(1 + impressions) relative to the most shown song, so a song shown
 * 10 times is visibly lit next to one shown 10,000 times; never-shown songs get level 0.
 */
export function wallPlan(songs: SongSnapshot, slots: Int32Array, genres: number): WallPlan {
  const g = Math.max(1, genres);
  let max = 0;
  for (let i = 0; i < songs.released; i++) max = Math.max(max, songs.impressions[i]!);
  const scale = max > 0 ? (LEVELS - 1) / Math.log1p(max) : 0;
  const color = new Uint16Array(slots.length).fill(BLANK);
  for (let k = 0; k < slots.length; k++) {
    const id = slots[k]!;
    if (id < 0) continue;
    const imp = songs.impressions[id]!;
    const level = imp > 0 ? Math.max(1, Math.round(Math.log1p(imp) * scale)) : 0;
    color[k] = Math.min(g - 1, songs.genre[id]!) * LEVELS + level;
  }
  return { color, palette: wallPalette(g) };
}

/** Smallest drawn size of a song that was shown at all, CSS px: one lit 2 px cell among 50,000 would vanish. */
export const MIN_LIT = 4;

/**
 * Draws the wall straight into pixels (50,000 cells cost a few milliseconds): never-shown songs
 * first, then shown ones on top, enlarged around their cell to at least MIN_LIT px.
 */
export function drawWall(ctx: CanvasRenderingContext2D, plan: WallPlan, layout: WallLayout): void {
  const packed = plan.palette.map((c) => packColor(c));
  drawPixels(ctx, layout.width, (buf) => {
    const size = Math.max(1, Math.round(layout.cell * buf.dpr));
    const lit = Math.max(size, Math.round(MIN_LIT * buf.dpr));
    for (const litPass of [false, true]) {
      const s = litPass ? lit : size;
      const shift = (s - size) / 2;
      for (let k = 0; k < plan.color.length; k++) {
        const c = plan.color[k]!;
        if (c === BLANK || (c % LEVELS !== 0) !== litPass) continue;
        fillSquare(
          buf,
          (k % layout.cols) * layout.pitch * buf.dpr - shift,
          Math.floor(k / layout.cols) * layout.pitch * buf.dpr - shift,
          s,
          packed[c]!,
        );
      }
    }
  });
}
