// Implicit-feedback matrix factorisation (weighted ALS, Hu–Koren–Volinsky 2008) trained on the click log alone.

/**
 * Hyperparameters of the factorisation.
 * - `rank` d: length of every listener and song factor.
 * - `regularization` λ > 0: ridge penalty λ(‖x_u‖² + ‖y_i‖²); it also keeps every d×d system
 *   positive definite (smallest eigenvalue ≥ λ), so the Cholesky solve never meets a zero pivot.
 * - `alpha` α ≥ 0: confidence slope, c_ui = 1 + α·clicks_ui.
 */
export interface AlsOptions {
  rank: number;
  regularization: number;
  alpha: number;
}

/**
 * Defaults. rank 8: the simulated tastes are a handful of genres plus a shared quality axis, and
 * scoring costs users × released × d per step, so a small d is both enough and cheap.
 * λ = 0.1: a light ridge; the fit is dominated by the data once a listener has a few clicks, yet
 * the systems stay well conditioned for listeners and songs with none.
 * α = 10: one click weighs 11 against 1 for each unclicked song. A listener clicks tens of the
 * thousands of released songs, so with α ≈ 1 the sea of zeros swamps the few positives; HKV found
 * α ≈ 40 best on watch-time counts, and our counts are small integers, hence a smaller slope.
 */
export const DEFAULT_ALS_OPTIONS: AlsOptions = Object.freeze({
  rank: 8,
  regularization: 0.1,
  alpha: 10,
});

/** One sparse row of the click log: `length` entries of (other-side id, clicks). */
export interface ClickRow {
  readonly ids: Int32Array;
  readonly clicks: Float64Array;
  readonly length: number;
}

const EMPTY_IDS = new Int32Array(0);
const EMPTY_CLICKS = new Float64Array(0);

/** A growable ClickRow; capacity doubles, so appends are amortised O(1) and memory is O(entries). */
class ClickList implements ClickRow {
  ids: Int32Array = EMPTY_IDS;
  clicks: Float64Array = EMPTY_CLICKS;
  length = 0;

  /** Appends (id, count) and returns its position. */
  push(id: number, count: number): number {
    if (this.length === this.ids.length) {
      const capacity = Math.max(4, 2 * this.ids.length);
      const ids = new Int32Array(capacity);
      ids.set(this.ids);
      const clicks = new Float64Array(capacity);
      clicks.set(this.clicks);
      this.ids = ids;
      this.clicks = clicks;
    }
    this.ids[this.length] = id;
    this.clicks[this.length] = count;
    return this.length++;
  }
}

/**
 * Solves A x = b for a symmetric positive definite d×d matrix A by Cholesky, A = L Lᵀ:
 *   L_jj = √(A_jj − Σ_{k<j} L_jk²),  L_ij = (A_ij − Σ_{k<j} L_ik L_jk) / L_jj  (i > j),
 * then L z = b forward and Lᵀ x = z backward.
 * `a` is row-major; only its lower triangle (a[r·d + c], c ≤ r) is read, and it is overwritten
 * by L: the hot loop reuses one scratch matrix, so no copy is made. `out` may alias `b`.
 * Throws a RangeError if a pivot is not positive (A not positive definite).
 */
export function solveSpd(
  a: Float64Array,
  b: ArrayLike<number>,
  d: number,
  out: Float64Array,
): void {
  for (let j = 0; j < d; j++) {
    const rj = j * d;
    let s = a[rj + j]!;
    for (let k = 0; k < j; k++) s -= a[rj + k]! * a[rj + k]!;
    // `!(s > 0)` also catches NaN.
    if (!(s > 0))
      throw new RangeError(`solveSpd: matrix is not positive definite (pivot ${j} is ${s})`);
    const ljj = Math.sqrt(s);
    a[rj + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      const ri = i * d;
      let t = a[ri + j]!;
      for (let k = 0; k < j; k++) t -= a[ri + k]! * a[rj + k]!;
      a[ri + j] = t / ljj;
    }
  }
  // Forward substitution L z = b; b[i] is read before out[i] is written, so aliasing is safe.
  for (let i = 0; i < d; i++) {
    const ri = i * d;
    let t = b[i]!;
    for (let k = 0; k < i; k++) t -= a[ri + k]! * out[k]!;
    out[i] = t / a[ri + i]!;
  }
  // Back substitution Lᵀ x = z, with (Lᵀ)_ik = L_ki.
  for (let i = d - 1; i >= 0; i--) {
    let t = out[i]!;
    for (let k = i + 1; k < d; k++) t -= a[k * d + i]! * out[k]!;
    out[i] = t / a[i * d + i]!;
  }
}

