// The loop drawing in present mode: the layout width and scale that fill the stage.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../../src/engine';
import { arrowCandidates } from '../../../src/ui/loop/arrowCandidates';
import { inkBoxes, type Box } from '../../../src/ui/loop/loopGeometry';
import { loopLabels } from '../../../src/ui/loop/loopLabels';
import { layoutLoop } from '../../../src/ui/loop/loopLayout';
import { STYLES } from '../../../src/ui/loop/loopStyle';
import type { MeterFactory } from '../../../src/ui/loop/meter';
import { fitLoop, LOOP_MAX_SCALE } from '../../../src/ui/present/loopFit';
import { TextMeter } from '../../../src/ui/views/textFit';
import { initial, late, stepOne } from '../loop/fixtures';

// Outside a browser TextMeter falls back to per-character widths of a semibold sans: deterministic here.
const meters: MeterFactory = (weight, px) => new TextMeter(`${weight} ${px}px`, px);

/** Heights like the present-size drawing's: listeners beside the loop from 1300 px, above it below. */
const heightAt = (w: number) => (w >= 1300 ? 504 : 630);

describe('fitLoop', () => {
  it('on a tall stage takes a narrower layout scaled up, as large as the width and height allow', () => {
    // 1830 / 1.4 = 1307 px wide: 504 tall, drawn at 1.4 (706 of 876). Narrower layouts are 630 tall: 876 / 630 = 1.39.
    expect(fitLoop(1830, 876, heightAt)).toEqual({ width: 1307, scale: 1830 / 1307 });
  });

  it('on a short stage takes the layout that fits best, scaled down a little', () => {
    // 1190 wide: 630 tall, 611 / 630 = 0.97; wider layouts are shorter but no larger (1322 px at 0.9).
    expect(fitLoop(1190, 611, heightAt)).toEqual({ width: 1190, scale: 611 / 630 });
  });

  it('never draws larger than its largest scale', () => {
    expect(fitLoop(1800, 2000, () => 300)).toEqual({ width: Math.floor(1800 / LOOP_MAX_SCALE), scale: LOOP_MAX_SCALE });
  });

  it('fills a 1920 × 1080 stage with the real layout: at least 20 px text, nothing overlapping or cut off', () => {
    const params = defaultParams();
    const sizing = loopLabels({ row: null, first: null, initial, params, status: 'idle' });
    const texts = { nodes: sizing.nodes, candidates: arrowCandidates({ initial, params }) };
    // The card's content box on the stage of a 1920 × 1080 screen, and on a 1280 × 800 one.
    for (const [w, h] of [[1830, 880], [1190, 630]] as const) {
      const fit = fitLoop(w, h, (width) => layoutLoop(width, 'present', sizing, texts, meters).height);
      const labels = loopLabels({ row: late, first: stepOne, initial, params, status: 'paused' });
      const layout = layoutLoop(fit.width, 'present', labels, { nodes: labels.nodes, candidates: texts.candidates }, meters);
      expect(layout.width * fit.scale).toBeLessThanOrEqual(w + 0.5);
      expect(layout.height * fit.scale).toBeLessThanOrEqual(h + 0.5);
      // Most of the stage: the drawing is as wide as the stage or as tall as it.
      expect(Math.max((layout.width * fit.scale) / w, (layout.height * fit.scale) / h)).toBeGreaterThan(0.9);
      expect(Math.min(...Object.values(STYLES.present.font)) * fit.scale).toBeGreaterThanOrEqual(20);
      const ink = inkBoxes(layout);
      const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      const clashes = ink.flatMap((a, i) => ink.slice(i + 1).filter((b) => overlaps(a.box, b.box)).map((b) => `${a.what} × ${b.what}`));
      expect(clashes).toEqual([]);
      const outside = ink.filter(({ box }) => box.x < 0 || box.y < 0 || box.x + box.w > layout.width || box.y + box.h > layout.height);
      expect(outside.map((b) => b.what)).toEqual([]);
    }
  });
});
