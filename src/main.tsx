import '@xyflow/react/dist/style.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bootSession } from './app/boot';

const persistence = bootSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App persistence={persistence} />
  </StrictMode>,
);

// The service worker (offline, updates) and files opened from the operating system start once the map is
// open, from a chunk of their own: none of it is in the first script.
void persistence.ready.finally(() => import('./app/pwa').then((pwa) => pwa.startInstalledApp()));

// The first number the page formats for a locale loads the browser's number-formatting data (≈ 20 ms, ≈ 50 ms
// on a busy machine). Done while idle, not in the middle of a simulation run's first progress update.
void persistence.ready.finally(() => (window.requestIdleCallback ?? setTimeout)(() => void (0).toLocaleString('en')));
