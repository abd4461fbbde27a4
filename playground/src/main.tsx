import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'vikingdb-kit/components/styles.css';
import './playground.css';
import { App } from './App';
import type { BackendKind } from './connection/backend';

/** `npm run dev` serves the local server; a static build (`npm run build:playground`) runs the engine in the browser. */
const defaultBackend = ((import.meta.env['VITE_VIKINGDB_DEFAULT_BACKEND'] as string | undefined) ??
  'browser') as BackendKind;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App defaultBackend={defaultBackend} />
  </StrictMode>,
);
