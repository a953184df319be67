// The caption a saved chart carries: scenario, seed, step reached and every live change of the run.
import type { MarkerPart } from '../../state/store';

/** A live change as the store records it (a MarkerEntry): the step it took effect and what changed. */
export interface CaptionMarker {
  readonly t: number;
  readonly label: string;
  readonly parts: readonly Pick<MarkerPart, 'text'>[];
}

/** What a saved picture must say so that someone else can tell which run it shows. */
export interface CaptionFacts {
  /** Preset title, or "Custom settings". */
  readonly scenario: string;
  readonly seed: number;
  /** The step the chart shows. */
  readonly step: number;
  readonly markers: readonly CaptionMarker[];
}

/** Separates the caption's parts; also where a long caption may wrap. */
export const CAPTION_SEPARATOR = ' · ';

/** "ε = 0.1 from step 40"; several changes at one step share it: "ε = 0.2, exploration = epsilon from step 40". */
export function changeCaption(marker: CaptionMarker): string {
  const what =
    marker.parts.length > 0
      ? marker.parts.map((p) => p.text).join(', ')
      : marker.label.replace(/ from here$/, '');
  return `${what} from step ${marker.t}`;
}

/**
 * "The loop forms · seed 42 · step 60 · ε = 0.1 from step 40". Every live change is listed, in
 * order: a picture of a run that switched strategy mid-way is a different story from one that
 * started with the switched value, and the chart's dashed marker lines need a key once saved.
 */
export function captionText({ scenario, seed, step, markers }: CaptionFacts): string {
  return [scenario, `seed ${seed}`, `step ${step}`, ...markers.map(changeCaption)].join(
    CAPTION_SEPARATOR,
  );
}

/**
 * Breaks a caption into lines at most `maxWidth` wide, preferably between its parts (never leaving
 * a "·" at the start of a line), else between words; a single word wider than a line gets its own.
 */
export function wrapCaption(
  text: string,
  maxWidth: number,
  width: (line: string) => number,
): string[] {
  const lines: string[] = [];
  let line = '';
  const put = (piece: string, joiner: string) => {
    const next = line ? `${line}${joiner}${piece}` : piece;
    if (!line || width(next) <= maxWidth) line = next;
    else {
      lines.push(line);
      line = piece;
    }
  };
  for (const part of text.split(CAPTION_SEPARATOR)) {
    const joiner = CAPTION_SEPARATOR;
    const candidate = line ? `${line}${joiner}${part}` : part;
    if (width(candidate) <= maxWidth || (!line && width(part) <= maxWidth)) {
      line = candidate;
      continue;
    }
    // The part does not fit after the line: start it on a new line, breaking it between words if need be.
    if (line) lines.push(line);
    line = '';
    for (const word of part.split(' ')) put(word, ' ');
  }
  if (line) lines.push(line);
  return lines;
}
