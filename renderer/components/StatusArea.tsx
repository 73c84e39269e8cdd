import { useSyncExternalStore } from 'react';

export interface StatusAction {
  label: string;
  run(): void;
}

/** Shows a message in the status line (or, with kind 'error', a problem), with an optional action button beside it. */
export type Announce = (text: string, kind?: 'info' | 'error', action?: StatusAction) => void;

interface StatusState {
  /** The latest message; seq re-mounts it so a screen reader reads the same text again when it is announced twice. */
  text: string;
  seq: number;
  action?: StatusAction;
  /** A problem stays on screen until dismissed, so a later hint never hides it. */
  problem: string;
}

/**
 * The status line's state, outside React's tree: announcing a message re-renders the status area only, not the
 * workspace around the reader (which a message after every tag used to re-render, competing with the next paint).
 */
export class StatusStore {
  private state: StatusState = { text: '', seq: 0, problem: '' };
  private readonly listeners = new Set<() => void>();

  readonly announce: Announce = (text, kind = 'info', action) => {
    this.set(kind === 'error' ? { ...this.state, problem: text } : { ...this.state, text, seq: this.state.seq + 1, action });
  };

  readonly dismissProblem = (): void => this.set({ ...this.state, problem: '' });

  /** Runs the action offered beside the message, once: its button goes. */
  readonly runAction = (): void => {
    const { action, ...rest } = this.state;
    this.set(rest);
    action?.run();
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): StatusState => this.state;

  private set(state: StatusState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** The footer: a problem (role alert, until dismissed), the latest message (role status) and its action. */
export function StatusArea({ store }: { store: StatusStore }) {
  const { text, seq, action, problem } = useSyncExternalStore(store.subscribe, store.snapshot);
  return (
    <footer className="status-area">
      {problem ? (
        <div className="problem" role="alert">
          <p>{problem}</p>
          <button type="button" onClick={store.dismissProblem}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div className="status-bar" role="status" aria-live="polite">
        <span key={seq}>{text}</span>
      </div>
      {action ? (
        <button type="button" className="status-action" onClick={store.runAction}>
          {action.label}
        </button>
      ) : null}
    </footer>
  );
}
