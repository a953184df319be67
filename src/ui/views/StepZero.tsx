// What a view shows before step 0 exists (while the worker builds the world): every view draws step 0
// itself once the world is ready, so this placeholder is up for a moment only.

/** The placeholder while the world is being built. */
export function WorldPending() {
  return (
    <div className="vw-empty" role="note">
      <span className="vw-empty-title">Building the world…</span>
      <span className="vw-empty-sub">
        Step 0, the catalog before any recommendation, appears here in a moment.
      </span>
    </div>
  );
}

/** A tag at the top of a view at step 0: what is drawn is the world before the first slate. */
export function StepZeroNote() {
  return (
    <p className="vw-step0" role="note">
      <span className="vw-step0-tag">Step 0</span> the world before any recommendation. Press Play
      to start the loop.
    </p>
  );
}
