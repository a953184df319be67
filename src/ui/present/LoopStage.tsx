// The loop's stage in present mode: the drawing lays itself out to fill it (LoopDiagram's fillHeight) instead of a fixed layout being scaled.
import { createContext, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { LoopDiagram } from '../loop/LoopDiagram';

/** Stages narrower than this (a phone) get the page's compact drawing, scrolled if need be. */
export const LOOP_PRESENT_MIN_WIDTH = 700;

/** The height of the stage the loop is on, when it is wide enough to present on; else null. */
const StageHeight = createContext<number | null>(null);

/** The loop as a present-mode view: the projector drawing filling its stage, or the page's drawing. */
export function LoopView() {
  const height = useContext(StageHeight);
  return height === null ? <LoopDiagram /> : <LoopDiagram size="present" fillHeight={height} />;
}

/** The stage of the loop view: measures itself for the drawing inside (a LoopView). */
export function LoopStage({ children }: { children: ReactNode }) {
  const stage = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = stage.current;
    if (!el) return;
    const measure = () => {
      const { clientWidth: width, clientHeight: height } = el;
      setBox((old) => (old && old.width === width && old.height === height ? old : { width, height }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const height = box && box.width >= LOOP_PRESENT_MIN_WIDTH ? box.height : null;
  return (
    <div className="present-stage present-stage-loop" ref={stage}>
      <StageHeight.Provider value={height}>{children}</StageHeight.Provider>
    </div>
  );
}
