// Pure maths of the rich-get-richer panels: sorted plays, the rank curve, the Lorenz curve and the Gini.
import { copyOf } from './select';

/** The engine's own measures (docs/model.md §9.2), so the charts show exactly the numbers the run reports. */
export { gini, topShare } from '../../engine';

/** A point of a curve in data units. */
export interface XY {
  readonly x: number;
  readonly y: number;
}

/** The first n values sorted ascending (a typed-array copy: fast even for 50,000 songs). */
export function sortedAscending(values: ArrayLike<number>, n = values.length): Float64Array {
  return copyOf(values, n).sort();
}

/**
 * Lorenz curve of ascending-sorted values: (share of songs, share of plays held by the least
 * played songs), from (0, 0) to (1, 1). With no plays at all it is the diagonal (perfect equality,
 * matching a Gini of 0). `maxPoints` thins long catalogs evenly; the end points are always kept.
 */
export function lorenzPoints(sorted: ArrayLike<number>, maxPoints = Infinity): XY[] {
  const n = sorted.length;
  if (n === 0) return [];
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i]!;
  const stride = Math.max(1, Math.ceil(n / maxPoints));
  const points: XY[] = [{ x: 0, y: 0 }];
  let cum = 0;
  for (let i = 0; i < n; i++) {
    cum += sorted[i]!;
    if ((i + 1) % stride === 0 || i === n - 1)
      points.push({ x: (i + 1) / n, y: total > 0 ? cum / total : (i + 1) / n });
  }
  return points;
}

/**
 * The rank curve of ascending-sorted plays: rank 1 = most played, y = plays + 1 (so songs with 0
 * plays sit on the axis floor instead of vanishing on a log scale). On a log x axis the head needs
 * every rank and the tail very few, so ranks are sampled about `perDecade` times per decade.
 */
export function rankCurve(sorted: ArrayLike<number>, perDecade = 60): XY[] {
  const n = sorted.length;
  const points: XY[] = [];
  let last = 0;
  for (let rank = 1; rank <= n;) {
    points.push({ x: rank, y: sorted[n - rank]! + 1 });
    last = rank;
    rank = Math.max(rank + 1, Math.floor(rank * 10 ** (1 / perDecade)));
  }
  if (n > 0 && last !== n) points.push({ x: n, y: sorted[0]! + 1 });
  return points;
}
