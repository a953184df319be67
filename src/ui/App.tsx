// The app shell: header, a first-minute explanation, the transport, the parameter panel and the views;
// the loop drawn on top, a lesson rail beside the charts when a lesson is open, and present mode over all.
// On narrow screens the panel is a sheet over the charts, opened from the transport.
import { useEffect } from 'react';
import { sharedBatchPool } from '../worker/pool';
import { AbStrip } from './compare/AbStrip';
import { ComparePage } from './compare/ComparePage';
import { WorldsHost } from './worlds/WorldsHost';
import { ControlPanel, useParameterSheet } from './ControlPanel';
import { Header } from './Header';
import { Intro } from './Intro';
import { KeyNumbers, RunData } from './KeyNumbers';
import { chapterAt } from './lesson/chapters';
import { LessonRail } from './lesson/LessonRail';
import { presentViewFor } from './lesson/presentView';
import { ListenerStrip } from './listener/ListenerStrip';
import { LoopDiagram } from './loop/LoopDiagram';
import { ErrorBanner, Notices } from './Notices';
import { PresentMode } from './present/PresentMode';
import { followFocusModality } from './spaceKey';
import { useAppStore, useAppStoreApi } from './storeContext';
import { Transport } from './Transport';
import { ViewGrid } from './ViewGrid';

/** Whether a key press belongs to a field (typing, a select) rather than to the page's shortcuts. */
function inField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** `P` opens present mode on the view the lesson points at (else the loop); present mode handles its own keys. */
function usePresentKey(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'p' && event.key !== 'P') return;
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || inField(event.target)) return;
      const { present, lesson, setPresent } = store.getState();
      if (present) return;
      setPresent(presentViewFor(lesson));
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

export function App() {
  const controlsHidden = useAppStore((s) => s.controlsHidden);
  const present = useAppStore((s) => s.present);
  const lesson = useAppStore((s) => s.lesson);
  const pinned = useAppStore((s) => s.pinned !== null);
  const page = useAppStore((s) => s.page);
  const { toggle, sheet } = useParameterSheet(!controlsHidden);
  usePresentKey();
  // Space after a click plays (spaceKey.ts): the page notes whether a pointer or Tab last moved focus.
  useEffect(() => followFocusModality(document), []);
  if (page !== 'explore') {
    return (
      <div className="app app-page">
        <Header />
        <Notices />
        {page === 'compare' ? <ComparePage pool={sharedBatchPool} /> : <WorldsHost />}
      </div>
    );
  }
  if (present) {
    return (
      <div className="app app-present">
        <Notices />
        <ErrorBanner />
        <PresentMode />
      </div>
    );
  }
  const chapter = chapterAt(lesson)?.chapter;
  const focus = chapter?.focus ?? undefined;
  // The lesson sets the parameters until its sandbox chapter; then the panel is back beside it.
  const sandbox = chapter !== undefined && chapter.script === null;
  return (
    <div className={`app${controlsHidden ? ' controls-hidden' : ''}`}>
      <Header />
      <Notices />
      <ErrorBanner />
      <Transport settings={controlsHidden ? undefined : toggle} />
      <div className={lesson ? 'workspace with-lesson' : 'workspace'}>
        {lesson ? (
          <div className={sandbox ? 'side is-sandbox' : 'side'}>
            <LessonRail />
            {!controlsHidden && <ControlPanel sheet={sheet} />}
          </div>
        ) : (
          !controlsHidden && <ControlPanel sheet={sheet} />
        )}
        <main className="main" id="main" data-focus={focus}>
          <div className="loop-slot">
            <LoopDiagram />
          </div>
          <Intro />
          {pinned ? <AbStrip /> : <KeyNumbers />}
          <ViewGrid />
          <ListenerStrip />
          <RunData />
        </main>
      </div>
    </div>
  );
}
