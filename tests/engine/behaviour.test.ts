// Listener behaviour: the examination curve, clicks under hand-set p(u,i), common random numbers and taste drift.
import { describe, expect, it } from 'vitest';
import { applyTasteDrift, examinationCurve, simulateBehaviour } from '../../src/engine/behaviour';
import { createLog } from '../../src/engine/log';
import { personalLiking, relevance } from '../../src/engine/relevance';
import { createStream } from '../../src/engine/rng';
import { handWorld } from './fixtures';

/** Listeners × songs with one genre, equal tastes and every song of quality q: p(u,i) = maxClickProb · q. */
function flatWorld(users: number, songs: number, q: number) {
  return handWorld({
    genres: 1,
    genre: new Array<number>(songs).fill(0),
    quality: new Array<number>(songs).fill(q),
    taste: Array.from({ length: users }, () => [1]),
  });
}

function run(
  world: ReturnType<typeof flatWorld>,
  rows: number[][],
  K: number,
  eta: number,
  seed = 9,
  maxClickProb = 1,
) {
  const slate = new Int32Array(world.userCount * K);
  rows.forEach((r, u) => slate.set(r, u * K));
  const slateLen = Uint8Array.from(rows.map((r) => r.length));
  const clicked = new Uint8Array(world.userCount * K).fill(7); // garbage the call must overwrite
  const totals = simulateBehaviour(
    world,
    createLog(world),
    maxClickProb,
    examinationCurve(K, eta),
    slate,
    slateLen,
    clicked,
    createStream(seed, 'behaviour', 1),
  );
  return { clicked: Array.from(clicked), totals };
}

describe('examinationCurve', () => {
  it('is (1/k)^η', () => {
    const c1 = Array.from(examinationCurve(3, 1));
    [1, 1 / 2, 1 / 3].forEach((v, k) => expect(c1[k]).toBeCloseTo(v, 12));
    const c2 = Array.from(examinationCurve(3, 2));
    [1, 1 / 4, 1 / 9].forEach((v, k) => expect(c2[k]).toBeCloseTo(v, 12));
  });

  it('is 1 for every slot when η = 0', () => {
    expect(Array.from(examinationCurve(4, 0))).toEqual([1, 1, 1, 1]);
  });
});

