// What a saved view says about its run, read from the store and the card's view slot when the user saves.
import type { AppState } from '../../state/store';
import type { CaptionFacts } from './caption';
import { shortTitle } from './names';
import { scenarioTitle } from './scenario';

/** The caption's facts plus the view's id (for the file name). */
export interface SaveFacts extends CaptionFacts {
  /** e.g. "rich-get-richer". */
  readonly view: string;
}

/**
 * Reads the facts at the moment of saving. The step is the one the view has drawn (its slot's
 * data-step): while a run plays, views draw a batch behind the store, and the caption must
 * describe the picture, not the step the worker reached meanwhile. Outside a view slot it falls
 * back to the store's step and the view's short title.
 */
export function saveFacts(
  state: Pick<AppState, 'params' | 'markers' | 't'>,
  card: Element,
  title: string,
): SaveFacts {
  const slot = card.closest<HTMLElement>('[data-view]');
  const drawn = slot?.dataset.step === undefined ? NaN : Number(slot.dataset.step);
  return {
    view: slot?.dataset.view || shortTitle(title),
    scenario: scenarioTitle(state.params, state.markers),
    seed: state.params.seed,
    step: Number.isInteger(drawn) ? drawn : state.t,
    markers: state.markers,
  };
}
