// The PNG's resolution: twice the CSS size, more on denser screens, capped at canvas limits.
import { describe, expect, it } from 'vitest';
import { PNG_SCALE, pngScale, svgDataUrl } from '../../../src/ui/save/rasterize';

describe('pngScale', () => {
  it('draws at 2× on an ordinary or a retina screen', () => {
    expect(PNG_SCALE).toBe(2);
    expect(pngScale(640, 480, 1)).toBe(2);
    expect(pngScale(640, 480, 2)).toBe(2);
  });

  it('never draws softer than a denser screen shows', () => {
    expect(pngScale(390, 900, 3)).toBe(3);
  });

  it('scales a card too large for a canvas down to 8192 px on its longer side', () => {
    expect(pngScale(8192, 1000, 1)).toBe(1);
    expect(pngScale(100, 16384, 1)).toBe(0.5);
  });
});

describe('svgDataUrl', () => {
  it('percent-encodes the SVG into a data: URL (the page’s CSP allows data: images, not blob:)', () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><text>ε # 1</text></svg>');
    expect(url).toBe(
      'data:image/svg+xml;charset=utf-8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%3E%3Ctext%3E%CE%B5%20%23%201%3C%2Ftext%3E%3C%2Fsvg%3E',
    );
  });
});
