// The shared frame of every view: a title that says what to look for, a short explanation, the chart or a placeholder.
import { useId, type ReactNode } from 'react';

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

/** A card holding one view: h2 title, explanation, then the content (or the empty state). */
export function ViewCard({
  title,
  explanation,
  empty = false,
  className,
  children,
}: ViewCardProps) {
  const id = useId();
  return (
    <section className={className ? `vw-card ${className}` : 'vw-card'} aria-labelledby={id}>
      <h2 id={id} className="vw-title">
        {title}
      </h2>
      <p className="vw-explain">{explanation}</p>
      {empty ? <EmptyState /> : children}
    </section>
  );
}
