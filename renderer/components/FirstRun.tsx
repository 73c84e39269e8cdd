import { useState } from 'react';
import { describeError } from '../errors.ts';

/** Asks for the analyst's name once: it is the annotator of everything made on this machine. */
export function FirstRun({ onDone }: { onDone(name: string): Promise<void> }) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  return (
    <main className="first-run">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return setError('Enter your name: it is saved with every annotation you make.');
          // a name that cannot be saved (a full disk) is said so here, and the screen stays
          onDone(name.trim()).catch((e: unknown) => setError(describeError(e)));
        }}
      >
        <h1>Welcome to Factmark</h1>
        <p>
          Tag claims, denials and unverified statements in news articles. Your name is recorded as the annotator of every
          tag you make on this machine; you can change it later in Settings.
        </p>
        <label className="field">
          Your name
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} autoFocus autoComplete="name" aria-describedby="name-error" />
        </label>
        <p id="name-error" role="alert" className="field-error">
          {error}
        </p>
        <button type="submit" className="primary">
          Continue
        </button>
      </form>
    </main>
  );
}
