/*
 * Start-up: translations, the device database (opened once, here, and only once), the Dexie catalog and
 * sync databases, persistent storage, the service worker, sync (once the database is open, only on an
 * enrolled device), then the shell. The database module (RxDB) and the sync engine are imported dynamically
 * so the shell paints before RxDB is even parsed; screens that need data wait for it behind DatabaseGate.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createI18n } from './i18n/i18n.ts';
import { App } from './app/app.tsx';
import { registerServiceWorker } from './app/sw-registration.ts';
import { requestPersistentStorage } from './data/storage-health.ts';
import { catalogDatabaseName, openCatalogDatabase } from './catalog/catalog-database.ts';
import { openSyncDatabase, syncDatabaseName } from './sync/sync-database.ts';
import { createSyncController } from './sync/sync-controller.ts';
import { followThemePreference } from './ui/theme-preference.ts';

const i18n = createI18n();
// Light or dark as chosen on this device, before the first paint (the styles come with the shell).
followThemePreference();

// The IndexedDB name of the device database; the catalog and sync databases are named after it.
// (Not data/database.ts's defaultDatabaseName: importing it would pull RxDB into the first chunk.)
const DEVICE_DATABASE_NAME = 'store-pos';

const databaseOpening = import('./data/database.ts').then(async ({ createPosDatabase }) => {
  const database = await createPosDatabase({ name: DEVICE_DATABASE_NAME });
  // Every permission-bound sale or audit entry is signed by the PIN that approved it (session/approval-keys.ts).
  const { signApprovalsOnInsert } = await import('./session/approval-keys.ts');
  signApprovalsOnInsert(database);
  return database;
});
databaseOpening.catch((error: unknown) => {
  // Logged once with context for a developer; DatabaseGate tells the cashier what to do.
  console.error('Opening the device database failed', error);
});

const catalog = openCatalogDatabase(catalogDatabaseName(DEVICE_DATABASE_NAME));
const syncDatabase = openSyncDatabase(syncDatabaseName(DEVICE_DATABASE_NAME));
const syncController = createSyncController({ databaseOpening, catalog, syncDatabase });
syncController.start().catch((error: unknown) => {
  // The sync status shows the problem; a developer needs the cause.
  console.error('Starting sync failed', error);
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
    <App i18n={i18n} databaseOpening={databaseOpening} catalog={catalog} syncDatabase={syncDatabase} syncController={syncController} />
  </StrictMode>,
);
