// Messages above the work area: ignored link values (dismissible) and a stopped simulation (with a way back).
import { RUN_REFUSED } from '../worker/protocol';
import { useActions, useAppStore } from './storeContext';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className="notice" role="status">
          <p>{notice.text}</p>
          <button type="button" className="btn btn-quiet" onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}

export function ErrorBanner() {
  const error = useAppStore((s) => s.error);
  const { restartWorker } = useActions();
  if (!error) return null;
  // A run the worker refused to start (too big for the browser) is not a crash: restarting it
  // would be refused again, so the banner says what to do instead.
  if (error.startsWith(RUN_REFUSED))
    return (
      <div className="error-banner" role="alert">
        <div>
          <p className="error-title">This run is too big for the browser.</p>
          <p className="error-message">{error}</p>
          <p className="error-sub">Lower the values it names in the panel, then apply the restart; the CLI can run larger worlds.</p>
        </div>
      </div>
    );
  return (
    <div className="error-banner" role="alert">
      <div>
        <p className="error-title">The simulation stopped.</p>
        <p className="error-message">{error}</p>
        <p className="error-sub">Your parameters are kept; restarting runs them again from step 0.</p>
      </div>
      <button type="button" className="btn btn-primary" onClick={restartWorker}>
        Restart simulation
      </button>
    </div>
  );
}
