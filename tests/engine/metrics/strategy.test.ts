// Strategy metrics on hand-made worlds: calibration KL (natural logs, α = 0.01) and utility regret, worked by hand.
import { describe, expect, it } from 'vitest';
import { createLog, type SimLog } from '../../../src/engine/log';
import { meanCalibrationKL, meanUtilityRegret, mostShown } from '../../../src/engine/metrics/strategy';
import {
  CALIBRATION_ALPHA,
  calibrationKL,
} from '../../../src/engine/pipeline/rerankers/calibrated';
import type { World } from '../../../src/engine/world';
import { handWorld, type HandWorldSpec } from '../fixtures';

/**
 * A hand world with personal liking switched off (w = 0), so p(u,i) is exactly
 * maxClickProb · (taste_g / max taste)^β · q_i.
 */
function world(spec: HandWorldSpec): World {
  return { ...handWorld(spec), idiosyncrasy: 0 };
}

/** Sets listener u's clicks per genre (and their total) in the log. */
function setClicks(w: World, log: SimLog, u: number, perGenre: number[]): void {
  let total = 0;
  for (let g = 0; g < w.genreCount; g++) {
    log.userGenreClicks[u * w.genreCount + g] = perGenre[g]!;
    total += perGenre[g]!;
  }
  log.userClicks[u] = total;
}

/** A users × k slate matrix from one row per listener (rows shorter than k set slateLen). */
function slates(rows: number[][], k: number): { slate: Int32Array; slateLen: Uint8Array } {
  const slate = new Int32Array(rows.length * k).fill(-1);
  const slateLen = new Uint8Array(rows.length);
  rows.forEach((r, u) => {
    slate.set(r, u * k);
    slateLen[u] = r.length;
  });
  return { slate, slateLen };
}

describe('calibrationKL', () => {
  it('uses α = 0.01', () => {
    expect(CALIBRATION_ALPHA).toBe(0.01);
  });

  it('is 0 when the slate mix equals the history mix', () => {
    // p = q = [0.5, 0.5, 0] → q̃ = 0.99·0.5 + 0.01·0.5 = 0.5 → each term 0.5·ln 1 = 0.
    expect(calibrationKL([0.5, 0.5, 0], [1, 1, 0], 2)).toBeCloseTo(0, 14);
  });

  it('matches the formula on a skewed slate', () => {
    // p = [0.75, 0.25, 0]; counts [2, 0, 0] of 2 → q = [1, 0, 0].
    // q̃_0 = 0.99·1 + 0.01·0.75 = 0.9975; q̃_1 = 0.99·0 + 0.01·0.25 = 0.0025.
    // KL = 0.75·ln(0.75/0.9975) + 0.25·ln(0.25/0.0025) = 0.75·ln(0.7518797...) + 0.25·ln 100
    //    = 0.75·(−0.2851789...) + 0.25·4.6051702 = −0.2138842... + 1.1512925... = 0.93740833982...
    const expected = 0.75 * Math.log(0.75 / 0.9975) + 0.25 * Math.log(100);
    expect(expected).toBeCloseTo(0.9374083398, 9);
    expect(calibrationKL([0.75, 0.25, 0], [2, 0, 0], 2)).toBeCloseTo(expected, 12);
  });

  it('ignores genres the listener never clicked, even if the slate has them', () => {
    // p = [1, 0, 0]; counts [1, 1, 0] of 2 → q̃_0 = 0.99·0.5 + 0.01·1 = 0.505.
    // KL = 1·ln(1/0.505) = 0.68319684970...; genre 1 (p = 0, q = 0.5) adds nothing.
    expect(calibrationKL([1, 0, 0], [1, 1, 0], 2)).toBeCloseTo(-Math.log(0.505), 12);
    expect(-Math.log(0.505)).toBeCloseTo(0.6831968497, 9);
  });

  it('is ln(1/α) for an empty slate (q = 0, so q̃ = α·p)', () => {
    // Σ_g p_g·ln(p_g / (0.01·p_g)) = Σ_g p_g·ln 100 = ln 100 = 4.60517018599...
    expect(calibrationKL([0.2, 0.8], [0, 0], 0)).toBeCloseTo(Math.log(100), 12);
  });
});

