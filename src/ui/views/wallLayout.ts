// The song wall's grid: songs in genre bands, the cell size that fits, and the song under a point.
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
