// @vitest-environment jsdom
// Marker labels fit their chart: right of the line, else left, else another row, else shortened with the full text on hover.
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fmtPct } from '../../../src/ui/views/format';
import { TITLE_BAND } from '../../../src/ui/views/layout';
import {
  layoutMarkers,
  markerBoxes,
  markerStrip,
  moreTitle,
  type MarkerLabel,
  type TextBox,
} from '../../../src/ui/views/Markers';
import { TextMeter } from '../../../src/ui/views/textFit';
import { TimeChart } from '../../../src/ui/views/TimeChart';
import { markerTexts } from './fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// 7 px per character: easy widths to reason about.
const width = (t: string) => [...t].length * 7;
const fit = (t: string, max: number) => {
  const n = Math.floor(max / 7) - 1;
  return n >= 1 ? `${[...t].slice(0, n).join('')}…` : '';
};
const x = (t: number) => t * 10;
const LONG = 'exploration = epsilon, ε = 0.2 from here';

/** The text of a placed label, rows joined by " / "; '' for a line without text. */
const textOf = (l: MarkerLabel) => l.rows.map((r) => r.text).join(' / ');
/** The horizontal extent of a placed label. */
const extent = (l: MarkerLabel): [number, number] => {
  const w = Math.max(0, ...l.rows.map((r) => width(r.text)));
  return l.anchor === 'start' ? [l.tx, l.tx + w] : [l.tx - w, l.tx];
};

