// @vitest-environment jsdom
// The hit-rate view saved: its bucket-basis radio buttons stay out of the picture, and the picture
// says in words which basis the bars show, following the choice made on screen.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FontMetrics } from '../../../src/ui/save/fontMetrics';
import { serializeView } from '../../../src/ui/save/serializeView';
import { HitRateView } from '../../../src/ui/views';
import { props } from '../views/fixtures';

const metrics: FontMetrics = { width: (text) => text.length * 7, baseline: () => 12 };

/** Every element a 200 × 20 box, every word 8 px per character along one line, so whatever the serializer draws shows up. */
const BOX = { left: 0, top: 0, width: 200, height: 20, right: 200, bottom: 20, x: 0, y: 0 };

beforeEach(() => {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({
    ...BOX,
    toJSON: () => ({}),
  } as DOMRect);
  vi.spyOn(Element.prototype, 'getClientRects').mockReturnValue([BOX] as unknown as DOMRectList);
  Object.defineProperty(Range.prototype, 'getClientRects', {
    configurable: true,
    value(this: Range) {
      const left = this.startOffset * 8;
      const width = (this.endOffset - this.startOffset) * 8;
      return [{ ...BOX, left, width, right: left + width, x: left }];
    },
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  delete (Range.prototype as Partial<Range>).getClientRects;
});

function saved(): Document {
  const card = document.querySelector<HTMLElement>('section.vw-card')!;
  const { svg } = serializeView(card, { caption: 'The loop forms · seed 42 · step 3', metrics });
  return new DOMParser().parseFromString(svg, 'image/svg+xml');
}

const texts = (doc: Document) => [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('the hit-rate view, saved', () => {
  it('draws no radio button and states the chosen basis in words', () => {
    render(<HitRateView {...props()} />);
    const doc = saved();
    // A radio button would be drawn as circles among the card's HTML; the charts' own dots are SVG.
    const htmlCircles = [...doc.querySelectorAll('circle')].filter(
      (c) => c.closest('svg') === (doc.documentElement as Element),
    );
    expect(htmlCircles).toHaveLength(0);
    expect(doc.getElementsByTagName('input')).toHaveLength(0);
    const all = texts(doc);
    expect(all).toContain('Buckets by plays:');
    expect(all.join(' | ')).toContain('at this step');
    // Neither the option not taken nor the radio group's legend is drawn.
    expect(all.join(' | ')).not.toContain('before step 1');
    expect(all).not.toContain('Buckets by plays');
  });

  it('follows the choice made on screen', () => {
    render(<HitRateView {...props()} />);
    fireEvent.click(screen.getByRole('radio', { name: /before step 1/ }));
    const all = texts(saved()).join(' | ');
    expect(all).toContain('before step 1');
    expect(all).not.toContain('at this step');
  });

  it('shows the screen the radio group and not the stated choice', () => {
    render(<HitRateView {...props()} />);
    saved();
    expect(screen.getByRole('radio', { name: /at this step/ })).toHaveProperty('checked', true);
    expect(screen.getByRole('group', { name: 'Buckets by plays' })).toBeTruthy();
    const stated = screen.getByText('Buckets by plays:').closest('p')!;
    expect(getComputedStyle(stated).display).toBe('none');
  });
});
