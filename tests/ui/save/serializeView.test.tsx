// @vitest-environment jsdom
// The serializer on a small hand-made card: styles from a stylesheet end up inline, screen-only parts
// stay out, canvases become images, HTML text lands where the layout put it, and the caption follows
// the content, however tall the card is stretched.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeView } from '../../../src/ui/save/serializeView';
import { clearLayout, fakeTextRects, metrics, parse, place } from './fakeLayout';

function card(): HTMLElement {
  document.head.innerHTML = `<style>
    :root { --accent: #0b6e99; --muted: #5a6375; --line: #dde2ea }
    .vw-card { background-color: #ffffff; padding-left: 22px; font-family: serif }
    .bar { fill: var(--accent); stroke: #1d2330; stroke-width: 2px }
    .tick { font-size: 13px; fill: var(--muted); font-variant-numeric: tabular-nums }
    .verdict { background-color: #eef5f9; border-left: 4px solid #d55e00 }
  </style>`;
  document.body.innerHTML = `
    <section class="vw-card" id="card">
      <h2 id="title">Rich get richer</h2>
      <div data-save-skip=""><button>Save as PNG</button></div>
      <p class="verdict" id="verdict">Plays pile up</p>
      <svg id="chart" width="100" height="50" viewBox="0 0 100 50" class="chart">
        <rect class="bar" x="10" y="10" width="20" height="30"></rect>
        <text class="tick" x="10" y="48">0.5</text>
        <g style="display: none"><text>hover only</text></g>
      </svg>
      <canvas id="wall" width="40" height="20"></canvas>
      <p style="display: none">hidden note</p>
      <p id="hint" style="visibility: hidden">shown on hover</p>
      <div id="spacer"></div>
    </section>`;
  const el = document.getElementById('card')!;
  // 260 px tall: as a grid row stretches a card to its neighbour's height, far below its content.
  place(el, [100, 200, 300, 260]);
  // Below the content, taking room but painting nothing: a hint kept in the layout, an empty spacer.
  place(document.getElementById('hint')!, [122, 380, 200, 20]);
  place(document.getElementById('spacer')!, [122, 400, 256, 40]);
  place(document.getElementById('title')!, [122, 220, 200, 26]);
  place(document.getElementById('verdict')!, [122, 250, 256, 30]);
  place(document.getElementById('chart')!, [122, 290, 100, 50]);
  place(document.getElementById('wall')!, [122, 350, 40, 20]);
  return el;
}

beforeEach(() => {
  fakeTextRects(122);
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(
    'data:image/png;base64,iVBORw0KGgo=',
  );
});
afterEach(clearLayout);

