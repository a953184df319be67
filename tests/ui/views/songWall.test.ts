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
  wallPlan,
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

  it('draws each song as a square of its colour and leaves blank slots transparent', () => {
    const plan = wallPlan(s, layout.slots, 3);
    // A fake context at 1 device pixel per CSS pixel: the wall is 36 × 72.
    let image: { data: Uint8ClampedArray } | null = null;
    const ctx = {
      canvas: { width: 36, height: 72 },
      createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }),
      putImageData: (img: { data: Uint8ClampedArray }) => (image = img),
    } as unknown as CanvasRenderingContext2D;
    drawWall(ctx, plan, layout);
    const px = new Uint32Array(image!.data.buffer);
    const at = (x: number, y: number) => px[y * 36 + x];
    expect(at(5, 5)).toBe(packColor(plan.palette[plan.color[0]!]!)); // song 0
    expect(at(18 + 16, 18 * 3 + 16)).toBe(0); // slot 7 is blank
    expect(at(17, 5)).toBe(0); // the 1 px gap between cells
    expect(at(5, 18 * 3 + 5)).toBe(packColor(plan.palette[plan.color[6]!]!)); // song 3, slot 6 = row 3, column 0
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
