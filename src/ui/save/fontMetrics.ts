// Text measurement for the saved file: where a line's baseline sits in its box, and how wide a caption line is.

/** What the serializer needs to know about a font; injectable so tests need no canvas. */
export interface FontMetrics {
  /** Width in px of `text` set in `font` (a CSS font shorthand). */
  width(text: string, font: string): number;
  /** Distance in px from the top of a text box `height` px tall to its baseline. */
  baseline(font: string, height: number): number;
}

/** Share of a text box above the baseline when the font's metrics are unknown (typical of sans-serif faces). */
const ASCENT_SHARE = 0.8;

/**
 * Measures with a 2D canvas context. A text Range's box spans the font's ascent and descent, so
 * the baseline sits the ascent below its top (centred when line boxes pad it). Where there is no
 * canvas, widths are estimated at 0.55 em per character and the baseline at 80% of the box.
 */
export function canvasFontMetrics(doc: Document): FontMetrics {
  let ctx: CanvasRenderingContext2D | null | undefined;
  const context = () => {
    if (ctx === undefined) {
      try {
        ctx = doc.createElement('canvas').getContext('2d');
      } catch {
        ctx = null;
      }
    }
    return ctx;
  };
  const ascents = new Map<string, { ascent: number; descent: number } | null>();
  return {
    width(text, font) {
      const c = context();
      if (!c)
        return (
          text.length *
          0.55 *
          (Number.parseFloat(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? '13') || 13)
        );
      c.font = font;
      return c.measureText(text).width;
    },
    baseline(font, height) {
      if (!ascents.has(font)) {
        const c = context();
        let metrics: { ascent: number; descent: number } | null = null;
        if (c) {
          c.font = font;
          const m = c.measureText('Hg');
          if (Number.isFinite(m.fontBoundingBoxAscent) && m.fontBoundingBoxAscent > 0)
            metrics = { ascent: m.fontBoundingBoxAscent, descent: m.fontBoundingBoxDescent };
        }
        ascents.set(font, metrics);
      }
      const metrics = ascents.get(font);
      if (!metrics) return height * ASCENT_SHARE;
      return (height - (metrics.ascent + metrics.descent)) / 2 + metrics.ascent;
    },
  };
}

/** The CSS font shorthand of a computed style, as canvas `font` takes it. */
export function fontOf(style: CSSStyleDeclaration): string {
  return `${style.fontStyle || 'normal'} ${style.fontWeight || '400'} ${style.fontSize || '16px'} ${style.fontFamily || 'sans-serif'}`;
}
