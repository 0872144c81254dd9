/*
 * The app's one handle on sync: loads the device identity from the sync database at start-up, starts the
 * sync engine once the device database is open (only if the device is enrolled and not revoked), and takes
 * a new enrolment from the enrolment screen. The engine (RxDB replication and all) is loaded with a dynamic
 * import, so a tablet that is not enrolled never parses it and the shell paints first.
 */
import type { CatalogDatabase } from '../catalog/catalog-database.ts';
import { clearCatalog } from '../catalog/catalog-writer.ts';
import type { PosDatabase } from '../data/database.ts';
import { loadDeviceIdentity, saveDeviceIdentity } from './enrolment.ts';
import type { DeviceIdentity, SyncDatabase } from './sync-database.ts';
import type { SyncEngine } from './sync-engine.ts';
import { useSyncStatusStore } from './sync-status-store.ts';

export interface SyncController {
  /** Reads the stored enrolment and starts syncing if there is a valid one. Call once at start-up. */
  start: () => Promise<void>;
  /** Stores a fresh enrolment and (re)starts sync with it. */
  completeEnrolment: (identity: DeviceIdentity) => Promise<void>;
  stop: () => Promise<void>;
}

export interface SyncControllerOptions {
  databaseOpening: Promise<PosDatabase>;
  catalog: CatalogDatabase;
  syncDatabase: SyncDatabase;
}

export function createSyncController({ databaseOpening, catalog, syncDatabase }: SyncControllerOptions): SyncController {
  const status = useSyncStatusStore.getState();
  let engine: SyncEngine | undefined;
  let starting: Promise<void> = Promise.resolve();

  async function run(identity: DeviceIdentity | undefined): Promise<void> {
    await engine?.stop();
    engine = undefined;
    status.setEnrolment(identity);
    if (!identity) {
      status.setPhase('not-enrolled');
      return;
    }
    if (identity.revokedAt) {
      status.setPhase('revoked');
      status.reportProblem('revoked', undefined, new Date(identity.revokedAt));
      return;
    }
    const [database, { startSync }] = await Promise.all([databaseOpening, import('./sync-engine.ts')]);
    engine = startSync({ database, catalog, syncDatabase, identity });
  }

  function serialise(task: () => Promise<void>): Promise<void> {
    starting = starting.then(task, task);
    return starting;
  }

  return {
    start: () =>
      serialise(async () => {
        try {
          await run(await loadDeviceIdentity(syncDatabase));
        } catch (error) {
          status.reportProblem('storage');
          throw error;
        }
      }),
    completeEnrolment: (identity) =>
      serialise(async () => {
        const previous = await loadDeviceIdentity(syncDatabase);
        // Balances belong to a store and products to a server: another store or server starts a fresh catalog.
        if (previous && (previous.storeId !== identity.storeId || previous.serverUrl !== identity.serverUrl)) {
          await clearCatalog(catalog);
        }
        await saveDeviceIdentity(syncDatabase, identity);
        status.reset();
        await run(identity);
      }),
    stop: () =>
      serialise(async () => {
        await engine?.stop();
        engine = undefined;
      }),
  };
}
