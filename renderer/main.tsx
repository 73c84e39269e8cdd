import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { LibraryUnavailable } from './components/LibraryUnavailable.tsx';
import { FactmarkDatabase } from './db/database.ts';
import { Repository } from './db/repository.ts';
import { describeError } from './errors.ts';
import { setLabels } from './labels/labelStore.ts';
import { readStartup } from './startup.ts';

const repo = new Repository(new FactmarkDatabase());
const root = createRoot(document.getElementById('root')!);
root.render(<p className="loading">Opening your library…</p>);
// what the first screen shows is read from the start, side by side; the app renders once with all of it
readStartup(repo).then(
  (startup) => {
    if (startup.labels) setLabels(startup.labels);
    root.render(
      <StrictMode>
        <App repo={repo} startup={startup} />
      </StrictMode>,
    );
  },
  (error: unknown) => root.render(<LibraryUnavailable reason={describeError(error)} />),
);