/**
 * Gram matrix G = Σ_{r<count} f_r f_rᵀ of the first `count` rows (length d) of `factors`, written
 * in full (symmetric) into out[0..d²). This is YᵀY (or XᵀX): the part of every row's normal
 * equations shared by all rows, computed once per half-sweep instead of once per row.
 */
export function gramMatrix(
  factors: Float64Array,
  count: number,
  d: number,
  out: Float64Array,
): void {
  out.fill(0, 0, d * d);
  for (let r = 0, at = 0; r < count; r++, at += d) {
    for (let j = 0; j < d; j++) {
      const fj = factors[at + j]!;
      if (fj === 0) continue; // never-clicked songs have zero factors: skip them cheaply
      const rj = j * d;
      for (let k = 0; k <= j; k++) out[rj + k]! += fj * factors[at + k]!;
    }
  }
  // Only the lower triangle was accumulated (half the work); mirror it.
  for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) out[k * d + j] = out[j * d + k]!;
}

/**
 * One row of a half-sweep: the closed-form weighted ridge solution of HKV eq. (4),
 *   x = (FᵀF + Fᵀ(C − I)F + λI)⁻¹ Fᵀ C p,
 * where F holds the fixed side's factors. Unclicked entries have p = 0 and c − 1 = 0, so only the
 * row's clicked entries appear beyond the shared Gram FᵀF:
 *   A = G + λI + Σ_{(j, n) ∈ row, j < limit} α·n · f_j f_jᵀ,   b = Σ_{(j, n) ∈ row, j < limit} (1 + α·n) · f_j.
 * Cost O(nnz(row)·d² + d³). Entries with id ≥ `limit` (unreleased songs) are ignored. A row with
 * no such entry has b = 0, hence x = 0 exactly; the solve is skipped.
 * `gram` is G (only its lower triangle is read); `work` is scratch of length ≥ d² + d; the result
 * is written to out[outAt..outAt + d).
 */
export function solveImplicitRow(
  row: ClickRow,
  limit: number,
  fixed: Float64Array,
  gram: Float64Array,
  options: AlsOptions,
  work: Float64Array,
  out: Float64Array,
  outAt: number,
): void {
  const d = options.rank;
  const alpha = options.alpha;
  const rhs = d * d; // b lives in work[d²..d² + d), after the matrix
  let used = 0;
  for (let e = 0; e < row.length; e++) {
    const j = row.ids[e]!;
    if (j >= limit) continue;
    if (used++ === 0) {
      // First contributing entry: start from A = G + λI (lower triangle) and b = 0.
      for (let r = 0; r < d; r++) {
        const rr = r * d;
        for (let c = 0; c <= r; c++) work[rr + c] = gram[rr + c]!;
        work[rr + r]! += options.regularization;
        work[rhs + r] = 0;
      }
    }
    const n = row.clicks[e]!;
    const extra = alpha * n; // c − 1
    const conf = 1 + extra; // c·p with p = 1
    const at = j * d;
    for (let r = 0; r < d; r++) {
      const fr = fixed[at + r]!;
      work[rhs + r]! += conf * fr;
      const w = extra * fr;
      const rr = r * d;
      for (let c = 0; c <= r; c++) work[rr + c]! += w * fixed[at + c]!;
    }
  }
  if (used === 0) {
    out.fill(0, outAt, outAt + d);
    return;
  }
  const b = work.subarray(rhs, rhs + d);
  solveSpd(work, b, d, b);
  for (let r = 0; r < d; r++) out[outAt + r] = b[r]!;
}

