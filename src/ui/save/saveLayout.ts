// Lays a card out as its saved picture shows it, for the moment of serializing: screen-only parts out of the flow, save-only parts in.
import { SAVE_ONLY_ATTRIBUTE, SKIP_ATTRIBUTE } from './marks';

/**
 * Takes the card's screen-only parts out of the layout and puts its save-only parts in, and
 * returns the function that puts everything back. Left out but still in the flow, the save buttons'
 * row (on a narrow card it wraps under the title) and a control's row would leave blank bands in
 * the picture. The serializer runs synchronously between the two calls, so the browser never
 * paints the changed layout and resize observers never see it. Inline styles are set through the
 * CSSOM, which the page's Content-Security-Policy allows (it blocks style attributes written as text).
 */
export function layOutForSaving(card: HTMLElement): () => void {
  const undo: (() => void)[] = [];
  for (const el of card.querySelectorAll<HTMLElement | SVGElement>(`[${SKIP_ATTRIBUTE}]`)) {
    // A skipped element inside another one is out of the flow with it.
    if (el.parentElement?.closest(`[${SKIP_ATTRIBUTE}]`)) continue;
    const hadStyle = el.hasAttribute('style');
    const value = el.style.getPropertyValue('display');
    const priority = el.style.getPropertyPriority('display');
    el.style.setProperty('display', 'none', 'important');
    undo.push(() => {
      if (value) el.style.setProperty('display', value, priority);
      else el.style.removeProperty('display');
      if (hadStyle) return;
      // Chromium writes a CSSOM change back to the attribute lazily: reading it first keeps a
      // later write-back from bringing back an empty style="" after the removal.
      el.getAttribute('style');
      el.removeAttribute('style');
    });
  }
  for (const el of card.querySelectorAll<HTMLElement>(`[${SAVE_ONLY_ATTRIBUTE}][hidden]`)) {
    el.hidden = false;
    undo.push(() => {
      el.hidden = true;
    });
  }
  return () => {
    for (const step of undo.reverse()) step();
  };
}
