// The song wall's pure parts: genre order, the grid with a new row per genre, pointer → song, shades and drawing.
import { describe, expect, it } from 'vitest';
import { prepareCanvas } from '../../../src/ui/views/canvas';
import { fillSquare, packColor } from '../../../src/ui/views/pixels';
import {
  BLANK,
  drawWall,
  evenShareOf,
  exposureLevel,
  LEVEL_EDGES,
  LEVELS,
  levelRange,
  wallPixels,
  wallPlan,
  type WallScratch,
} from '../../../src/ui/views/songWall';
import { cellAt, genreCounts, wallLayout, wallOrder } from '../../../src/ui/views/wallLayout';
import { songs } from './fixtures';

// Genres of the fixture: [0, 1, 0, 2, 1, 0]. Width 40 → 18 px cells (the maximum), 2 columns.
const s = songs();
const order = wallOrder(s, 3);
const layout = wallLayout(order, genreCounts(s, 3), 40);

describe('song wall', () => {
  it('orders songs by genre, then id', () => {
    expect([...order]).toEqual([0, 2, 5, 1, 4, 3]);
    expect([...genreCounts(s, 3)]).toEqual([3, 2, 1]);
  });

  it('starts each genre on a new row', () => {
    expect(layout).toMatchObject({ cols: 2, rows: 4, pitch: 18, cell: 17, width: 36, height: 72 });
    expect([...layout.slots]).toEqual([0, 2, 5, -1, 1, 4, 3, -1]);
  });

  it('maps a pointer position to the song under it', () => {
    expect(cellAt(0, 0, layout)).toBe(0);
    expect(cellAt(20, 5, layout)).toBe(2);
    expect(cellAt(5, 20, layout)).toBe(5);
    expect(cellAt(20, 20, layout)).toBeNull(); // blank end of genre 1's last row
    expect(cellAt(30, 40, layout)).toBe(4);
    expect(cellAt(10, 60, layout)).toBe(3);
    expect(cellAt(37, 5, layout)).toBeNull(); // right of the grid
    expect(cellAt(5, 80, layout)).toBeNull(); // below it
    expect(cellAt(-1, 5, layout)).toBeNull();
  });

  it('shrinks cells for big catalogs and keeps the wall within 480 px', () => {
    const n = 50000;
    const big = wallLayout(new Int32Array(n), [n], 1200);
    expect(big.pitch).toBeGreaterThanOrEqual(2);
    expect(big.height).toBeLessThanOrEqual(480 + big.pitch);
  });

  it('with a fixed height, takes the largest cell whose rows fit it, whatever the width (present mode)', () => {
    // Genres of 10 and 5 songs, 40 px wide, at most 20 px high. 7 px cells: 5 columns, rows 2 + 1,
    // 21 px: too high. 6 px cells: 6 columns, rows 2 + 1 = 3, 18 px: the largest that fits.
    const fitted = wallLayout(new Int32Array(15), [10, 5], 40, 20);
    expect(fitted.pitch).toBe(6);
    expect(fitted.cols).toBe(6);
    expect(fitted.height).toBe(18);
    // A catalog of 2,000 in 8 genres, 600 to 1,200 px wide: 9 px cells, 35 rows, 315 px; 10 px, 29
    // rows, 290 px; 11 px, 27 rows, 297 px; 12 px, 22 rows, 264 px (13 px would be 27 rows, 351 px).
    // Without the fixed height the wall follows the width: 315, 468, 525 and 480 px (9, 13, 15 and
    // 16 px cells aiming at 330, 440, 480 and 480 px).
    const counts = [400, 350, 300, 280, 250, 200, 120, 100];
    const widths = [600, 800, 1000, 1200];
    expect(widths.map((width) => wallLayout(new Int32Array(2000), counts, width, 320).height)).toEqual([315, 290, 297, 264]);
    expect(widths.map((width) => wallLayout(new Int32Array(2000), counts, width).height)).toEqual([315, 468, 525, 480]);
  });

  it('shades by times shown against an even share, one ramp for every genre', () => {
    const plan = wallPlan(s, layout.slots);
    // One shade per level, whatever the genre: colour means attention only.
    expect(plan.palette).toHaveLength(LEVELS);
    expect(new Set(plan.palette).size).toBe(LEVELS);
    // Impressions [0, 10, 30, 500, 0, 2]: an even share of 542 / 6 = 90.33.
    expect(plan.evenShare).toBeCloseTo(542 / 6, 12);
    // slots: [0, 2, 5, -, 1, 4, 3, -]; impressions 0, 30, 2, -, 10, 0, 500, -
    expect([...plan.color]).toEqual([0, 2, 1, BLANK, 2, 0, 3, BLANK]);
    expect([...plan.counts]).toEqual([2, 1, 2, 1, 0, 0]);
  });

  it('puts each song in its level by fixed steps of ten even shares', () => {
    expect(LEVEL_EDGES).toEqual([0.1, 1, 10, 100]);
    expect(
      [0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000].map((i) => exposureLevel(i, 100)),
    ).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4, 5]);
    // Before anything is shown there is no even share: every song is "never shown".
    expect(exposureLevel(0, 0)).toBe(0);
    expect(evenShareOf({ impressions: Float64Array.from([4, 0, 2, 99]), released: 3 })).toBe(2);
  });

  it('names each level by the counts it holds at this even share', () => {
    expect([0, 1, 2, 3, 4, 5].map((l) => levelRange(l, 200))).toEqual([
      'never shown',
      '1–19 times',
      '20–199 times',
      '200–1,999 times',
      '2,000–19,999 times',
      '20,000+ times',
    ]);
    // At an even share of 5 no whole count is under a tenth of it; 1 is a tenth to one.
    expect(levelRange(1, 5)).toBe('');
    expect(levelRange(2, 5)).toBe('1–4 times');
    expect(levelRange(2, 0)).toBe('');
  });

  it('lists each genre band with its first row and height', () => {
    expect(layout.bands).toEqual([
      { genre: 0, row: 0, rows: 2 },
      { genre: 1, row: 2, rows: 1 },
      { genre: 2, row: 3, rows: 1 },
    ]);
  });

  /**
   * A fake 2D context that paints into a w × h grid of packed colours (0 = transparent): drawImage
   * scales the scratch image by nearest neighbour, clearRect clears, fillRect paints its fill style.
   */
  function fakeContext(w: number, h: number) {
    const px = new Uint32Array(w * h);
    const rect = (x: number, y: number, rw: number, rh: number, v: number) => {
      for (let j = Math.max(0, y); j < Math.min(h, y + rh); j++)
        for (let i = Math.max(0, x); i < Math.min(w, x + rw); i++) px[j * w + i] = v;
    };
    const ctx = {
      canvas: {},
      save() {},
      restore() {},
      setTransform() {},
      imageSmoothingEnabled: true,
      fillStyle: '',
      drawImage(
        src: { image: ImageData },
        sx: number,
        sy: number,
        sw: number,
        sh: number,
        dx: number,
        dy: number,
        dw: number,
        dh: number,
      ) {
        expect(ctx.imageSmoothingEnabled).toBe(false);
        const data = new Uint32Array(src.image.data.buffer);
        for (let j = dy; j < Math.min(h, dy + dh); j++)
          for (let i = dx; i < Math.min(w, dx + dw); i++) {
            const u = sx + Math.floor(((i - dx) * sw) / dw);
            const v = sy + Math.floor(((j - dy) * sh) / dh);
            px[j * w + i] = data[v * src.image.width + u]!;
          }
      },
      clearRect: (x: number, y: number, rw: number, rh: number) => rect(x, y, rw, rh, 0),
      fillRect: (x: number, y: number, rw: number, rh: number) =>
        rect(x, y, rw, rh, packColor(ctx.fillStyle)),
    };
    return {
      ctx: ctx as unknown as CanvasRenderingContext2D,
      at: (x: number, y: number) => px[y * w + x],
    };
  }

  /** A scratch image standing in for the small offscreen canvas. */
  function fakeScratch(cols: number, rows: number): WallScratch {
    const image = { width: cols, height: rows, data: new Uint8ClampedArray(cols * rows * 4) };
    // drawImage gets the scratch itself as its source, to read the pixels back.
    const scratch: { image: unknown; ctx: unknown; canvas?: unknown } = {
      image,
      ctx: { putImageData() {} },
    };
    scratch.canvas = scratch;
    return scratch as WallScratch;
  }

  it('writes one pixel per slot: its colour, transparent when blank', () => {
    const plan = wallPlan(s, layout.slots);
    const out = new Uint32Array(plan.color.length);
    wallPixels(plan, out);
    expect(out[0]).toBe(packColor(plan.palette[plan.color[0]!]!));
    expect(out[3]).toBe(0);
    expect(out[6]).toBe(packColor(plan.palette[plan.color[6]!]!));
  });

  it('draws each song as a square of its colour and leaves blank slots and gaps transparent', () => {
    const plan = wallPlan(s, layout.slots);
    // At 1 device pixel per CSS pixel the wall is 36 × 72 (18 px pitch, 17 px cells).
    const { ctx, at } = fakeContext(36, 72);
    drawWall(ctx, plan, layout, 1, fakeScratch(layout.cols, layout.rows));
    expect(at(5, 5)).toBe(packColor(plan.palette[plan.color[0]!]!)); // song 0
    expect(at(18 + 16, 18 * 3 + 16)).toBe(0); // slot 7 is blank
    expect(at(17, 5)).toBe(0); // the 1 px gap between cells
    expect(at(5, 17)).toBe(0);
    expect(at(16, 16)).toBe(packColor(plan.palette[plan.color[0]!]!)); // the cell's last pixel
    expect(at(5, 18 * 3 + 5)).toBe(packColor(plan.palette[plan.color[6]!]!)); // song 3, slot 6 = row 3, column 0
  });

  it('draws at the device pixel ratio and enlarges shown songs in tiny cells', () => {
    const plan = wallPlan(s, layout.slots);
    const { ctx, at } = fakeContext(72, 144);
    drawWall(ctx, plan, layout, 2, fakeScratch(layout.cols, layout.rows));
    expect(at(10, 10)).toBe(packColor(plan.palette[plan.color[0]!]!)); // song 0 at twice the size
    expect(at(35, 10)).toBe(0); // the gap is 2 device px wide
    expect(at(34, 10)).toBe(0);
    expect(at(33, 10)).toBe(packColor(plan.palette[plan.color[0]!]!));
    // 2 px cells for 50,000 songs: a shown song is drawn MIN_LIT px wide, centred on its cell.
    const tiny = { ...layout, pitch: 2, cell: 2, cols: 4, rows: 1, width: 8, height: 2 };
    const lit = { ...plan, color: Uint16Array.from([0, LEVELS - 1, 0, 0]) };
    const small = fakeContext(8, 4);
    drawWall(small.ctx, lit, tiny, 1, fakeScratch(4, 1));
    const shown = packColor(plan.palette[LEVELS - 1]!);
    expect(small.at(1, 1)).toBe(shown); // neighbour cell covered by the lit song
    expect(small.at(4, 0)).toBe(shown);
    expect(small.at(5, 0)).toBe(packColor(plan.palette[0]!));
  });

  it('packs colours as little-endian RGBA and clips squares to the buffer', () => {
    expect(packColor('#0a141e')).toBe(((0xff << 24) | (0x1e << 16) | (0x14 << 8) | 0x0a) >>> 0);
    const buf = { data: new Uint32Array(16), width: 4, height: 4, dpr: 1 };
    fillSquare(buf, 3, 3, 3, 7);
    expect([...buf.data].filter((v) => v === 7)).toHaveLength(1);
  });

  it('prepareCanvas returns null without a 2D context instead of crashing', () => {
    const canvas = { width: 0, height: 0, getContext: () => null } as unknown as HTMLCanvasElement;
    expect(prepareCanvas(canvas, 100, 50)).toBeNull();
    const throwing = {
      width: 0,
      height: 0,
      getContext: () => {
        throw new Error('not implemented');
      },
    } as unknown as HTMLCanvasElement;
    expect(prepareCanvas(throwing, 100, 50)).toBeNull();
    expect(prepareCanvas(null, 100, 50)).toBeNull();
  });
});
