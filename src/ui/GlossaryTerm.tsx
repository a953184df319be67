// A technical word with its plain-language definition one click away, and the rule that only one
// tip or popover is open at a time on the page, so explanations never stack over each other.
import {
  useEffect,
  useId,
  useRef,
  useSyncExternalStore,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react';
import { GLOSSARY, type GlossaryKey } from './glossary';
import { useStayInside } from './views/stayInside';

/** The id of the one open tip or popover, shared by every instance on the page. */
let openTip: string | null = null;
const listeners = new Set<() => void>();

function setOpenTip(id: string | null): void {
  if (openTip === id) return;
  openTip = id;
  for (const listener of listeners) listener();
}

/** Opens tip `id` and closes whichever other tip or popover was open. */
export function openOnly(id: string): void {
  setOpenTip(id);
}

/** Closes tip `id` if it is the open one (a late "leave" never closes a newer tip). */
export function closeTip(id: string): void {
  if (openTip === id) setOpenTip(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether tip `id` is the open one. */
export function useTipOpen(id: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => openTip === id,
    () => false,
  );
}

/**
 * A hover-and-focus tip (such as a headline number's explanation) that obeys the one-open rule:
 * pointing at or focusing another tip closes this one; Esc closes it. Spread `handlers` on the
 * element the tip explains.
 */
export function useHelpTip(id: string) {
  const open = useTipOpen(id);
  const handlers = {
    // A finger "leaves" as it lifts, right after the tap focused the element: touch opens the tip
    // by focus alone (and a tap elsewhere blurs it).
    onPointerEnter: (e: ReactPointerEvent<HTMLElement>) => {
      if (e.pointerType !== 'touch') openOnly(id);
    },
    onPointerLeave: (e: ReactPointerEvent<HTMLElement>) => {
      if (e.pointerType !== 'touch') closeTip(id);
    },
    // Focus on the element itself only: focus moving into a glossary word or popover inside it
    // must not reopen this tip over that popover.
    onFocus: (e: FocusEvent<HTMLElement>) => {
      if (e.target === e.currentTarget) openOnly(id);
    },
    onBlur: (e: FocusEvent<HTMLElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) closeTip(id);
    },
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      if (e.key === 'Escape' && open) {
        e.stopPropagation();
        closeTip(id);
      }
    },
  };
  return { open, handlers };
}

/** Props of {@link GlossaryTerm}. */
export interface GlossaryTermProps {
  term: GlossaryKey;
  /** The words shown, when they differ from the entry's term (e.g. "Gini" for "Gini coefficient"). */
  children?: ReactNode;
}

/**
 * The word as a button (dotted underline) that opens a small popover with its definition: click or
 * Enter opens it and moves focus into it; Esc, the close button, a click elsewhere or tabbing away
 * closes it, and Esc and the close button give focus back to the word. The popover stays inside its
 * view card (or the screen) and closes any other tip.
 */
export function GlossaryTerm({ term, children }: GlossaryTermProps) {
  const id = useId();
  const popId = `${id}-pop`;
  const headId = `${id}-head`;
  const open = useTipOpen(id);
  const wrap = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pop = useRef<HTMLSpanElement>(null);
  const entry = GLOSSARY[term];
  useStayInside(pop, '.vw-card', open);

  useEffect(() => {
    if (!open) return;
    pop.current?.focus();
    // A click anywhere else closes it (focus stays where the click put it).
    const onDown = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) closeTip(id);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open, id]);

  const close = () => {
    closeTip(id);
    button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLSpanElement>) => {
    if (e.key !== 'Escape' || !open) return;
    // Esc closes this popover only, not a dialog or mode around it.
    e.stopPropagation();
    e.preventDefault();
    close();
  };
  // Tabbing to something else closes it. Focus going nowhere (a click on plain text, or Safari,
  // which does not focus a clicked button) is left to the click-elsewhere rule above.
  const onBlur = (e: FocusEvent<HTMLSpanElement>) => {
    const to = e.relatedTarget as Node | null;
    if (open && to && !e.currentTarget.contains(to)) closeTip(id);
  };

  return (
    <span className="gl" ref={wrap} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="gl-term"
        aria-expanded={open}
        aria-controls={popId}
        onClick={() => (open ? closeTip(id) : openOnly(id))}
      >
        {children ?? entry.term}
      </button>
      <span
        ref={pop}
        id={popId}
        role="dialog"
        aria-labelledby={headId}
        tabIndex={-1}
        className="gl-pop"
        hidden={!open}
      >
        <span className="gl-pop-head">
          <strong id={headId}>{entry.term}</strong>
          <button type="button" className="gl-close" aria-label="Close" onClick={close}>
            ×
          </button>
        </span>
        <span className="gl-pop-text">{entry.definition}</span>
      </span>
    </span>
  );
}
