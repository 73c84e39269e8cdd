import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { FactmarkDatabase } from './db/database.ts';
import { FIRST_ROWS, firstDocuments } from './db/library.ts';
import { Repository } from './db/repository.ts';

const repo = new Repository(new FactmarkDatabase());
// the library's first rows are read from the start, beside the settings the first screen waits for
const firstRows = firstDocuments(repo.db, FIRST_ROWS);
firstRows.catch(() => undefined); // the library reports problems when it reads the whole list


createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App repo={repo} firstRows={firstRows} />
  </StrictMode>,
);
