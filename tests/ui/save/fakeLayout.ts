// jsdom has no layout: the boxes, text ranges and font metrics a browser would give a hand-made card, for the serializer's tests.
import { expect, vi } from 'vitest';
import type { FontMetrics } from '../../../src/ui/save/fontMetrics';

/** Fixed metrics: 7 px per character, baseline 12 px below a box's top. */
export const metrics: FontMetrics = { width: (text) => text.length * 7, baseline: () => 12 };

export type Rect = readonly [left: number, top: number, width: number, height: number];

/** Gives the element the box a browser would; a function is asked afresh on every read (a layout that reflows). */
export function place(el: Element, rect: Rect | (() => Rect)): void {
  const box = () => {
    const [left, top, width, height] = typeof rect === 'function' ? rect() : rect;
    return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) } as DOMRect;
  };
  el.getBoundingClientRect = box;
  el.getClientRects = () => [box()] as unknown as DOMRectList;
}

/**
 * Text ranges: 8 px per character from x = `left`, 18 px tall, 4 px below the top of the element
 * that holds them. jsdom's Range has no getClientRects at all, so it is defined here (and removed
 * by clearLayout).
 */
export function fakeTextRects(left: number): void {
  Object.defineProperty(Range.prototype, 'getClientRects', {
    configurable: true,
    value(this: Range) {
      const top = (this.startContainer.parentElement?.getBoundingClientRect().top ?? 0) + 4;
      const x = left + this.startOffset * 8;
      const width = (this.endOffset - this.startOffset) * 8;
      return [{ left: x, top, width, height: 18, right: x + width, bottom: top + 18, x, y: top }];
    },
  });
}

/** Undoes fakeTextRects and the spies, and empties the document. */
export function clearLayout(): void {
  vi.restoreAllMocks();
  delete (Range.prototype as Partial<Range>).getClientRects;
  document.head.innerHTML = '';
  document.body.innerHTML = '';
}

/** The saved SVG as a document, checked to parse. */
export function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}
