// Text widths for SVG labels without touching the layout: per-character widths, measured once each.

/** Rough widths in em of a semibold sans-serif, for where no 2D canvas can measure (jsdom, tests). */
function guessEm(ch: string): number {
  if (" .,:;!|'’`ijlI".includes(ch)) return 0.3;
  if ('ftr()[]-'.includes(ch)) return 0.38;
  if ('mwMW@%'.includes(ch)) return 0.9;
  if (/[0-9]/.test(ch)) return 0.58;
  if (/[A-Z]/.test(ch)) return 0.68;
  return 0.58;
}

/** Measures characters in one font, caching each: a label's width is then a sum, with no layout. */
export class TextMeter {
  private readonly widths = new Map<string, number>();
  private ctx: CanvasRenderingContext2D | null | undefined;

  /** `font` is a CSS font shorthand without the family, e.g. "600 13px"; the family is the page's. */
  constructor(
    private readonly font: string,
    private readonly px: number,
  ) {}

  private context(): CanvasRenderingContext2D | null {
    if (this.ctx !== undefined) return this.ctx;
    this.ctx = null;
    // jsdom has no 2D canvas (and logs an error when asked for one): guess there.
    if (typeof document === 'undefined' || /jsdom/i.test(navigator.userAgent)) return null;
    try {
      const ctx = document.createElement('canvas').getContext('2d');
      if (ctx) {
        const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
        ctx.font = `${this.font} ${family}`;
        this.ctx = ctx;
      }
    } catch {
      // No 2D canvas: guess.
    }
    return this.ctx;
  }

  /** Width of one character in px. */
  char(ch: string): number {
    let w = this.widths.get(ch);
    if (w === undefined) {
      const ctx = this.context();
      w = ctx ? ctx.measureText(ch).width : guessEm(ch) * this.px;
      this.widths.set(ch, w);
    }
    return w;
  }

  /** Width of a string in px (a sum of character widths: kerning is ignored, so it errs wide). */
  width(text: string): number {
    let w = 0;
    for (const ch of text) w += this.char(ch);
    return w;
  }

  /**
   * The longest prefix of `text` (cut at a word end where one is close) plus "…" that fits in
   * `max` px; the text itself when it fits, '' when not even one character and "…" would.
   */
  fit(text: string, max: number): string {
    if (this.width(text) <= max) return text;
    const room = max - this.char('…');
    const chars = [...text];
    let w = 0;
    let n = 0;
    while (n < chars.length && w + this.char(chars[n]!) <= room) w += this.char(chars[n++]!);
    if (n === 0) return '';
    let cut = chars.slice(0, n).join('');
    // Prefer ending at a word boundary when that loses little; never leave a dangling comma or space.
    const space = cut.lastIndexOf(' ');
    if (space > 0 && n - space <= 4) cut = cut.slice(0, space);
    return `${cut.replace(/[\s,;:=]+$/u, '')}…`;
  }
}

/** Axis tick labels are 13px regular (see .vw-tick). */
export const tickMeter = new TextMeter('400 13px', 13);
