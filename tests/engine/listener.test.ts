// Following one listener: their kind from their favourite genre, the example listeners, and a step of their trail.
import { describe, expect, it } from 'vitest';
import { exampleListener, listenerProfile, trailStep, type StepArrays } from '../../src/engine';
import { createLog } from '../../src/engine/log';
import { handWorld } from './fixtures';

// Genres by initial songs: g0 4 of 8 → mainstream {g0}; g1 and g2 niche.
const world = handWorld({
  genres: 3,
  genre: [0, 0, 0, 0, 1, 1, 2, 2],
  quality: new Array<number>(8).fill(0.5),
  taste: [
    [0.2, 0.5, 0.3], // favourite g1: niche
    [0.1, 0.2, 0.7], // favourite g2: niche
    [0.6, 0.3, 0.1], // favourite g0: mainstream
  ],
});

describe('exampleListener', () => {
  it('is the lowest-numbered listener of each kind', () => {
    expect(exampleListener(world, 'niche')).toBe(0);
    expect(exampleListener(world, 'mainstream')).toBe(2);
  });

  it('falls back to listener 0 when no listener is of that kind', () => {
    const allNiche = handWorld({ genres: 2, genre: [0, 0, 1], quality: [0.5, 0.5, 0.5], taste: [[0.1, 0.9]] });
    expect(exampleListener(allNiche, 'mainstream')).toBe(0);
  });
});

describe('listenerProfile', () => {
  it('reads the current taste, the favourite genre and the kind', () => {
    const log = createLog(world);
    expect(listenerProfile(world, log, 2)).toEqual({ listener: 2, kind: 'mainstream', favourite: 0, taste: [0.6, 0.3, 0.1] });
    expect(listenerProfile(world, log, 1)).toMatchObject({ kind: 'niche', favourite: 2 });
  });
});

describe('trailStep', () => {
  it('lists the listener\u2019s slate in slot order with genres and clicks', () => {
    // Slate width 3; listener 1 got songs 6, 0, 4 and clicked the second; listener 0 got a shorter slate.
    const arrays: StepArrays = {
      slate: Int32Array.from([5, 7, 0, 6, 0, 4, 1, 2, 3]),
      slateLen: Uint8Array.from([2, 3, 3]),
      clicked: Uint8Array.from([0, 1, 0, 0, 1, 0, 0, 0, 0]),
      propensity: new Float32Array(9),
      explored: new Uint8Array(9),
    };
    expect(trailStep(world, arrays, 3, 7, 1)).toEqual({ t: 7, listener: 1, songs: [6, 0, 4], genres: [2, 0, 1], clicked: [false, true, false] });
    expect(trailStep(world, arrays, 3, 7, 0)).toEqual({ t: 7, listener: 0, songs: [5, 7], genres: [1, 2], clicked: [false, true] });
  });
});
