// Hands a file to the browser's downloads: an object URL and a click on a temporary link.

/** How long the object URL outlives the click: some browsers start reading it only after the click returns. */
const REVOKE_AFTER_MS = 30_000;

/** Starts the download of `blob` as `fileName`. */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
