// Names of a saved chart: the view's short name (for button labels) and the downloaded file's name.

/** The part of a view title before its colon: "Rich get richer: plays pile up…" → "Rich get richer". */
export function shortTitle(title: string): string {
  const head = title.split(':')[0]?.trim();
  return head ? head : title.trim();
}

/**
 * Lower-case ASCII words joined by hyphens: "Hit rate by popularity" → "hit-rate-by-popularity".
 * File names travel through e-mail, LMS uploads and Windows shares, so nothing else is kept.
 */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The file a saved view downloads as, e.g. "feedback-loop-lab_rich-get-richer_seed42_step60.png". */
export function saveFileName(
  view: string,
  seed: number,
  step: number,
  extension: 'png' | 'svg',
): string {
  return `feedback-loop-lab_${slug(view) || 'view'}_seed${seed}_step${step}.${extension}`;
}
