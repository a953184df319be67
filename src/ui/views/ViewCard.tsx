// The shared frame of every view: a title that says what to look for (with Save PNG / Save SVG beside it),
// a short explanation, the chart or a placeholder.
import { useId, useRef, type ReactNode } from 'react';
import { SaveButtons } from '../save/SaveButtons';

/** Props of {@link ViewCard}. */
export interface ViewCardProps {
  /** What to look for, e.g. "Rich get richer: plays pile up on a few songs". */
  title: string;
  /** One or two sentences in plain words. */
  explanation: ReactNode;
  /** True before there is anything to draw: shows the placeholder instead of empty axes. */
  empty?: boolean;
  /** Optional extra class for view-specific layout. */
  className?: string;
  children?: ReactNode;
}

/** The placeholder shown before the first step, so no chart shows a misleading zero. */
export function EmptyState({ text = 'Press play to start' }: { text?: string }) {
  return (
    <div className="vw-empty" role="note">
      <span className="vw-empty-title">{text}</span>
      <span className="vw-empty-sub">This chart fills in as the simulation runs.</span>
    </div>
  );
}

/**
 * A card holding one view: h2 title and save buttons, explanation, then the content (or the empty
 * state). The buttons save the card itself (found by ref), so no view has to pass its chart in.
 */
export function ViewCard({
  title,
  explanation,
  empty = false,
  className,
  children,
}: ViewCardProps) {
  const id = useId();
  const card = useRef<HTMLElement>(null);
  return (
    <section
      ref={card}
      className={className ? `vw-card ${className}` : 'vw-card'}
      aria-labelledby={id}
    >
      <div className="vw-save-head">
        <h2 id={id} className="vw-title">
          {title}
        </h2>
        <SaveButtons title={title} card={card} />
      </div>
      <p className="vw-explain">{explanation}</p>
      {empty ? <EmptyState /> : children}
    </section>
  );
}
