// The first minute: what the page shows and what to do, in a few sentences. Collapsible.
export function Intro() {
  return (
    <details className="intro" open>
      <summary className="intro-summary">What am I looking at?</summary>
      <div className="intro-body">
        <p>
          Listeners click what the recommender shows them, and the recommender learns only from those clicks, so what it
          shows today is what it believes in tomorrow. Press <strong>Play</strong> and watch plays pile up on a few songs;
          then switch the recommender or add exploration mid-run and see whether the loop lets go.
        </p>
      </div>
    </details>
  );
}
