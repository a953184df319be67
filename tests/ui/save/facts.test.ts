// @vitest-environment jsdom
// The facts a saved view states: read from the store, with the step the view has drawn.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultParams } from '../../../src/engine';
import { saveFacts } from '../../../src/ui/save/facts';

const marker = {
  t: 10,
  label: 'ε = 0.2 from here',
  parts: [{ key: 'epsilon', from: '0.1', to: '0.2', text: 'ε = 0.2' }],
};
const state = { params: { ...defaultParams(), epsilon: 0.2 }, markers: [marker], t: 14 };

afterEach(() => {
  document.body.innerHTML = '';
});

describe('saveFacts', () => {
  it('takes the view id and the drawn step from the view slot, the rest from the store', () => {
    document.body.innerHTML =
      '<div data-view="diversity" data-step="12"><section id="card"></section></div>';
    expect(
      saveFacts(
        state,
        document.getElementById('card')!,
        'Diversity: does everyone get the same few songs?',
      ),
    ).toEqual({
      view: 'diversity',
      scenario: 'The loop forms',
      seed: 42,
      step: 12,
      markers: [marker],
    });
  });

  it('falls back to the store’s step and the short title outside a view slot', () => {
    document.body.innerHTML = '<section id="card"></section>';
    const facts = saveFacts(
      state,
      document.getElementById('card')!,
      'Song wall: where the attention goes',
    );
    expect([facts.view, facts.step]).toEqual(['Song wall', 14]);
  });
});
