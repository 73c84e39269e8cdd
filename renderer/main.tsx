import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { FactmarkDatabase } from './db/database.ts';
import { Repository } from './db/repository.ts';

const repo = new Repository(new FactmarkDatabase());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App repo={repo} />
  </StrictMode>,
);