describe('layoutMarkers', () => {
  it('puts a label right of its line when it fits', () => {
    const { labels, lanes } = layoutMarkers(
      [{ t: 2, label: 'ε = 0.1 from here' }],
      x,
      0,
      400,
      3,
      width,
      fit,
    );
    expect(lanes).toBe(1);
    expect(labels[0]).toMatchObject({ anchor: 'start', tx: 25 });
    expect(labels[0]!.rows).toEqual([{ text: 'ε = 0.1 from here', lane: 0 }]);
  });

  it('reads leftwards near the right edge', () => {
    const { labels } = layoutMarkers(
      [{ t: 35, label: 'ε = 0.1 from here' }],
      x,
      0,
      400,
      3,
      width,
      fit,
    );
    expect(labels[0]).toMatchObject({ anchor: 'end', tx: 345 });
    expect(textOf(labels[0]!)).toBe('ε = 0.1 from here');
    expect(extent(labels[0]!)[0]).toBeGreaterThanOrEqual(0);
  });

  it('stacks close markers in rows instead of overlapping them', () => {
    const markers = [
      { t: 5, label: 'ε = 0.1 from here' },
      { t: 7, label: 'ε = 0.3 from here' },
      { t: 9, label: 'γ = 0.5 from here' },
    ];
    const { labels, lanes } = layoutMarkers(markers, x, 0, 400, 3, width, fit);
    expect(lanes).toBe(3);
    // The latest change sits lowest; earlier ones step up, so no line crosses a label.
    expect(labels.map((l) => l.rows.map((r) => r.lane))).toEqual([[2], [1], [0]]);
    expect(labels.every((l) => textOf(l).endsWith('from here'))).toBe(true);
    expect(markerStrip(3)).toBeGreaterThan(markerStrip(1));
  });

  it('drops "from here", then puts each change on its own row, then cuts with an ellipsis', () => {
    // 40 characters = 280 px; from x = 50 there are 245 px to the right and 45 to the left.
    const short = layoutMarkers([{ t: 5, label: LONG }], x, 0, 300, 2, width, fit);
    expect(textOf(short.labels[0]!)).toBe('exploration = epsilon, ε = 0.2');
    expect(short.lanes).toBe(1);
    // 155 px right of the line: the changes fit one per row (21 characters = 147 px), the top row first.
    const split = layoutMarkers([{ t: 5, label: LONG }], x, 0, 210, 2, width, fit);
    expect(split.labels[0]!.rows).toEqual([
      { text: 'exploration = epsilon', lane: 1 },
      { text: 'ε = 0.2', lane: 0 },
    ]);
    expect(split.lanes).toBe(2);
    // With one row only, or too little room for the rows, the text is cut inside the chart.
    for (const [maxX, lanes] of [
      [210, 1],
      [140, 2],
    ] as const) {
      const cut = layoutMarkers([{ t: 5, label: LONG }], x, 0, maxX, lanes, width, fit);
      const l = cut.labels[0]!;
      expect(textOf(l).endsWith('…')).toBe(true);
      expect(textOf(l).startsWith('exploration')).toBe(true);
      expect(extent(l)[1]).toBeLessThanOrEqual(maxX);
    }
  });

  it('keeps a value with a comma in one piece', () => {
    const label = 'popularity buckets = 50, 500, ε = 0.2 from here';
    const { labels } = layoutMarkers([{ t: 5, label }], x, 0, 270, 2, width, fit);
    expect(labels[0]!.rows.map((r) => r.text)).toEqual(['popularity buckets = 50, 500', 'ε = 0.2']);
  });

  it('leaves the label out, not the line, when no row has room; rows are capped', () => {
    const markers = [1, 2, 3, 4].map((t) => ({ t, label: LONG }));
    const { labels, lanes } = layoutMarkers(markers, x, 0, 120, 2, width, fit);
    expect(lanes).toBe(2);
    expect(labels).toHaveLength(4);
    // Every drawn label stays inside the chart and no two in a row overlap; the rest are lines only.
    const drawn = labels.filter((l) => l.rows.length > 0);
    for (const l of drawn) {
      const [from, to] = extent(l);
      expect(from).toBeGreaterThanOrEqual(0);
      expect(to).toBeLessThanOrEqual(120);
    }
    for (const a of drawn)
      for (const b of drawn) {
        if (a === b || !a.rows.some((r) => b.rows.some((s) => s.lane === r.lane))) continue;
        const [a0, a1] = extent(a);
        const [b0, b1] = extent(b);
        expect(a1 <= b0 || b1 <= a0).toBe(true);
      }
    expect(labels.some((l) => l.rows.length === 0)).toBe(true);
  });

  it('never lets a marker line cross another marker’s label', () => {
    // Clusters and spread-out changes, with long merged labels, in wide and narrow charts.
    const cases = [
      { maxX: 400, lanes: 3, ts: [20, 21, 22, 23] },
      { maxX: 300, lanes: 2, ts: [10, 12, 14] },
      { maxX: 600, lanes: 3, ts: [5, 20, 35, 50] },
      { maxX: 250, lanes: 2, ts: [3, 20] },
    ];
    for (const { maxX, lanes, ts } of cases) {
      const layout = layoutMarkers(
        ts.map((t, i) => ({ t, label: i % 2 ? 'ε = 0.3 from here' : LONG })),
        x,
        0,
        maxX,
        lanes,
        width,
        fit,
      );
      expect(layout.lanes).toBeLessThanOrEqual(lanes);
      const tops = layout.labels.map((l) => Math.max(-1, ...l.rows.map((r) => r.lane)));
      layout.labels.forEach((l, i) => {
        const [from, to] = extent(l);
        expect(from).toBeGreaterThanOrEqual(0);
        expect(to).toBeLessThanOrEqual(maxX);
        for (const r of l.rows)
          layout.labels.forEach((other, j) => {
            if (j !== i && other.x > from && other.x < to) expect(tops[j]).toBeLessThan(r.lane);
          });
      });
      // In the cluster of three close changes with two rows, the two latest keep a label.
      if (lanes === 2 && ts.length === 3)
        expect(layout.labels.slice(1).every((l) => l.rows.length > 0)).toBe(true);
    }
  });

  it('sums up the changes left without a label as "+N", whose title lists them', () => {
    const markers = [1, 2, 3, 4].map((t) => ({ t, label: LONG }));
    const layout = layoutMarkers(markers, x, 0, 120, 2, width, fit);
    const hidden = layout.labels.filter((l) => l.rows.length === 0).map((l) => l.marker);
    expect(hidden.length).toBeGreaterThan(0);
    expect(layout.more?.text).toBe(`+${hidden.length}`);
    expect(layout.more?.markers).toEqual(hidden);
    expect(moreTitle(layout.more!.markers)).toBe(
      `Also changed: ${hidden.map((m) => `step ${m.t}: exploration = epsilon, ε = 0.2`).join('; ')}`,
    );
    // Every label is drawn or counted in the "+N": none is lost.
    expect(layout.labels.filter((l) => l.rows.length > 0).length + hidden.length).toBe(4);
  });

  it('draws no text when labels are off', () => {
    const { labels, lanes } = layoutMarkers([{ t: 2, label: 'a' }], x, 0, 400, 0, width, fit);
    expect(lanes).toBe(0);
    expect(labels[0]!.rows).toEqual([]);
  });
});

