// Tells interactive controls (buttons, radio groups, inputs, popovers) apart from what a saved picture shows.

/**
 * How the saved picture treats an element: `widget` for a control it leaves out (a button, an
 * input, a select, a popover dialog: things to click, not to read), `word` for a button that is a
 * word of running text (a glossary term), whose text stays but whose box (the dotted "click me"
 * underline) goes, and null for everything else.
 */
export type ControlKind = 'widget' | 'word' | null;

const WIDGETS = 'input, select, textarea, option, [role="dialog"]';

/**
 * True for an inline-level element inside a line of text: next to text, or in an inline parent
 * such as a glossary term's wrapper. Browsers compute a button's `display: inline` as
 * inline-block, so its own display alone cannot tell a word from a button in a toolbar.
 */
function inRunningText(el: Element, style: CSSStyleDeclaration): boolean {
  if (!style.display.startsWith('inline')) return false;
  const parent = el.parentElement;
  if (!parent) return false;
  const parentDisplay = el.ownerDocument.defaultView?.getComputedStyle(parent).display;
  if (parentDisplay === 'inline') return true;
  return Array.from(parent.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim());
}

export function controlKind(el: Element, style: CSSStyleDeclaration): ControlKind {
  if (el.matches(WIDGETS)) return 'widget';
  if (!el.matches('button, [role="button"]')) return null;
  return inRunningText(el, style) ? 'word' : 'widget';
}
