// Contains a failure to one part of the page: the part shows what went wrong and a "Try again"
// button instead of taking the whole page down.
import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  /** Names the part in the message, e.g. the view's title. */
  name: string;
  /** When this changes (e.g. a new run starts), a shown failure is cleared and the part is drawn again. */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Keep the details for whoever opens the console; the page shows a short message.
    console.warn(`"${this.props.name}" failed to render:`, error, info.componentStack);
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.error && !Object.is(previous.resetKey, this.props.resetKey)) this.setState({ error: null });
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="boundary-error" role="alert">
        <p className="boundary-title">“{this.props.name}” could not be drawn.</p>
        <p className="boundary-message">{error.message || 'Unknown error'}</p>
        <p className="boundary-sub">The rest of the page keeps working.</p>
        <button type="button" className="btn" onClick={this.retry}>
          Try again
        </button>
      </div>
    );
  }
}