/** True when two boxes share any area. */
const overlaps = (a: TextBox, b: TextBox) =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('markerBoxes: no marker text overlaps another or the axes', () => {
  // The plot from x = 60 to 16 px short of the chart's right edge, over steps 0–100; its top at y = 40.
  const plotTop = 40;
  /** The y tick label at the plot's top edge: 13 px digits centred on it, left of the plot. */
  const topTick: TextBox = { x0: 20, x1: 53, y0: plotTop - 6, y1: plotTop + 6, text: '1.0' };

  function check(markers: { t: number; label: string }[], chartWidth: number, maxLanes: number) {
    const right = chartWidth - 16;
    const sx = (t: number) => 60 + (t * (right - 60)) / 100;
    const layout = layoutMarkers(markers, sx, 2, chartWidth - 2, maxLanes, width, fit);
    const boxes = markerBoxes(layout, plotTop, width);
    for (const [i, a] of boxes.entries()) {
      // Inside the chart, above the plot and clear of the top tick label.
      expect(a.x0).toBeGreaterThanOrEqual(2);
      expect(a.x1).toBeLessThanOrEqual(chartWidth - 2);
      expect(a.y1).toBeLessThanOrEqual(plotTop - 7);
      expect(overlaps(a, topTick)).toBe(false);
      for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
    return { layout, boxes };
  }

  it('keeps two changes one step apart apart', () => {
    const two = [
      { t: 30, label: 'exploration = epsilon from here' },
      { t: 31, label: 'ε = 0.2 from here' },
    ];
    for (const chartWidth of [560, 320]) {
      const { layout, boxes } = check(two, chartWidth, 3);
      // Both are named: the later one low, the earlier one a row up.
      expect(layout.labels.every((l) => l.rows.length > 0)).toBe(true);
      expect(boxes.length).toBeGreaterThanOrEqual(2);
      expect(layout.more).toBeNull();
    }
  });

  it('stacks or sums up ten changes in ten steps, on wide and narrow charts', () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({
      t: 40 + i,
      label: i % 2 ? `ε = 0.${i} from here` : 'exploration = epsilon, ε = 0.2 from here',
    }));
    for (const [chartWidth, maxLanes] of [
      [560, 3],
      [320, 2],
    ] as const) {
      const { layout, boxes } = check(ten, chartWidth, maxLanes);
      const hidden = layout.labels.filter((l) => l.rows.length === 0).length;
      expect(hidden).toBeGreaterThan(0);
      expect(boxes.some((b) => b.text === `+${hidden}`)).toBe(true);
      // At most one extra row, for the "+N".
      expect(layout.lanes).toBeLessThanOrEqual(maxLanes + 1);
    }
  });
});

