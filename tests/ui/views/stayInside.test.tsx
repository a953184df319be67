// @vitest-environment jsdom
// Tooltips stay inside their card: the pure shift, and the hook moving a tooltip that would poke out.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shiftInto } from '../../../src/ui/views/stayInside';
import { Tooltip } from '../../../src/ui/views/Tooltip';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const box = (left: number, top: number, right: number, bottom: number) => ({
  left,
  top,
  right,
  bottom,
});

describe('shiftInto', () => {
  const card = box(0, 0, 400, 300);
  it('leaves a box that fits where it is', () => {
    expect(shiftInto(box(10, 10, 100, 60), card)).toEqual({ dx: 0, dy: 0 });
  });
  it('moves a box back over each edge it crosses, 4 px clear', () => {
    expect(shiftInto(box(350, 10, 450, 60), card)).toEqual({ dx: -54, dy: 0 });
    expect(shiftInto(box(-20, 10, 80, 60), card)).toEqual({ dx: 24, dy: 0 });
    expect(shiftInto(box(10, 280, 100, 330), card)).toEqual({ dx: 0, dy: -34 });
  });
  it('keeps the start of a box wider than the card inside', () => {
    expect(shiftInto(box(-10, 0, 500, 40), card)).toEqual({ dx: 14, dy: 4 });
  });
});

describe('Tooltip', () => {
  it('is moved back inside its view card', () => {
    // The card spans x 0–300; the tooltip, 120 px wide at x 250, would end at 370.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      if (this.classList.contains('vw-card'))
        return DOMRect.fromRect({ x: 0, y: 0, width: 300, height: 400 });
      if (this.classList.contains('vw-tooltip'))
        return DOMRect.fromRect({ x: 250, y: 100, width: 120, height: 60 });
      return DOMRect.fromRect({ x: 0, y: 0, width: 0, height: 0 });
    });
    const { container } = render(
      <section className="vw-card">
        <div className="vw-chart">
          <Tooltip
            x={100}
            y={100}
            containerWidth={300}
            title="Step 3"
            rows={[{ label: 'Gini', value: '0.80' }]}
          />
        </div>
      </section>,
    );
    const tip = container.querySelector('.vw-tooltip') as HTMLElement;
    expect(tip.style.translate).toBe('-74px 0px');
  });
});
