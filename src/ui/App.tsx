// The app shell: header, a first-minute explanation, the transport, the parameter panel and the views.
import { ControlPanel } from './ControlPanel';
import { Header } from './Header';
import { Intro } from './Intro';
import { KeyNumbers, RunData } from './KeyNumbers';
import { ErrorBanner, Notices } from './Notices';
import { useAppStore } from './storeContext';
import { Transport } from './Transport';
import { ViewGrid } from './ViewGrid';

export function App() {
  const controlsHidden = useAppStore((s) => s.controlsHidden);
  return (
    <div className={`app${controlsHidden ? ' controls-hidden' : ''}`}>
      <Header />
      <Notices />
      <ErrorBanner />
      <Transport />
      <div className="workspace">
        {!controlsHidden && <ControlPanel />}
        <main className="main" id="main">
          <Intro />
          <KeyNumbers />
          <ViewGrid />
          <RunData />
        </main>
      </div>
    </div>
  );
}
