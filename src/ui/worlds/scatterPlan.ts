// Where the success–quality scatter puts every song of every world: one SVG path per genre, points merged per pixel cell.
import { quadtree, type Quadtree } from 'd3';
import type { WorldsSide } from '../../state/worlds';

/** Side of a point's square, px; points falling in the same POINT-sized cell of one genre are drawn once. */
export const POINT = 3;

/** Maps quality (x) and share of clicks (y) to pixels. */
export interface ScatterScales {
  x(quality: number): number;
  y(share: number): number;
}

/**
 * The path data of each genre's points: a POINT × POINT square per song and world. Points that fall
 * in the same cell of the same genre are drawn once, so the path stays small however many songs and
 * worlds there are (at most one square per cell), and the picture is the same.
 */
export function genrePaths(side: WorldsSide, quality: ArrayLike<number>, genre: ArrayLike<number>, genres: number, scales: ScatterScales): string[] {
  const parts: string[][] = Array.from({ length: genres }, () => []);
  const seen = new Set<number>();
  const half = POINT / 2;
  for (const world of side.worlds) {
    for (let song = 0; song < quality.length; song++) {
      const g = genre[song]!;
      const cx = Math.round(scales.x(quality[song]!) / POINT);
      const cy = Math.round(scales.y(world.shares[song]!) / POINT);
      // Cells are at most a few thousand px apart, so this key is unique per genre and cell.
      const key = (g * 8192 + cy) * 8192 + cx;
      if (seen.has(key)) continue;
      seen.add(key);
      parts[g]?.push(`M${cx * POINT - half} ${cy * POINT - half}h${POINT}v${POINT}h-${POINT}z`);
    }
  }
  return parts.map((p) => p.join(''));
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
