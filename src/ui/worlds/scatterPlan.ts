// Where the success–quality scatter puts every song of every world: one canvas shape per genre, points merged per pixel cell.
import { quadtree, type Quadtree } from 'd3';
import type { WorldsRun, WorldsSide } from '../../state/worlds';

/** Side of a point's square, px; points falling in the same POINT-sized cell of one genre are drawn once. */
export const POINT = 3;

/** The smallest share above 0 and the largest, over both sides: the y axis, shared so the scatters compare by eye. */
export interface ShareRange {
  readonly min: number;
  readonly max: number;
}

const ranges = new WeakMap<WorldsRun, ShareRange>();

/** The smallest share above 0 and the largest any song has in any world of either side of `run` (computed once per run). */
export function shareRange(run: WorldsRun): ShareRange {
  let range = ranges.get(run);
  if (!range) {
    let min = Infinity;
    let max = 0;
    for (const side of [run.current, run.baseline])
      for (const { shares } of side.worlds)
        for (let i = 0; i < shares.length; i++) {
          const share = shares[i]!;
          if (share > 0 && share < min) min = share;
          if (share > max) max = share;
        }
    range = { min: Number.isFinite(min) ? min : 0, max };
    ranges.set(run, range);
  }
  return range;
}

/** Maps quality (x) and share of clicks (y) to pixels. */
export interface ScatterScales {
  x(quality: number): number;
  y(share: number): number;
}

/** Opacity of a point (each genre's points are filled as one shape, so overlaps do not darken). */
export const POINT_OPACITY = 0.55;

/**
 * Where each genre's points go: the top-left corners (x, y pairs, px) of a POINT × POINT square per
 * song and world. Points that fall in the same cell of the same genre are drawn once, so the drawing
 * stays small however many songs and worlds there are (at most one square per cell), and the picture
 * is the same. A song's column is found once (its quality is the same in every world); the cells
 * drawn are marked in a flat array.
 */
export function genreCells(side: WorldsSide, quality: ArrayLike<number>, genre: ArrayLike<number>, genres: number, scales: ScatterScales): Float32Array[] {
  const songs = quality.length;
  const worlds = side.worlds;
  const columns = new Int32Array(songs);
  let minX = Infinity;
  let maxX = -Infinity;
  for (let song = 0; song < songs; song++) {
    const cx = Math.round(scales.x(quality[song]!) / POINT);
    columns[song] = cx;
    if (cx < minX) minX = cx;
    if (cx > maxX) maxX = cx;
  }
  const rows = new Int32Array(worlds.length * songs);
  let minY = Infinity;
  let maxY = -Infinity;
  worlds.forEach((world, w) => {
    for (let song = 0; song < songs; song++) {
      const cy = Math.round(scales.y(world.shares[song]!) / POINT);
      rows[w * songs + song] = cy;
      if (cy < minY) minY = cy;
      if (cy > maxY) maxY = cy;
    }
  });
  const counts = new Int32Array(Math.max(0, genres));
  const corners = new Float32Array(2 * rows.length);
  const owner = new Int32Array(rows.length);
  let n = 0;
  if (rows.length > 0) {
    const width = maxX - minX + 1;
    const height = maxY - minY + 1;
    // One mark per genre and cell: a few hundred thousand bytes at most, for any number of worlds.
    const seen = new Uint8Array(Math.max(1, genres) * width * height);
    const half = POINT / 2;
    for (let w = 0; w < worlds.length; w++) {
      for (let song = 0; song < songs; song++) {
        const g = genre[song]!;
        if (g >= genres) continue;
        const cx = columns[song]!;
        const cy = rows[w * songs + song]!;
        const cell = (g * height + (cy - minY)) * width + (cx - minX);
        if (seen[cell]) continue;
        seen[cell] = 1;
        corners[2 * n] = cx * POINT - half;
        corners[2 * n + 1] = cy * POINT - half;
        owner[n++] = g;
        counts[g]!++;
      }
    }
  }
  // Grouped by genre, each in the order first seen.
  const out = Array.from(counts, (c) => new Float32Array(2 * c));
  const filled = new Int32Array(counts.length);
  for (let i = 0; i < n; i++) {
    const g = owner[i]!;
    const at = 2 * filled[g]!++;
    out[g]![at] = corners[2 * i]!;
    out[g]![at + 1] = corners[2 * i + 1]!;
  }
  return out;
}

/** Fills each genre's cells (genreCells) as one shape in its colour, genre after genre, at POINT_OPACITY. */
export function drawCells(ctx: CanvasRenderingContext2D, cells: readonly Float32Array[], colors: readonly string[]): void {
  ctx.globalAlpha = POINT_OPACITY;
  cells.forEach((corners, g) => {
    if (corners.length === 0) return;
    ctx.beginPath();
    for (let i = 0; i < corners.length; i += 2) ctx.rect(corners[i]!, corners[i + 1]!, POINT, POINT);
    ctx.fillStyle = colors[g] ?? '#000';
    ctx.fill();
  });
  ctx.globalAlpha = 1;
}

/** A point of the scatter that the pointer can find: a song in one world. */
export interface ScatterPoint {
  readonly x: number;
  readonly y: number;
  readonly song: number;
}

/** Every song of every world as a point, in a quadtree for finding the one nearest the pointer. */
export function pointTree(side: WorldsSide, quality: ArrayLike<number>, scales: ScatterScales): Quadtree<ScatterPoint> {
  const points: ScatterPoint[] = [];
  for (const world of side.worlds)
    for (let song = 0; song < quality.length; song++)
      points.push({ x: scales.x(quality[song]!), y: scales.y(world.shares[song]!), song });
  return quadtree<ScatterPoint>()
    .x((p) => p.x)
    .y((p) => p.y)
    .addAll(points);
}
