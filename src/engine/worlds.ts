// Parallel worlds: the one rule (shared by the CLI's --worlds and the page) for which runs share a world.
import { paramSpec, PARAM_SCHEMA, worldSeedOf, type ParamGroup, type Params } from './params/schema';

/**
 * The parameters of `n` parallel worlds of `params`: world j has seed S + j (S = params.seed) and
 * the world seed W = worldSeedOf(params). W is written into each, so world j is exactly the single
 * run `--seed S+j --worldSeed W`, and a −1 cannot make run j generate the world of S+j.
 */
export function parallelWorldParams(params: Params, n: number): Params[] {
  const worldSeed = worldSeedOf(params);
  return Array.from({ length: n }, (_, j) => ({ ...params, seed: params.seed + j, worldSeed }));
}

/** The seeds `n` parallel worlds of `params` would need, when the last goes past the largest seed. */
export interface SeedOverflow {
  readonly first: number;
  readonly last: number;
  readonly max: number;
}

/** Why `n` worlds from `params` cannot run (seeds beyond the schema's largest), or undefined. */
export function parallelSeedOverflow(params: Params, n: number): SeedOverflow | undefined {
  const spec = paramSpec('seed');
  const max = spec?.type === 'int' ? spec.max : Number.MAX_SAFE_INTEGER;
  const last = params.seed + n - 1;
  return last > max ? { first: params.seed, last, max } : undefined;
}

/** The schema groups that make up a strategy: what the system does, as opposed to the world it acts in. */
export const STRATEGY_GROUPS: readonly ParamGroup[] = ['Recommender', 'Exploration', 'Debiasing'];

/**
 * `strategy`'s recommender, exploration and debiasing (the STRATEGY_GROUPS keys) on `world`'s world:
 * every other key comes from `world`. Groups, not effects, decide, because the world is more than
 * what needs a restart: the catalog and its growth (World), who the listeners are and how they
 * behave, taste drift and position bias included (Listeners), the seeds and the run's length (Run),
 * and how the rows are measured (Metrics). Two runs of the result and of `world` with the same
 * seeds therefore share the songs, the listeners and every listener's random draws, and differ
 * only in what the system shows them: a fair comparison. A key added to any of those groups
 * follows the rule without a change here.
 */
export function strategyOnWorld(strategy: Params, world: Params): Params {
  const out: Record<string, unknown> = {};
  for (const spec of PARAM_SCHEMA) {
    const from = STRATEGY_GROUPS.includes(spec.group) ? strategy : world;
    const value: unknown = from[spec.key];
    out[spec.key] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  return out as Params;
}