describe('meanCalibrationKL', () => {
  // 3 genres; songs 0,1: genre 0; songs 2,4: genre 1; song 3: genre 2.
  const spec: HandWorldSpec = {
    genres: 3,
    genre: [0, 0, 1, 2, 1],
    quality: [0.8, 0.4, 0.5, 0.9, 0.2],
    taste: [
      [0.5, 0.3, 0.2],
      [0.2, 0.3, 0.5],
      [0.4, 0.4, 0.2],
    ],
  };

  // Listener 0: clicks [3, 1, 0] → p = [0.75, 0.25, 0]; slate [0, 1, 2] → genres 0, 0, 1 → q = [2/3, 1/3, 0].
  //   q̃_0 = 0.99·2/3 + 0.01·0.75 = 0.66 + 0.0075 = 0.6675
  //   q̃_1 = 0.99·1/3 + 0.01·0.25 = 0.33 + 0.0025 = 0.3325
  //   KL_0 = 0.75·ln(0.75/0.6675) + 0.25·ln(0.25/0.3325)
  //        = 0.75·0.116533816... + 0.25·(−0.285178942...) = 0.0874003... − 0.0712947... = 0.01610562663...
  const KL0 = 0.75 * Math.log(0.75 / 0.6675) + 0.25 * Math.log(0.25 / 0.3325);
  // Listener 1: clicks [0, 0, 2] → p = [0, 0, 1]; slate [3, 4] → genres 2, 1 → q = [0, 0.5, 0.5].
  //   q̃_2 = 0.99·0.5 + 0.01·1 = 0.505 → KL_1 = ln(1/0.505) = 0.68319684970...
  const KL1 = -Math.log(0.505);

  it('averages KL(p_u ‖ q̃_u) over listeners who clicked', () => {
    expect(KL0).toBeCloseTo(0.0161056266, 9);
    const w = world({ ...spec, taste: spec.taste.slice(0, 2) });
    const log = createLog(w);
    setClicks(w, log, 0, [3, 1, 0]);
    setClicks(w, log, 1, [0, 0, 2]);
    const { slate, slateLen } = slates(
      [
        [0, 1, 2],
        [3, 4],
      ],
      3,
    );
    // (0.01610562663 + 0.68319684971) / 2 = 0.34965123817...
    expect(meanCalibrationKL(w, log, slate, slateLen, 3)).toBeCloseTo((KL0 + KL1) / 2, 12);
    expect((KL0 + KL1) / 2).toBeCloseTo(0.3496512382, 9);
  });

  it('skips a listener with no clicks (and one with an empty slate)', () => {
    const w = world(spec);
    const log = createLog(w);
    setClicks(w, log, 0, [3, 1, 0]);
    setClicks(w, log, 1, [0, 0, 2]);
    // Listener 2 has not clicked: whatever their slate, they are not in the mean.
    const { slate, slateLen } = slates(
      [
        [0, 1, 2],
        [3, 4],
        [3, 3, 3],
      ],
      3,
    );
    expect(meanCalibrationKL(w, log, slate, slateLen, 3)).toBeCloseTo((KL0 + KL1) / 2, 12);
    // Listener 1 clicked but was shown nothing this step: only listener 0 counts.
    const empty = slates([[0, 1, 2], [], [3]], 3);
    expect(meanCalibrationKL(w, log, empty.slate, empty.slateLen, 3)).toBeCloseTo(KL0, 12);
  });

  it('is null when nobody has clicked', () => {
    const w = world(spec);
    const log = createLog(w);
    const { slate, slateLen } = slates([[0, 1, 2], [3, 4], [2]], 3);
    expect(meanCalibrationKL(w, log, slate, slateLen, 3)).toBeNull();
  });
});

