// The "Save PNG" and "Save SVG" buttons of a view card.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useAppStoreApi } from '../storeContext';
import { saveFacts } from './facts';
import { SAVE_SKIP } from './marks';
import { shortTitle } from './names';
import { saveView, type SaveFormat } from './saveView';

const FORMATS: readonly SaveFormat[] = ['png', 'svg'];

const HINT: Readonly<Record<SaveFormat, string>> = {
  png: 'Save this chart as a PNG picture (2× resolution, for slides and print), with the run’s settings under it',
  svg: 'Save this chart as an SVG drawing (sharp at any size, editable), with the run’s settings under it',
};

/**
 * Runs one save, then reports back. It is mounted only while a save runs, so that only saving
 * needs the app store: a card drawn on its own (component tests, a future gallery) needs none.
 * The ref guards against StrictMode running the effect twice, which would download twice.
 */
function SaveJob({
  format,
  title,
  card,
  onDone,
}: {
  format: SaveFormat;
  title: string;
  card: RefObject<HTMLElement | null>;
  onDone: () => void;
}) {
  const store = useAppStoreApi();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const el = card.current;
    const state = store.getState();
    const job = el
      ? saveView(el, format, title, saveFacts(state, el, title))
      : Promise.reject(new Error('the chart is not on the page'));
    job
      .catch((error: unknown) => {
        const reason = (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '');
        store
          .getState()
          .addNotice({
            id: 'save-failed',
            text: `Could not save the chart as ${format.toUpperCase()}: ${reason}.`,
          });
      })
      .finally(onDone);
  }, [card, format, onDone, store, title]);
  return null;
}

function DownloadIcon() {
  return (
    <svg
      className="vw-save-icon"
      width="14"
      height="14"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M8 2v8m-3.5-3.5L8 10l3.5-3.5M3 13.5h10"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * Two small buttons for the card's title row. Their names say which chart they save ("Save Rich
 * get richer as PNG"), since five cards each have a pair. While a save runs they stay focusable
 * (aria-disabled, not disabled) so keyboard focus is not thrown back to the page.
 */
export function SaveButtons({
  title,
  card,
}: {
  title: string;
  card: RefObject<HTMLElement | null>;
}) {
  const [job, setJob] = useState<SaveFormat | null>(null);
  const done = useCallback(() => setJob(null), []);
  const name = shortTitle(title);
  return (
    <div className="vw-save" role="group" aria-label={`Save ${name}`} {...SAVE_SKIP}>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="vw-save-btn"
          aria-label={`Save ${name} as ${format.toUpperCase()}`}
          title={HINT[format]}
          aria-disabled={job !== null || undefined}
          onClick={() => setJob((current) => current ?? format)}
        >
          <DownloadIcon />
          <span className="vw-save-text">{format.toUpperCase()}</span>
        </button>
      ))}
      {job && <SaveJob format={job} title={title} card={card} onDone={done} />}
    </div>
  );
}
