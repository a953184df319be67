// Arms of a comparison share one world and one seed: which parameters they share, and an arm's parameters on it.
import type { Params } from './params/schema';
import { sameValue } from './params/schema';

/**
 * What every arm of a comparison takes from the shared scenario rather than from its own preset:
 * the seeds (so the world and every listener's draws are the same), the sizes (so counts compare)
 * and the popularity buckets (so hit rates mean the same thing). Everything else, strategy and
 * world shape alike, is the arm's own: comparing `locked-catalog` with `loop-forms` compares their
 * catalogs too, on the same seed.
 */
export const SHARED_KEYS = ['seed', 'worldSeed', 'users', 'songs', 'steps', 'bucketThresholds'] as const satisfies readonly (keyof Params)[];

/** `arm` on the shared scenario: the arm's parameters with the SHARED_KEYS taken from `shared`. */
export function armParams(arm: Params, shared: Params): Params {
  const next = { ...arm } as Record<string, unknown>;
  for (const key of SHARED_KEYS) next[key] = shared[key];
  return next as Params;
}

/** The shared keys on which `a` and `b` differ (then the two are not on one world and seed). */
export function sharedDifferences(a: Params, b: Params): (keyof Params)[] {
  return SHARED_KEYS.filter((key) => !sameValue(key, a[key], b[key]));
}
