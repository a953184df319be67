// The axe-core scan the e2e tests use (not a test file itself): the same rules on the same nodes as
// `new AxeBuilder({ page })`, about five times faster on this app's pages.
//
// - Legacy mode: axe.run() in the page itself. The default mode runs axe.runPartial() in every frame,
//   then copies every result into a second, blank page and calls axe.finishRun() there; that is only
//   needed for cross-origin iframes, and the app has no frames at all.
// - resultTypes ['violations']: every violating node in full, as before; passes, incomplete and
//   inapplicable rules keep one example node each instead of all of them (the tests read violations
//   only). axe-core documents this option for speeding up large pages: it skips building a unique
//   selector for every passing node.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** An AxeBuilder for `page`, set up as above; chain .include() etc. as usual, then .analyze(). */
export function axeBuilder(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
}
