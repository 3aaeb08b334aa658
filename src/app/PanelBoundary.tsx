/**
 * Keeps an unexpected error in one panel (or the canvas) from blanking the page: the panel shows what
 * happened and a way to try again, while the map, which lives in the store, is untouched and still saved.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the panel is, for the message: "The inspector", "The canvas". */
  name: string;
  children: ReactNode;
  className?: string;
}

interface State {
  error: Error | null;
}

export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.name} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className={`jd-panel-error ${this.props.className ?? ''}`} role="alert">
        <p>
          <strong>{this.props.name} hit an unexpected problem</strong> ({error.message || error.name}). Your map is safe: it is kept and
          saved as usual.
        </p>
        <button type="button" className="jd-button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