/**
 * Implicit-feedback matrix factorisation after Hu, Koren & Volinsky (2008), "Collaborative
 * Filtering for Implicit Feedback Datasets". From the click log alone:
 *   preference p_ui = 1 if listener u clicked song i at least once, else 0,
 *   confidence c_ui = 1 + α·clicks_ui,
 * it minimises Σ_{u, i<released} c_ui (p_ui − x_uᵀ y_i)² + λ(Σ_u ‖x_u‖² + Σ_i ‖y_i‖²)
 * by alternating least squares. One sweep solves every x_u with Y fixed, then every y_i (i <
 * released) with X fixed, each by the closed form of solveImplicitRow, using the shared Gram
 * YᵀY (XᵀX) so that a row costs only its own clicks: O(nnz·d² + (users + songs)·d³) per sweep.
 * Training warm-starts from the previous factors, so a sweep or two per step suffices.
 *
 * Factors of rows with no clicks (among released songs) are exactly 0: a listener who has not
 * clicked scores every song 0, and a released song nobody clicked scores 0 for everyone, i.e. the
 * model's "no evidence" value, between liked (≈ 1) and disliked (≤ 0) songs.
 *
 * Initial song factors are (rng() − 0.5)·0.1 per entry, drawn in the constructor in song-major
 * order (songs·d draws, none afterwards); listener factors start at 0 and are overwritten by the
 * first half-sweep, so scores are 0 before any training. A song released later keeps its initial
 * factor until the first sweep after its release, which serves as its random start.
 *
 * Storage is sparse: per-listener rows of (song, clicks) and per-song rows of (listener, clicks),
 * growing as clicks arrive, plus an index of distinct pairs: O(pairs + (users + songs)·d) memory.
 */
export class ImplicitAls {
  private readonly users: number;
  private readonly songs: number;
  private readonly options: AlsOptions;
  private readonly d: number;
  /** Listener factors: row u at [u·d, (u + 1)·d). */
  private readonly x: Float64Array;
  /** Song factors: row i at [i·d, (i + 1)·d). */
  private readonly y: Float64Array;
  private readonly byListener: ClickList[];
  private readonly bySong: ClickList[];
  /**
   * Per listener u, song i → pair index p (created on the listener's first click). One Map per
   * listener, not one for all pairs: V8 caps a Map at 2^24 entries, which listeners × clicked songs
   * would pass mid-run; one listener's map holds at most `songs` ≤ 10,200,000 entries.
   */
  private readonly pairIndex: (Map<number, number> | undefined)[];
  private pairCount = 0;
  /** Positions of pair p in its listener row and song row at [2p] and [2p + 1], so a repeat click updates both. */
  private pairSlots = new Int32Array(64);
  private readonly gram: Float64Array;
  private readonly work: Float64Array;

  constructor(users: number, songs: number, options: AlsOptions, rng: () => number) {
    if (!Number.isInteger(users) || users < 0)
      throw new RangeError(`ImplicitAls: users must be a non-negative integer, got ${users}`);
    if (!Number.isInteger(songs) || songs < 0)
      throw new RangeError(`ImplicitAls: songs must be a non-negative integer, got ${songs}`);
    const { rank, regularization, alpha } = options;
    if (!Number.isInteger(rank) || rank < 1)
      throw new RangeError(`ImplicitAls: rank must be an integer ≥ 1, got ${rank}`);
    // λ > 0 is what guarantees positive definite systems (a listener's clicks may span < d dimensions).
    if (!(regularization > 0) || !Number.isFinite(regularization)) {
      throw new RangeError(
        `ImplicitAls: regularization must be a finite number > 0, got ${regularization}`,
      );
    }
    if (!(alpha >= 0) || !Number.isFinite(alpha))
      throw new RangeError(`ImplicitAls: alpha must be a finite number ≥ 0, got ${alpha}`);
    this.users = users;
    this.songs = songs;
    this.options = { rank, regularization, alpha };
    this.d = rank;
    this.x = new Float64Array(users * rank);
    this.y = new Float64Array(songs * rank);
    // Small values centred on 0: a nonzero start breaks the symmetry between factors (all-zero Y would give X = 0 forever).
    for (let k = 0; k < this.y.length; k++) this.y[k] = (rng() - 0.5) * 0.1;
    this.pairIndex = new Array<Map<number, number> | undefined>(users);
    this.byListener = Array.from({ length: users }, () => new ClickList());
    this.bySong = Array.from({ length: songs }, () => new ClickList());
    this.gram = new Float64Array(rank * rank);
    this.work = new Float64Array(rank * rank + rank);
  }

