/*
 * Start-up: translations, the device database (opened once, here, and only once), persistent storage,
 * the service worker, then the shell. The database module (RxDB) is imported dynamically so the shell
 * paints before RxDB is even parsed; screens that need data wait for it behind DatabaseGate.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createI18n } from './i18n/i18n.ts';
import { App } from './app/app.tsx';
import { registerServiceWorker } from './app/sw-registration.ts';
import { requestPersistentStorage } from './data/storage-health.ts';
import './app/app.css';

const i18n = createI18n();

const databaseOpening = import('./data/database.ts').then(({ createPosDatabase, defaultDatabaseName }) =>
  createPosDatabase({ name: defaultDatabaseName }),
);
databaseOpening.catch((error: unknown) => {
  // Logged once with context for a developer; DatabaseGate tells the cashier what to do.
  console.error('Opening the device database failed', error);
});

requestPersistentStorage().catch((error: unknown) => {
  // Settings shows whether persistence was granted; here a developer only needs to know the call failed.
  console.warn('Asking for persistent storage failed', error);
});

registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App i18n={i18n} databaseOpening={databaseOpening} />
  </StrictMode>,
);