describe('TextMeter', () => {
  it('cuts at a word end with an ellipsis and keeps text that fits', () => {
    const meter = new TextMeter('600 13px', 13);
    expect(meter.fit('ε = 0.1', 500)).toBe('ε = 0.1');
    const cut = meter.fit('exploration = epsilon, ε = 0.2', 120);
    expect(cut.endsWith('…')).toBe(true);
    expect(meter.width(cut)).toBeLessThanOrEqual(120);
    expect(cut).not.toMatch(/[ ,=]…$/);
    expect(meter.fit('exploration', 5)).toBe('');
  });
});

describe('TimeChart markers on a narrow chart', () => {
  it('shortens a long label to fit and keeps the full text as a hover title', () => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
    const { container } = render(
      <TimeChart
        series={[
          {
            id: 'a',
            label: 'A',
            color: '#000',
            points: [
              { t: 0, v: 0.1 },
              { t: 30, v: 0.2 },
            ],
          },
        ]}
        steps={100}
        markers={[{ t: 20, label: LONG }]}
        yDomain={[0, 1]}
        yFormat="%"
        valueFormat={fmtPct}
        yLabel="share"
        ariaLabel="A"
      />,
    );
    const [text] = markerTexts(container);
    expect(text).not.toBe(LONG);
    expect(text!.length).toBeGreaterThan(3);
    const titles = [...container.querySelectorAll('.vw-markers title')].map((t) => t.textContent);
    expect(titles).toContain(LONG);
    // The drawn label ends inside the 300 px chart.
    const label = container.querySelector('.vw-marker-label')!;
    const tx = Number(label.getAttribute('x'));
    const meter = new TextMeter('600 13px', 13);
    const right = label.getAttribute('text-anchor') === 'end' ? tx : tx + meter.width(text!);
    expect(right).toBeLessThanOrEqual(300);
  });

  it('keeps many close labels clear of the y axis title band and of each other, with a "+N"', () => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
    const { container } = render(
      <TimeChart
        series={[
          {
            id: 'a',
            label: 'A',
            color: '#000',
            points: [
              { t: 0, v: 0.1 },
              { t: 30, v: 0.2 },
            ],
          },
        ]}
        steps={100}
        markers={Array.from({ length: 8 }, (_, i) => ({
          t: 10 + i,
          label: i % 2 ? `ε = 0.${i} from here` : LONG,
        }))}
        yDomain={[0, 1]}
        yFormat="%"
        valueFormat={fmtPct}
        yLabel="share"
        ariaLabel="A"
        height={190}
      />,
    );
    const meter = new TextMeter('600 13px', 13);
    const spans = [...container.querySelectorAll('.vw-marker-label')].map((el) => {
      const x = Number(el.getAttribute('x'));
      const w = meter.width(el.textContent!);
      const from = el.getAttribute('text-anchor') === 'end' ? x - w : x;
      return { from, to: from + w, y: Number(el.getAttribute('y')), text: el.textContent! };
    });
    expect(spans.some((s) => /^\+\d+$/.test(s.text))).toBe(true);
    for (const [i, a] of spans.entries()) {
      expect(a.from).toBeGreaterThanOrEqual(TITLE_BAND);
      expect(a.to).toBeLessThanOrEqual(300);
      for (const b of spans.slice(i + 1))
        if (a.y === b.y) expect(a.to <= b.from || b.to <= a.from).toBe(true);
    }
  });

  it('names the change in the read-out at its step', () => {
    const { container, getByRole, getByText } = render(
      <TimeChart
        series={[
          {
            id: 'a',
            label: 'A',
            color: '#000',
            points: [
              { t: 0, v: 0.1 },
              { t: 1, v: 0.2 },
              { t: 2, v: 0.3 },
            ],
          },
        ]}
        steps={10}
        markers={[{ t: 2, label: LONG }]}
        yDomain={[0, 1]}
        yFormat="%"
        valueFormat={fmtPct}
        yLabel="share"
        ariaLabel="A chart"
      />,
    );
    fireEvent.focus(getByRole('img', { name: 'A chart' }));
    expect(getByText('Step 2')).toBeTruthy();
    expect(container.querySelector('.vw-tooltip-note')?.textContent).toBe(LONG);
  });
});
