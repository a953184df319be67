// Saving one view: caption and file name from the run's facts, the card serialized, then downloaded as SVG or PNG.
import { captionText } from './caption';
import { downloadBlob } from './download';
import type { SaveFacts } from './facts';
import { saveFileName } from './names';
import { pngScale, svgToPng } from './rasterize';
import { serializeView } from './serializeView';

export type SaveFormat = 'png' | 'svg';

/** Saves `card` as it is on screen, captioned with `facts`; resolves to the file name once the download starts. */
export async function saveView(
  card: HTMLElement,
  format: SaveFormat,
  title: string,
  facts: SaveFacts,
): Promise<string> {
  const { svg, width, height } = serializeView(card, { caption: captionText(facts), title });
  const name = saveFileName(facts.view, facts.seed, facts.step, format);
  const blob =
    format === 'svg'
      ? new Blob([svg], { type: 'image/svg+xml;charset=utf-8' })
      : await svgToPng(svg, width, height, pngScale(width, height, window.devicePixelRatio));
  downloadBlob(blob, name);
  return name;
}
