// Copies the computed styles of an on-screen SVG onto its clone, so the clone renders the same with no stylesheet.
// They are written as presentation attributes (fill="…"), not style="…": the page's Content-Security-Policy
// forbids inline style attributes (setting one logs a violation), and every SVG reader knows the attributes.

import { resolveVars } from './cssValues';

/**
 * Presentation attributes that inherit: written only where they differ from the parent, which
 * keeps a chart with hundreds of marks small while every mark still ends up with its screen value.
 */
const INHERITED = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'shape-rendering',
  'marker-start',
  'marker-mid',
  'marker-end',
] as const;

/**
 * Initial values (as computed) of the inherited properties: at the chart's root, where there is
 * no parent to compare with, a property still at its initial value needs no declaration. The
 * font is always written there, since a standalone file's default font is not the page's.
 */
const INITIAL: Readonly<Record<string, string>> = {
  fill: 'rgb(0, 0, 0)',
  'fill-opacity': '1',
  'fill-rule': 'nonzero',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-opacity': '1',
  'stroke-dasharray': 'none',
  'stroke-dashoffset': '0px',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  'stroke-miterlimit': '4',
  'paint-order': 'normal',
  'font-style': 'normal',
  'letter-spacing': 'normal',
  'text-anchor': 'start',
  'dominant-baseline': 'auto',
  visibility: 'visible',
  'shape-rendering': 'auto',
  'marker-start': 'none',
  'marker-mid': 'none',
  'marker-end': 'none',
};

/** Presentation attributes that do not inherit, with their initial value: written only where they differ from it. */
const NOT_INHERITED: Readonly<Record<string, string>> = {
  opacity: '1',
  'clip-path': 'none',
  mask: 'none',
  filter: 'none',
  'stop-color': 'rgb(0, 0, 0)',
  'stop-opacity': '1',
};

/**
 * font-variant-numeric is no presentation attribute, so it travels as a class with one rule in the
 * file's <style> ({@link NUMERIC_RULES}). Tabular figures are what the charts use for ticks and values.
 */
export const NUMERIC_RULES =
  '.tnum{font-variant-numeric:tabular-nums}.pnum{font-variant-numeric:normal}';

/** The class that carries a computed font-variant-numeric, or undefined for the initial value. */
export function numericClass(value: string): string | undefined {
  if (value.includes('tabular-nums')) return 'tnum';
  return undefined;
}

type Computed = (el: Element) => CSSStyleDeclaration;

function attributes(
  source: Element,
  parent: CSSStyleDeclaration | null,
  computed: Computed,
): [string, string][] {
  const own = computed(source);
  const out: [string, string][] = [];
  for (const prop of INHERITED) {
    const value = own.getPropertyValue(prop).trim();
    if (!value) continue;
    if (parent ? parent.getPropertyValue(prop).trim() === value : INITIAL[prop] === value) continue;
    out.push([prop, resolveVars(value, source)]);
  }
  for (const [prop, initial] of Object.entries(NOT_INHERITED)) {
    const value = own.getPropertyValue(prop).trim();
    if (!value || value === initial) continue;
    out.push([prop, resolveVars(value, source)]);
  }
  return out;
}

function numericOf(style: CSSStyleDeclaration | null): string | undefined {
  return style ? numericClass(style.getPropertyValue('font-variant-numeric')) : undefined;
}

/**
 * Writes each element's computed style into the clone as presentation attributes and drops what
 * the file does not need: elements not displayed (they would show once the stylesheet is gone),
 * style attributes (their effect is in the computed values) and class names (they mean nothing
 * without the stylesheet, and could pick up a host page's rules). The clone must be a deep clone
 * of `source`, so the two trees pair up element by element.
 */
export function inlineSvgStyles(source: SVGElement, clone: SVGElement): void {
  const view = source.ownerDocument.defaultView;
  if (!view) return;
  const computed: Computed = (el) => view.getComputedStyle(el);
  const walk = (src: Element, dst: Element, parent: CSSStyleDeclaration | null): void => {
    const own = computed(src);
    dst.removeAttribute('class');
    dst.removeAttribute('style');
    for (const [name, value] of attributes(src, parent, computed)) dst.setAttribute(name, value);
    const numeric = numericOf(own);
    if (numeric !== numericOf(parent)) dst.setAttribute('class', numeric ?? 'pnum');
    const srcKids = Array.from(src.children);
    const dstKids = Array.from(dst.children);
    srcKids.forEach((kid, i) => {
      const copy = dstKids[i];
      if (!copy) return;
      if (computed(kid).display === 'none') copy.remove();
      else walk(kid, copy, own);
    });
  };
  walk(source, clone, null);
}
