// The song wall's pure parts: genre order, the grid with a new row per genre, pointer → song, colours and drawing.
import { describe, expect, it } from 'vitest';
import { prepareCanvas } from '../../../src/ui/views/canvas';
import { fillSquare, packColor } from '../../../src/ui/views/pixels';
import {
  BLANK,
  cellAt,
  drawWall,
  genreCounts,
  LEVELS,
  wallLayout,
  wallOrder,
  wallPixels,
  wallPlan,
  type WallScratch,
} from '../../../src/ui/views/songWall';
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

  it('colours by genre and log exposure: never shown is level 0, the most shown the top level', () => {
    const plan = wallPlan(s, layout.slots, 3);
    expect(plan.palette).toHaveLength(3 * LEVELS);
    // slots: [0, 2, 5, -, 1, 4, 3, -]; impressions 0, 30, 2, -, 10, 0, 500, -
    expect(plan.color[0]).toBe(0); // genre 0, never shown
    expect(plan.color[3]).toBe(BLANK);
    expect(plan.color[6]).toBe(2 * LEVELS + LEVELS - 1); // genre 2, the most shown
    expect(plan.color[5]).toBe(1 * LEVELS + 0); // song 4: genre 1, never shown
    const level1 = plan.color[4]! - LEVELS; // song 1: 10 impressions
    expect(level1).toBe(Math.round((Math.log1p(10) * (LEVELS - 1)) / Math.log1p(500)));
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
    const plan = wallPlan(s, layout.slots, 3);
    const out = new Uint32Array(plan.color.length);
    wallPixels(plan, out);
    expect(out[0]).toBe(packColor(plan.palette[plan.color[0]!]!));
    expect(out[3]).toBe(0);
    expect(out[6]).toBe(packColor(plan.palette[plan.color[6]!]!));
  });

  it('draws each song as a square of its colour and leaves blank slots and gaps transparent', () => {
    const plan = wallPlan(s, layout.slots, 3);
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
    const plan = wallPlan(s, layout.slots, 3);
    const { ctx, at } = fakeContext(72, 144);
    drawWall(ctx, plan, layout, 2, fakeScratch(layout.cols, layout.rows));
    expect(at(10, 10)).toBe(packColor(plan.palette[plan.color[0]!]!)); // song 0 at twice the size
    expect(at(35, 10)).toBe(0); // the gap is 2 device px wide
    expect(at(34, 10)).toBe(0);
    expect(at(33, 10)).toBe(packColor(plan.palette[plan.color[0]!]!));
    // 2 px cells for 50,000 songs: a shown song is drawn MIN_LIT px wide, centred on its cell.
    const tiny = { ...layout, pitch: 2, cell: 2, cols: 4, rows: 1, width: 8, height: 2 };
    const lit = { color: Uint16Array.from([0, LEVELS - 1, 0, 0]), palette: plan.palette };
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
