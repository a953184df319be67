// The attributes by which a view tells the saved picture what to leave out and what to show in a control's place.

/** Marks an element (and what it holds) as screen-only: left out of the saved picture, e.g. the save buttons. */
export const SKIP_ATTRIBUTE = 'data-save-skip';

/**
 * Marks an element that only the saved picture shows, e.g. "Buckets by plays: at this step" where
 * the screen has a radio group: a picture cannot be clicked, but which option was chosen is part
 * of what it shows. Such an element carries the `hidden` attribute (and no CSS display of its
 * own), so the screen never shows it; the serializer lifts `hidden` while it lays the card out.
 */
export const SAVE_ONLY_ATTRIBUTE = 'data-save-only';

/** Spread onto an element to leave it out of the saved picture: `<fieldset {...SAVE_SKIP}>`. */
export const SAVE_SKIP: Readonly<Record<typeof SKIP_ATTRIBUTE, ''>> = { [SKIP_ATTRIBUTE]: '' };

/** Spread onto an element that only the saved picture shows: `<p {...SAVE_ONLY}>` (it is hidden on screen). */
export const SAVE_ONLY: Readonly<Record<typeof SAVE_ONLY_ATTRIBUTE, ''> & { hidden: true }> = {
  [SAVE_ONLY_ATTRIBUTE]: '',
  hidden: true,
};
