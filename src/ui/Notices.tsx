// Messages above the work area: ignored link values (dismissible) and a stopped simulation (with a way back).
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