describe('serializeView', () => {
  it('is a standalone SVG as wide as the card, ending one caption line under its content', () => {
    const { svg, width, height } = serializeView(card(), {
      caption: 'The loop forms · seed 42 · step 60',
      metrics,
    });
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    // Content ends with the canvas at 370 − 200 = 170 (not at the card's 260): 170 + 16 gap to
    // the rule, + 10 gap + 1 line × 18 + 12 under it.
    expect([width, height]).toEqual([300, 226]);
    const root = parse(svg).documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).toBe('0 0 300 226');
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['300', '226']);
    expect(root.querySelector('title')?.textContent).toBe('Rich get richer');
    expect(root.querySelector('desc')?.textContent).toBe('The loop forms · seed 42 · step 60');
    expect(root.querySelector('style')?.textContent).toBe(
      '.tnum{font-variant-numeric:tabular-nums}.pnum{font-variant-numeric:normal}',
    );
  });

  it('carries tabular figures as a class, since font-variant-numeric has no attribute', () => {
    const doc = parse(serializeView(card(), { caption: 'c', metrics }).svg);
    expect(doc.querySelector('svg svg text')!.getAttribute('class')).toBe('tnum');
    expect(doc.querySelector('svg svg rect')!.hasAttribute('class')).toBe(false);
  });

  it('inlines the stylesheet’s fill and stroke into the chart, with var() resolved', () => {
    const doc = parse(serializeView(card(), { caption: 'c', metrics }).svg);
    const bar = doc.querySelector('svg svg rect')!;
    // Presentation attributes, not style="…" (the page's CSP forbids inline style attributes).
    expect(['fill', 'stroke', 'stroke-width'].map((a) => bar.getAttribute(a))).toEqual([
      '#0b6e99',
      'rgb(29, 35, 48)',
      '2px',
    ]);
    expect(bar.hasAttribute('class')).toBe(false);
    expect(bar.hasAttribute('style')).toBe(false);
    const tick = doc.querySelector('svg svg text')!;
    expect([tick.getAttribute('fill'), tick.getAttribute('font-size')]).toEqual([
      '#5a6375',
      '13px',
    ]);
    // Placed where it sits in the card: (122, 290) − (100, 200).
    const chart = doc.querySelector('svg svg')!;
    expect(['x', 'y', 'width', 'height', 'viewBox'].map((a) => chart.getAttribute(a))).toEqual([
      '22',
      '90',
      '100',
      '50',
      '0 0 100 50',
    ]);
  });

  it('leaves out what is not displayed and what is marked screen-only', () => {
    const { svg } = serializeView(card(), { caption: 'c', metrics });
    expect(svg).not.toContain('hover only');
    expect(svg).not.toContain('hidden note');
    expect(svg).not.toContain('shown on hover');
    expect(svg).not.toContain('Save as PNG');
  });

  it('draws HTML text at its laid-out position and boxes with their backgrounds and borders', () => {
    const doc = parse(serializeView(card(), { caption: 'c', metrics }).svg);
    const title = [...doc.querySelectorAll('text')].find(
      (t) => t.textContent === 'Rich get richer',
    )!;
    // Range top 220 + 4 − 200 + baseline 12 = 36; left 122 − 100 = 22.
    expect([title.getAttribute('x'), title.getAttribute('y')]).toEqual(['22', '36']);
    expect(title.getAttribute('font-family')).toBe('serif');
    const rects = [...doc.querySelectorAll('svg > g rect')].map((r) => [
      r.getAttribute('fill'),
      r.getAttribute('width'),
      r.getAttribute('height'),
    ]);
    // The verdict's background (#eef5f9) and its 4 px left border (#d55e00), as jsdom spells them.
    expect(rects).toContainEqual(['rgb(238, 245, 249)', '256', '30']);
    expect(rects).toContainEqual(['rgb(213, 94, 0)', '4', '30']);
  });

  it('embeds a canvas as a PNG image where it sits', () => {
    const image = parse(serializeView(card(), { caption: 'c', metrics }).svg).querySelector(
      'image',
    )!;
    expect(image.getAttribute('href')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(image.getAttributeNS('http://www.w3.org/1999/xlink', 'href')).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    );
    expect(['x', 'y', 'width', 'height'].map((a) => image.getAttribute(a))).toEqual([
      '22',
      '150',
      '40',
      '20',
    ]);
  });

  it('draws the caption right under the content, wrapped to the card’s padding', () => {
    // 300 − 2 × 22 = 256 px = 36 characters at 7 px.
    const caption = 'The loop forms · seed 42 · step 60 · ε = 0.1 from step 40';
    const { svg, height } = serializeView(card(), { caption, metrics });
    const doc = parse(svg);
    const lines = [...doc.querySelectorAll('g.caption text')];
    expect(lines.map((t) => t.textContent)).toEqual([
      'The loop forms · seed 42 · step 60',
      'ε = 0.1 from step 40',
    ]);
    // The lowest thing drawn is the canvas, 350 + 20 − 200 = 170; the hidden hint and the empty
    // spacer under it (down to 440 − 200 = 240) and the card's stretch (to 260) are not.
    // The rule 16 px under it, at 186 (+ 0.5, on a pixel row).
    const rule = doc.querySelector('g.caption line')!;
    expect([rule.getAttribute('y1'), rule.getAttribute('x1'), rule.getAttribute('x2')]).toEqual([
      '186.5',
      '22',
      '278',
    ]);
    // First baseline: 186 + 10 + 12; the second one line (18 px) lower.
    expect(lines.map((t) => [t.getAttribute('x'), t.getAttribute('y')])).toEqual([
      ['22', '208'],
      ['22', '226'],
    ]);
    expect(height).toBe(186 + 10 + 2 * 18 + 12);
    expect(doc.querySelector('g.caption')!.getAttribute('fill')).toBe('#5a6375');
  });

  it('ends the content at text that reaches lower than any box', () => {
    const el = card();
    // A footnote under the canvas: its text line is 394 + 18 = 412 → 212 in the picture.
    const note = document.createElement('p');
    note.textContent = 'Footnote';
    el.append(note);
    place(note, [122, 390, 256, 26]);
    const doc = parse(serializeView(el, { caption: 'c', metrics }).svg);
    expect(doc.querySelector('g.caption line')!.getAttribute('y1')).toBe(String(212 + 16 + 0.5));
  });
});
