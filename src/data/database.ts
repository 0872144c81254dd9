/*
 * The device database: RxDB on IndexedDB (free Dexie storage), one collection per JSON schema in
 * src/data/schemas, except the catalog. This is where sales, shifts and the audit trail are written before
 * anything is printed or sent, so it must open reliably and never silently lose data (see storage-health.ts
 * for eviction). RxDB replicates these seven collections with the sync server (src/sync/).
 *
 * The catalog (products and balances) is NOT here: it is huge, written only by the server and read on every
 * scan, so it lives in a plain Dexie database filled by a lean pull (src/catalog/catalog-database.ts).
 * Its JSON schemas stay in src/data/schemas because the server validates with them.
 *
 * Created once at start-up (src/main.tsx) and handed to React through DatabaseProvider. Tests create their
 * own with a unique name and must close it: RxDB's free edition refuses more than 13 open collections.
 */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { collectionSchemas, deviceCollectionNames, type DeviceCollectionName } from './schemas/index.ts';
import type { CollectionDocuments } from './schemas/types.ts';
import { migrationStrategies, needsMigrationPlugin } from './migrations.ts';

export { deviceCollectionNames, type DeviceCollectionName };

export type PosCollections = { [Name in DeviceCollectionName]: RxCollection<CollectionDocuments[Name]> };
export type PosDatabase = RxDatabase<PosCollections>;

export const defaultDatabaseName = 'store-pos';

export interface CreatePosDatabaseOptions {
  /** IndexedDB name prefix; tests pass a unique one. */
  name: string;
  /** Dev-mode checks and schema validation on writes. Only honoured in development and test builds. */
  devMode?: boolean;
}

// Vite replaces these with constants, so in a production build the dev branch and its import disappear.
const isDevOrTestBuild = import.meta.env.DEV || import.meta.env.MODE === 'test';

async function chooseStorage(devMode: boolean): Promise<RxStorage<unknown, unknown>> {
  const storage = getRxStorageDexie() as RxStorage<unknown, unknown>;
  if (isDevOrTestBuild && devMode) {
    const { withDevChecks } = await import('./dev-checks.ts');
    return withDevChecks(storage);
  }
  return storage;
}

export async function createPosDatabase({ name, devMode = isDevOrTestBuild }: CreatePosDatabaseOptions): Promise<PosDatabase> {
  const storage = await chooseStorage(devMode);
  if (needsMigrationPlugin()) {
    const { RxDBMigrationSchemaPlugin } = await import('rxdb/plugins/migration-schema');
    addRxPlugin(RxDBMigrationSchemaPlugin);
  }
  const database = await createRxDatabase<PosCollections>({
    name,
    storage,
    // Two tabs of the POS on one device must see each other's writes (and, later, elect one sync leader).
    multiInstance: true,
    eventReduce: true,
    // In development, hot reload re-runs start-up: close the stale instance instead of failing with DB9.
    // In production a second instance would be a bug, and failing loudly is what we want.
    closeDuplicates: import.meta.env.DEV,
  });
  try {
    const creators = Object.fromEntries(
      deviceCollectionNames.map((collection) => [
        collection,
        {
          // The JSON schema files are the source of the document types (types.ts is generated from them and a
          // unit test fails when it is stale); a JSON import types "type": "object" as a plain string, so the
          // file is named as the RxDB schema of its document here, where it meets RxDB (which checks it).
          schema: collectionSchemas[collection] as RxJsonSchema<CollectionDocuments[typeof collection]>,
          migrationStrategies: migrationStrategies[collection],
        },
      ]),
    );
    await database.addCollections(creators);
  } catch (error) {
    // A half-open database would hold IndexedDB connections and block the next attempt.
    await database.close();
    throw error;
  }
  return database;
}