describe('meanUtilityRegret', () => {
  // 2 genres, β = 2, maxClickProb 0.5; songs: 0 (g0, q 0.9), 1 (g1, q 0.6), 2 (g0, q 0.5), 3 (g1, q 0.4).
  // Listener 0: taste [0.8, 0.2] → relative [1, 0.25] → ^2 [1, 0.0625].
  //   p(0,·) = 0.5·[1·0.9, 0.0625·0.6, 1·0.5, 0.0625·0.4] = [0.45, 0.01875, 0.25, 0.0125]
  // Listener 1: taste [0.25, 0.75] → relative [1/3, 1] → ^2 [1/9, 1].
  //   p(1,·) = 0.5·[0.9/9, 0.6, 0.5/9, 0.4] = [0.05, 0.3, 1/36, 0.2]
  // Oracle top-2: listener 0 → {0, 2}, mean (0.45 + 0.25)/2 = 0.35; listener 1 → {1, 3}, mean (0.3 + 0.2)/2 = 0.25.
  const spec: HandWorldSpec = {
    genres: 2,
    genre: [0, 1, 0, 1],
    quality: [0.9, 0.6, 0.5, 0.4],
    taste: [
      [0.8, 0.2],
      [0.25, 0.75],
    ],
    tasteWeight: 2,
  };
  const relevantMean = Float64Array.from([0.35, 0.25]);

  it('is the mean over listeners of (oracle slate mean − shown slate mean)', () => {
    const w = world(spec);
    const log = createLog(w);
    // Listener 0 shown [0, 1]: (0.45 + 0.01875)/2 = 0.234375 → regret 0.35 − 0.234375 = 0.115625 = 37/320.
    // Listener 1 shown [2] only: 1/36 → regret 0.25 − 1/36 = 8/36 = 2/9.
    // Mean = (37/320 + 2/9)/2 = (333 + 640)/2880/2 = 973/5760 = 0.168923611...
    const { slate, slateLen } = slates([[0, 1], [2]], 2);
    expect(meanUtilityRegret(w, log, 0.5, relevantMean, slate, slateLen, 2)).toBeCloseTo(
      973 / 5760,
      12,
    );
  });

  it('is 0 when every listener is shown the oracle slate', () => {
    const w = world(spec);
    const log = createLog(w);
    // Order within the slate does not matter: the mean is over the set.
    const { slate, slateLen } = slates(
      [
        [2, 0],
        [1, 3],
      ],
      2,
    );
    expect(meanUtilityRegret(w, log, 0.5, relevantMean, slate, slateLen, 2)).toBeCloseTo(0, 14);
  });

  it('skips listeners with an empty slate, and is 0 when all are empty', () => {
    const w = world(spec);
    const log = createLog(w);
    // Only listener 1 counts: shown [0] → 0.05 → regret 0.25 − 0.05 = 0.2.
    const one = slates([[], [0]], 2);
    expect(meanUtilityRegret(w, log, 0.5, relevantMean, one.slate, one.slateLen, 2)).toBeCloseTo(
      0.2,
      12,
    );
    const none = slates([[], []], 2);
    expect(meanUtilityRegret(w, log, 0.5, relevantMean, none.slate, none.slateLen, 2)).toBe(0);
  });

  it('scales the shown term with maxClickProb but takes relevantMean as given', () => {
    const w = world(spec);
    const log = createLog(w);
    // maxClickProb 1 doubles every p: listener 0 shown [0, 1] → (0.9 + 0.0375)/2 = 0.46875 → 0.35 − 0.46875 = −0.11875;
    // listener 1 shown [2] → 1/18 → 0.25 − 1/18 = 7/36. Mean = (−0.11875 + 7/36)/2 = (−171 + 280)/1440/2 = 109/2880.
    const { slate, slateLen } = slates([[0, 1], [2]], 2);
    expect(meanUtilityRegret(w, log, 1, relevantMean, slate, slateLen, 2)).toBeCloseTo(
      109 / 2880,
      12,
    );
  });
});

describe('mostShown', () => {
  // Songs 0..6 by impressions; song 6 is not released yet (released = 6).
  const impressions = Float64Array.from([4, 0, 9, 4, 1, 4, 100]);

  it('lists the most shown released songs, most first, ties by lower id, never an unshown song', () => {
    expect(mostShown(impressions, 6, 3)).toEqual([2, 0, 3]);
    expect(mostShown(impressions, 6, 4)).toEqual([2, 0, 3, 5]);
    // Only 5 released songs were ever shown: asking for 6 gives those 5.
    expect(mostShown(impressions, 6, 6)).toEqual([2, 0, 3, 5, 4]);
    expect(mostShown(impressions, 0, 3)).toEqual([]);
  });

  it('takes the ascending sort of the impressions it is given', () => {
    const sorted = impressions.slice(0, 6).sort();
    expect(mostShown(impressions, 6, 3, sorted)).toEqual([2, 0, 3]);
    // A wrong sort (all 9s) moves the cut to 9: only song 2 is at or above it.
    expect(mostShown(impressions, 6, 3, new Float64Array(6).fill(9))).toEqual([2]);
  });
});
