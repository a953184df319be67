// Writes the impression event log: one JSON line per shown song, in order of step, listener, slot.
import type { StepArrays } from '../engine';
import type { TextSink } from './files';

/**
 * Propensities are Float32; printing them as doubles would show noise such as 0.10000000149011612.
 * Six significant digits are within Float32 precision, and `Number` drops trailing zeros (1, not 1.00000).
 */
export function formatPropensity(p: number): string {
  return Number.isFinite(p) ? String(Number(p.toPrecision(6))) : 'null';
}

/** Appends each step's impressions to a sink as `{"t","u","i","k","c","p"}` lines. */
export class EventWriter {
  // A listener's slots usually share one propensity, so the last conversion is worth keeping.
  private lastP = Number.NaN;
  private lastText = 'null';
  lines = 0;

  constructor(private readonly sink: TextSink) {}

  /** Writes step `t` from `arrays`, which are only valid until the next step runs. */
  writeStep(t: number, arrays: StepArrays): void {
    const { slate, slateLen, clicked, propensity } = arrays;
    const users = slateLen.length;
    const k = users > 0 ? slate.length / users : 0;
    for (let u = 0; u < users; u++) {
      const len = slateLen[u]!;
      for (let j = 0; j < len; j++) {
        const at = u * k + j;
        const p = propensity[at]!;
        if (p !== this.lastP) {
          this.lastP = p;
          this.lastText = formatPropensity(p);
        }
        this.sink.write(
          `{"t":${t},"u":${u},"i":${slate[at]!},"k":${j + 1},"c":${clicked[at]!},"p":${this.lastText}}\n`,
        );
      }
      this.lines += len;
    }
  }
}