describe('simulateBehaviour', () => {
  it('clicks every impression when p = 1 and η = 0, and nothing in empty slots', () => {
    const { clicked, totals } = run(
      flatWorld(2, 6, 1),
      [
        [0, 1, 2],
        [3, 4],
      ],
      3,
      0,
    );
    expect(clicked).toEqual([1, 1, 1, 1, 1, 0]);
    expect(totals).toEqual({ impressions: 5, clicks: 5, relevanceSum: 5 });
  });

  it('clicks nothing when p = 0', () => {
    const { clicked, totals } = run(
      flatWorld(2, 6, 0),
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
      3,
      0,
    );
    expect(clicked).toEqual([0, 0, 0, 0, 0, 0]);
    expect(totals).toEqual({ impressions: 6, clicks: 0, relevanceSum: 0 });
  });

  it('sums p(u,i) = maxClickProb · (θ_u,g / max θ_u) · q over impressions', () => {
    // taste [0.6, 0.4]; song 0: genre 0, q 0.5 → 0.8·1·0.5 = 0.4; song 1: genre 1, q 0.9 → 0.8·(0.4/0.6)·0.9 = 0.48
    const world = handWorld({ genres: 2, genre: [0, 1], quality: [0.5, 0.9], taste: [[0.6, 0.4]] });
    const log = createLog(world);
    expect(relevance(world, log, 0.8, 0, 0)).toBeCloseTo(0.4, 12);
    expect(relevance(world, log, 0.8, 0, 1)).toBeCloseTo(0.48, 12);
    const slate = Int32Array.from([0, 1]);
    const totals = simulateBehaviour(
      world,
      log,
      0.8,
      examinationCurve(2, 1),
      slate,
      Uint8Array.from([2]),
      new Uint8Array(2),
      createStream(1, 'behaviour', 1),
    );
    expect(totals.impressions).toBe(2);
    expect(totals.relevanceSum).toBeCloseTo(0.88, 12);
  });

  it('with personal liking (w > 0) sums p(u,i) = maxClickProb · (θ/max θ) · ((1 − w)·q + w·ε(u,i))', () => {
    // Same listener and songs as above with w = 0.5: song 0 → 0.8·1·(0.25 + 0.5·ε(0,0)),
    // song 1 → 0.8·(0.4/0.6)·(0.45 + 0.5·ε(0,1)).
    const world = {
      ...handWorld({ genres: 2, genre: [0, 1], quality: [0.5, 0.9], taste: [[0.6, 0.4]] }),
      idiosyncrasy: 0.5,
    };
    const log = createLog(world);
    const expected =
      0.8 * (0.25 + 0.5 * personalLiking(world, 0, 0)) +
      0.8 * (0.4 / 0.6) * (0.45 + 0.5 * personalLiking(world, 0, 1));
    const totals = simulateBehaviour(
      world,
      log,
      0.8,
      examinationCurve(2, 1),
      Int32Array.from([0, 1]),
      Uint8Array.from([2]),
      new Uint8Array(2),
      createStream(1, 'behaviour', 1),
    );
    expect(totals.relevanceSum).toBeCloseTo(expected, 12);
    expect(totals.relevanceSum).not.toBeCloseTo(0.88, 6); // not the w = 0 value
  });

  it('with personal liking, clicks exactly where e < θ(k) and c < p(u,i)', () => {
    // 3 listeners of equal taste, 12 songs of quality 0.5, w = 1 (p = ε(u,i)), η = 0.5.
    const K = 4;
    const world = { ...flatWorld(3, 12, 0.5), idiosyncrasy: 1 };
    const rows = [
      [0, 1, 2, 3],
      [0, 1, 2, 3],
      [8, 9, 10],
    ];
    const slate = new Int32Array(3 * K);
    rows.forEach((r, u) => slate.set(r, u * K));
    const clicked = new Uint8Array(3 * K);
    const theta = examinationCurve(K, 0.5);
    simulateBehaviour(
      world,
      createLog(world),
      1,
      theta,
      slate,
      Uint8Array.from([4, 4, 3]),
      clicked,
      createStream(4, 'behaviour', 2),
    );
    const rng = createStream(4, 'behaviour', 2);
    const expected: number[] = [];
    for (let u = 0; u < 3; u++)
      for (let k = 0; k < K; k++) {
        const e = rng();
        const c = rng();
        expected.push(
          k < rows[u]!.length && e < theta[k]! && c < personalLiking(world, u, rows[u]![k]!)
            ? 1
            : 0,
        );
      }
    expect(Array.from(clicked)).toEqual(expected);
    expect(expected).toContain(1); // both outcomes occur, so the check is not vacuous
    expect(
      expected.filter((x, j) => x === 0 && j % K < rows[Math.floor(j / K)]!.length).length,
    ).toBeGreaterThan(0);
  });

  it('with p = 1, clicks exactly where the (u, k) examination draw e passes θ(k)', () => {
    const K = 4;
    const world = flatWorld(3, 12, 1);
    const { clicked } = run(
      world,
      [
        [0, 1, 2, 3],
        [4, 5, 6, 7],
        [8, 9, 10, 11],
      ],
      K,
      1,
    );
    // Replay the stream: per listener u, then slot k, draws e then c; clicked iff e < 1/k (c < 1 always).
    const rng = createStream(9, 'behaviour', 1);
    const expected: number[] = [];
    for (let u = 0; u < 3; u++)
      for (let k = 1; k <= K; k++) {
        const e = rng();
        rng();
        expected.push(e < 1 / k ? 1 : 0);
      }
    expect(clicked).toEqual(expected);
    expect(expected).toContain(0); // the draws make some lower slots go unexamined...
    expect(expected.filter((x) => x === 0).length).toBeLessThan(9); // ...but not all of them
  });

  it('faces the same draws whatever the slates show (common random numbers)', () => {
    const K = 4;
    const world = flatWorld(3, 12, 1);
    const a = run(
      world,
      [
        [0, 1, 2, 3],
        [4, 5, 6, 7],
        [8, 9, 10, 11],
      ],
      K,
      1,
    ).clicked;
    const b = run(
      world,
      [
        [11, 3, 7, 0],
        [2, 9, 1, 10],
        [5, 4, 6, 8],
      ],
      K,
      1,
    ).clicked;
    expect(b).toEqual(a);
    // Shorter slates consume the same draws: other listeners' and earlier slots' outcomes are unchanged.
    const c = run(world, [[0, 1], [4, 5, 6, 7], []], K, 1).clicked;
    expect(c).toEqual([a[0], a[1], 0, 0, ...a.slice(4, 8), 0, 0, 0, 0]);
    // A different seed gives a different pattern (so the equalities above are not vacuous).
    expect(
      run(
        world,
        [
          [0, 1, 2, 3],
          [4, 5, 6, 7],
          [8, 9, 10, 11],
        ],
        K,
        1,
        10,
      ).clicked,
    ).not.toEqual(a);
  });
});

describe('applyTasteDrift', () => {
  const world = handWorld({
    genres: 3,
    genre: [0, 1, 2],
    quality: [0.5, 0.5, 0.5],
    taste: [
      [0.6, 0.3, 0.1],
      [0.2, 0.2, 0.6],
    ],
  });

  it('moves the taste δ of the way toward the clicked genre and keeps it a distribution', () => {
    // (1 − 0.5)·[0.6, 0.3, 0.1] + 0.5·e_2 = [0.3, 0.15, 0.55]
    const log = createLog(world);
    expect(applyTasteDrift(world, log, 0, 2, 0.5)).toBe(true);
    const row = Array.from(log.taste.subarray(0, 3));
    [0.3, 0.15, 0.55].forEach((v, g) => expect(row[g]).toBeCloseTo(v, 12));
    expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(log.tasteMax[0]).toBeCloseTo(0.55, 12);
    // the other listener is untouched
    expect(Array.from(log.taste.subarray(3))).toEqual([0.2, 0.2, 0.6]);
    expect(log.tasteMax[1]).toBe(0.6);
  });

  it('approaches the clicked genre under repeated clicks', () => {
    const log = createLog(world);
    for (let j = 0; j < 200; j++) applyTasteDrift(world, log, 1, 0, 0.05);
    // 1 − taste_0 = 0.8 · 0.95^200 ≈ 2.8e-5
    expect(log.taste[3]).toBeCloseTo(1 - 0.8 * 0.95 ** 200, 9);
    expect(Math.abs(Array.from(log.taste.subarray(3)).reduce((a, b) => a + b, 0) - 1)).toBeLessThan(
      1e-9,
    );
    expect(log.tasteMax[1]).toBe(log.taste[3]);
  });

  it('does nothing for δ = 0', () => {
    const log = createLog(world);
    expect(applyTasteDrift(world, log, 0, 2, 0)).toBe(false);
    expect(Array.from(log.taste)).toEqual(Array.from(world.userTaste));
  });
});
