// Small readers of computed CSS values: var() resolution, pixel lengths and "is this paint visible".

/**
 * Replaces var(--name, fallback) by the custom property's value on `el` (or its ancestors).
 * Browsers already resolve var() in computed values, so there this returns `value` unchanged; it
 * matters where they do not (jsdom) and keeps var() out of a file that has no stylesheet to
 * resolve it against.
 */
export function resolveVars(value: string, el: Element): string {
  let out = value;
  // Innermost first, so fallbacks that are themselves var() resolve too; bounded against cycles.
  for (let i = 0; i < 8 && out.includes('var('); i++) {
    out = out.replace(
      /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/g,
      (_m, name: string, fallback?: string) => {
        const found = customProperty(el, name);
        return found || (fallback ?? '').trim();
      },
    );
  }
  return out;
}

function customProperty(el: Element, name: string): string {
  const view = el.ownerDocument.defaultView;
  if (!view) return '';
  for (let node: Element | null = el; node; node = node.parentElement) {
    const value = view.getComputedStyle(node).getPropertyValue(name).trim();
    if (value) return value;
  }
  return '';
}

/** A computed length in px ("4px" → 4); 0 for anything else ("auto", "", "normal"). */
export function px(value: string): number {
  const n = Number.parseFloat(value);
  return value.trim().endsWith('px') && Number.isFinite(n) ? n : 0;
}

/** True for a colour that paints something: not "transparent", not an rgb()/rgba() with alpha 0. */
export function isPainted(color: string): boolean {
  const c = color.trim().toLowerCase();
  if (c === '' || c === 'transparent' || c === 'none') return false;
  return splitAlpha(c).alpha > 0;
}

/** The first colour named in a CSS image (e.g. a gradient): a flat stand-in where a file cannot carry the image. */
export function firstColor(image: string): string | null {
  return /(rgba?\([^)]*\)|#[0-9a-f]{3,8}\b)/i.exec(image)?.[1] ?? null;
}

/**
 * A colour split into an opaque colour and its alpha ("rgba(0, 0, 0, 0.5)" → "rgb(0, 0, 0)", 0.5):
 * fill-opacity is understood by every SVG reader, rgba() in a fill only by newer ones.
 */
export function splitAlpha(color: string): { color: string; alpha: number } {
  const m =
    /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)\s*(?:[,/]\s*([\d.]+)(%?))?\s*\)$/i.exec(
      color.trim(),
    );
  if (!m) return { color: color.trim(), alpha: 1 };
  const alpha = m[4] === undefined ? 1 : Number.parseFloat(m[4]) / (m[5] ? 100 : 1);
  return { color: `rgb(${m[1]}, ${m[2]}, ${m[3]})`, alpha };
}
