// The loop's geometry: compact on desktop and phone, no overlaps, text ≥ 12 px (≥ 20 presenting), still as numbers change.
import { describe, expect, it } from 'vitest';
import { defaultParams, type Params } from '../../../src/engine';
import { arrowCandidates } from '../../../src/ui/loop/arrowCandidates';
import { loopLabels, type LoopLabels } from '../../../src/ui/loop/loopLabels';
import { inkBoxes, type Box, type LoopLayout } from '../../../src/ui/loop/loopGeometry';
import { layoutLoop } from '../../../src/ui/loop/loopLayout';
import type { LoopSize } from '../../../src/ui/loop/loopStyle';
import type { MeterFactory } from '../../../src/ui/loop/meter';
import { TextMeter } from '../../../src/ui/views/textFit';
import { initial, late, stepOne } from './fixtures';

// Outside a browser TextMeter falls back to per-character widths of a semibold sans: deterministic here.
const meters: MeterFactory = (weight, px) => new TextMeter(`${weight} ${px}px`, px);

const params = (over: Partial<Params> = {}): Params => ({ ...defaultParams(), ...over });

function lay(width: number, size: LoopSize, labels: LoopLabels, p: Params = params()): LoopLayout {
  return layoutLoop(
    width,
    size,
    labels,
    { nodes: labels.nodes, candidates: arrowCandidates({ initial, params: p }) },
    meters,
  );
}
const atStep = (p: Params = params()) =>
  loopLabels({ row: late, first: stepOne, initial, params: p, status: 'paused' });
const atStart = (p: Params = params()) =>
  loopLabels({ row: null, first: null, initial, params: p, status: 'idle' });

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Pairs of ink (node boxes, text lines) that overlap; text inside its own node is not a clash. */
function clashes(layout: LoopLayout): string[] {
  const ink = inkBoxes(layout);
  const out: string[] = [];
  for (let i = 0; i < ink.length; i++) {
    for (let j = i + 1; j < ink.length; j++)
      if (overlaps(ink[i]!.box, ink[j]!.box)) out.push(`${ink[i]!.what} × ${ink[j]!.what}`);
  }
  return out;
}

function outside(layout: LoopLayout): string[] {
  return inkBoxes(layout)
    .filter(
      ({ box }) =>
        box.x < 0 || box.y < 0 || box.x + box.w > layout.width || box.y + box.h > layout.height,
    )
    .map((b) => b.what);
}

function fontSizes(layout: LoopLayout): number[] {
  return Object.values(layout.style.font);
}

// Widths of the drawing inside its card (card padding 2 × 10 px and border 2 × 1 px on desktop, 2 × 6 + 2 on a phone):
// the page column at 1920 and 1280, the main column beside the sidebar, and a 390 px phone with 16 px page margins.
const CASES: {
  name: string;
  width: number;
  size: LoopSize;
  mode: 'side' | 'top';
  maxHeight: number;
}[] = [
  { name: 'desktop 1920', width: 1842, size: 'compact', mode: 'side', maxHeight: 170 - 14 },
  { name: 'desktop 1280', width: 1202, size: 'compact', mode: 'side', maxHeight: 170 - 14 },
  { name: 'main column', width: 858, size: 'compact', mode: 'side', maxHeight: 170 - 14 },
  { name: 'phone 390', width: 344, size: 'compact', mode: 'top', maxHeight: 260 - 10 },
  { name: 'present 1920', width: 1824, size: 'present', mode: 'side', maxHeight: 1080 },
];

describe('layoutLoop', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.mode} layout, at most ${c.maxHeight} px tall, nothing overlapping or cut off`, () => {
      for (const labels of [
        atStart(),
        atStep(),
        atStep(params({ exploration: 'epsilon', epsilon: 0.1, positionDebias: 'ips' })),
      ]) {
        const layout = lay(c.width, c.size, labels);
        expect(layout.mode).toBe(c.mode);
        expect(layout.height).toBeLessThanOrEqual(c.maxHeight);
        expect(clashes(layout)).toEqual([]);
        expect(outside(layout)).toEqual([]);
        expect(Math.min(...fontSizes(layout))).toBeGreaterThanOrEqual(
          c.size === 'present' ? 20 : 12,
        );
      }
    });
  }

  it('shows every label of the step in full at desktop and phone widths', () => {
    for (const width of [1202, 858, 344]) {
      const layout = lay(width, 'compact', atStep());
      const text = layout.arrows
        .map((a) => a.lines.map((l) => `${l.text}${l.tail ?? ''}`).join(' '))
        .join(' | ');
      expect(text).not.toContain('…');
      for (const words of [
        '10,000 slots',
        '812 clicks',
        '8.1% of slots',
        'head gets 71% of clicks',
        '143 distinct songs',
        '1,983 at step 1',
      ]) {
        expect(text).toContain(words);
      }
      // The longest label may wrap on a phone, but keeps every word.
      expect(text.replace(/\s+/g, ' ')).toContain('top 10% hold 84% of plays');
    }
  });

  it('keeps its geometry from step 0 to a late step, so the drawing does not jump when Play is pressed', () => {
    for (const width of [1202, 344]) {
      const before = lay(width, 'compact', atStart());
      const after = lay(width, 'compact', atStep());
      expect(after.height).toBe(before.height);
      expect(after.nodes.map((n) => n.box)).toEqual(before.nodes.map((n) => n.box));
      expect(after.arrows.map((a) => [a.x1, a.y1, a.x2, a.y2])).toEqual(
        before.arrows.map((a) => [a.x1, a.y1, a.x2, a.y2]),
      );
    }
  });

  it('closes the loop through slates, clicks, log and ranker, and points each arrow the right way', () => {
    const layout = lay(1202, 'compact', atStep());
    const box = Object.fromEntries(layout.nodes.map((n) => [n.id, n.box]));
    const arrow = Object.fromEntries(layout.arrows.map((a) => [a.id, a]));
    // Slates → clicks runs right, clicks → log down, log → ranker left, ranker → slates up.
    expect(arrow.slatesClicks!.x2).toBeGreaterThan(arrow.slatesClicks!.x1);
    expect(arrow.clicksLog!.y2).toBeGreaterThan(arrow.clicksLog!.y1);
    expect(arrow.logRanker!.x2).toBeLessThan(arrow.logRanker!.x1);
    expect(arrow.rankerSlates!.y2).toBeLessThan(arrow.rankerSlates!.y1);
    expect(arrow.listenersSlates!.loop).toBe(false);
    expect(layout.arrows.filter((a) => a.loop)).toHaveLength(4);
    expect(box.ranker!.y).toBeGreaterThan(box.slates!.y + box.slates!.h);
    expect(layout.loopPath).toMatch(/^M[\d.]+,[\d.]+H[\d.]+V[\d.]+H[\d.]+Z$/);
  });
});
