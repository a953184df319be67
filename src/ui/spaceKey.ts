// Who owns the Space key: a focused button the keyboard reached presses itself; after a click, Space is play/pause.

/** Elements that Space activates by itself. */
const SPACE_TARGETS = new Set(['BUTTON', 'SUMMARY', 'A']);

/** What last moved focus in each document: a pointer (click, tap) or the keyboard (Tab). */
const focusMovedBy = new WeakMap<Document, 'pointer' | 'keyboard'>();

/**
 * Follows whether the pointer or the keyboard last moved focus in `doc`; returns the function that
 * stops following. Without it (or before any input) a focused control keeps Space, as it always did.
 * The browser's `:focus-visible` cannot tell: Chromium sets it on the keydown itself, so a clicked
 * button "has" a visible focus by the time the Space key is seen.
 */
export function followFocusModality(doc: Document): () => void {
  const onPointer = () => focusMovedBy.set(doc, 'pointer');
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Tab') focusMovedBy.set(doc, 'keyboard');
  };
  doc.addEventListener('pointerdown', onPointer, true);
  doc.addEventListener('keydown', onKey, true);
  return () => {
    doc.removeEventListener('pointerdown', onPointer, true);
    doc.removeEventListener('keydown', onKey, true);
    focusMovedBy.delete(doc);
  };
}

/**
 * Whether Space belongs to `target` rather than to play/pause: a button, link, summary, checkbox or
 * radio takes it unless a click put focus there. A teacher who clicks a mitigation chip (or "Hide
 * controls") and presses Space means play; a student who tabbed to the chip means the chip.
 */
export function spaceBelongsTo(target: HTMLElement | null): boolean {
  if (!target) return false;
  const inputType = target.tagName === 'INPUT' ? (target as HTMLInputElement).type : '';
  const activates = SPACE_TARGETS.has(target.tagName) || inputType === 'checkbox' || inputType === 'radio' || target.getAttribute?.('role') === 'button';
  if (!activates) return false;
  return !target.ownerDocument || focusMovedBy.get(target.ownerDocument) !== 'pointer';
}
