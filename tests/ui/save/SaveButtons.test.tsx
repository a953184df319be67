// @vitest-environment jsdom
// The save buttons in a view card: named per view, keyboard-reachable, and a click downloads the
// card as an SVG named and captioned after the run in the store.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultParams } from '../../../src/engine';
import { createAppStore } from '../../../src/state/store';
import { downloadBlob } from '../../../src/ui/save/download';
import { StoreProvider } from '../../../src/ui/storeContext';
import { ViewCard } from '../../../src/ui/views/ViewCard';

vi.mock('../../../src/ui/save/download', () => ({ downloadBlob: vi.fn() }));
const download = vi.mocked(downloadBlob);

const TITLE = 'Rich get richer: plays pile up on a few songs';

function card() {
  return (
    <div data-view="rich-get-richer" data-step="12">
      <ViewCard title={TITLE} explanation="Popular songs are ranked first.">
        <p>chart</p>
      </ViewCard>
    </div>
  );
}

function storeAtStep12() {
  const store = createAppStore({ ...defaultParams(), epsilon: 0.2 });
  store.getState().addMarkerPart(10, { key: 'epsilon', from: '0.1', to: '0.2', text: 'ε = 0.2' });
  return store;
}

beforeEach(() => {
  // jsdom has no 2D canvas; the serializer then estimates text widths.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  download.mockReset();
});

describe('SaveButtons', () => {
  it('puts two named buttons in the card’s title row, also without a store', () => {
    render(card());
    const png = screen.getByRole('button', { name: 'Save Rich get richer as PNG' });
    const svg = screen.getByRole('button', { name: 'Save Rich get richer as SVG' });
    expect([png.tagName, png.getAttribute('type'), svg.textContent]).toEqual([
      'BUTTON',
      'button',
      'SVG',
    ]);
    expect(png.closest('.vw-save-head')?.querySelector('h2')?.textContent).toBe(TITLE);
  });

  it('downloads the card as SVG, named and captioned after the run', async () => {
    render(<StoreProvider store={storeAtStep12()}>{card()}</StoreProvider>);
    fireEvent.click(screen.getByRole('button', { name: 'Save Rich get richer as SVG' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [blob, name] = download.mock.calls[0]!;
    expect(name).toBe('feedback-loop-lab_rich-get-richer_seed42_step12.svg');
    expect(blob.type).toBe('image/svg+xml;charset=utf-8');
    const text = await blob.text();
    expect(text).toContain(
      '<desc>The loop forms · seed 42 · step 12 · ε = 0.2 from step 10</desc>',
    );
    expect(text).toContain(`<title>${TITLE}</title>`);
  });

  it('says why in a notice when a save fails, ending in one full stop', async () => {
    const store = storeAtStep12();
    download.mockImplementationOnce(() => {
      throw new Error('downloads are blocked.');
    });
    render(<StoreProvider store={store}>{card()}</StoreProvider>);
    fireEvent.click(screen.getByRole('button', { name: 'Save Rich get richer as SVG' }));
    await waitFor(() =>
      expect(store.getState().notices).toContainEqual({
        id: 'save-failed',
        text: 'Could not save the chart as SVG: downloads are blocked.',
      }),
    );
  });
});