  /** Distinct (listener, song) pairs clicked so far. */
  get pairs(): number {
    return this.pairCount;
  }

  /** Records `count` clicks of listener u on song i (count ≥ 1). */
  addClicks(u: number, i: number, count: number): void {
    if (!Number.isInteger(u) || u < 0 || u >= this.users)
      throw new RangeError(`ImplicitAls.addClicks: listener ${u} out of range`);
    if (!Number.isInteger(i) || i < 0 || i >= this.songs)
      throw new RangeError(`ImplicitAls.addClicks: song ${i} out of range`);
    if (!(count >= 1) || !Number.isFinite(count))
      throw new RangeError(`ImplicitAls.addClicks: count must be ≥ 1, got ${count}`);
    const index = (this.pairIndex[u] ??= new Map());
    const p = index.get(i);
    if (p !== undefined) {
      this.byListener[u]!.clicks[this.pairSlots[2 * p]!]! += count;
      this.bySong[i]!.clicks[this.pairSlots[2 * p + 1]!]! += count;
      return;
    }
    const q = this.pairCount++;
    if (2 * q + 2 > this.pairSlots.length) {
      const grown = new Int32Array(2 * this.pairSlots.length);
      grown.set(this.pairSlots);
      this.pairSlots = grown;
    }
    this.pairSlots[2 * q] = this.byListener[u]!.push(i, count);
    this.pairSlots[2 * q + 1] = this.bySong[i]!.push(u, count);
    index.set(i, q);
  }

  /** Runs `sweeps` ALS sweeps over songs with id < released. */
  train(released: number, sweeps: number): void {
    this.checkReleased(released);
    if (!Number.isInteger(sweeps) || sweeps < 0)
      throw new RangeError(
        `ImplicitAls.train: sweeps must be a non-negative integer, got ${sweeps}`,
      );
    const { x, y, d, gram, work, options } = this;
    for (let s = 0; s < sweeps; s++) {
      // Listeners with songs fixed: G = YᵀY over released songs, clicks on unreleased songs skipped.
      gramMatrix(y, released, d, gram);
      for (let u = 0; u < this.users; u++)
        solveImplicitRow(this.byListener[u]!, released, y, gram, options, work, x, u * d);
      // Released songs with listeners fixed: G = XᵀX over all listeners.
      gramMatrix(x, this.users, d, gram);
      for (let i = 0; i < released; i++)
        solveImplicitRow(this.bySong[i]!, this.users, x, gram, options, work, y, i * d);
    }
  }

  /** Writes x_u · y_i for songs 0..released−1 into out[0..released). */
  scoreListener(u: number, released: number, out: Float64Array): void {
    if (!Number.isInteger(u) || u < 0 || u >= this.users)
      throw new RangeError(`ImplicitAls.scoreListener: listener ${u} out of range`);
    this.checkReleased(released);
    if (out.length < released)
      throw new RangeError(
        `ImplicitAls.scoreListener: out has ${out.length} < ${released} entries`,
      );
    const { x, y, d } = this;
    const xu = u * d;
    if (d === 8) {
      // The default rank, unrolled: this runs users × released times per step.
      const x0 = x[xu]!;
      const x1 = x[xu + 1]!;
      const x2 = x[xu + 2]!;
      const x3 = x[xu + 3]!;
      const x4 = x[xu + 4]!;
      const x5 = x[xu + 5]!;
      const x6 = x[xu + 6]!;
      const x7 = x[xu + 7]!;
      for (let i = 0, at = 0; i < released; i++, at += 8) {
        out[i] =
          x0 * y[at]! +
          x1 * y[at + 1]! +
          x2 * y[at + 2]! +
          x3 * y[at + 3]! +
          x4 * y[at + 4]! +
          x5 * y[at + 5]! +
          x6 * y[at + 6]! +
          x7 * y[at + 7]!;
      }
      return;
    }
    for (let i = 0, at = 0; i < released; i++, at += d) {
      let s = 0;
      for (let k = 0; k < d; k++) s += x[xu + k]! * y[at + k]!;
      out[i] = s;
    }
  }

  private checkReleased(released: number): void {
    if (!Number.isInteger(released) || released < 0 || released > this.songs) {
      throw new RangeError(
        `ImplicitAls: released must be an integer in [0, ${this.songs}], got ${released}`,
      );
    }
  }
}
