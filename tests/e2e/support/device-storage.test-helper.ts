/*
 * What a test reads (and, for a bench, writes) on the tablet itself, straight from IndexedDB in the page,
 * with no help from the app's code (nothing test-only ships in the bundle):
 *  - the device identity in the sync database (src/sync: IndexedDB `store-pos-sync`, table `device`);
 *  - the catalog's name-word index state (plain Dexie: IndexedDB `store-pos-catalog`, table `indexState`);
 *  - the app's RxDB collections. RxDB's Dexie storage keeps each collection in its own IndexedDB database
 *    named `rxdb-dexie-<database>--<schema version>--<collection>` (node_modules/rxdb/.../dexie-helper.js),
 *    with the documents in the object store `docs`. Indexed booleans are stored as '1'/'0' (IndexedDB cannot
 *    index booleans); the only one our schemas index is RxDB's own `_deleted`.
 * Reads open the database without a version, so they never upgrade or block the app's own connection.
 */
import type { Page } from 'playwright-core';

export interface DeviceIdentity {
  storeId: string;
  deviceId: string;
  token: string;
}

/** The app's RxDB database name (src/main.tsx). */
const APP_DATABASE = 'store-pos';

export type DeviceCollection = 'audit' | 'sales' | 'ledger' | 'shifts' | 'customers' | 'orders' | 'config' | 'balances' | 'products';

/** One record of an IndexedDB object store, read in the page (undefined when the database, store or key is absent). */
async function readRecord<T>(page: Page, database: string, store: string, key: string): Promise<T | undefined> {
  return page.evaluate(
    ({ database, store, key }) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const connection = open.result;
          if (!connection.objectStoreNames.contains(store)) {
            connection.close();
            resolve(undefined);
            return;
          }
          const read = connection.transaction(store, 'readonly').objectStore(store).get(key);
          read.onerror = () => {
            connection.close();
            reject(read.error);
          };
          read.onsuccess = () => {
            connection.close();
            resolve(read.result);
          };
        };
      }),
    { database, store, key },
  ) as Promise<T | undefined>;
}

export async function readDeviceIdentity(page: Page): Promise<DeviceIdentity> {
  const identity = await readRecord<DeviceIdentity>(page, 'store-pos-sync', 'device', 'this-device');
  if (identity === undefined) throw new Error('This tablet is not enrolled: no device identity in store-pos-sync');
  return identity;
}

/**
 * Every live (not deleted) document of one collection as the device holds it, without RxDB's own fields
 * (`_meta`, `_rev`, `_attachments`, `_deleted`). Read-only; works while the app is running in the page.
 */
export async function readDeviceDocuments<T = Record<string, unknown>>(page: Page, collection: DeviceCollection): Promise<T[]> {
  return page.evaluate(
    async ({ database, collection }) => {
      const pattern = new RegExp(`^rxdb-dexie-${database}--(\\d+)--${collection}$`);
      const names = (await indexedDB.databases())
        .map((info) => info.name ?? '')
        .filter((name) => pattern.test(name))
        .sort((a, b) => Number(pattern.exec(b)?.[1]) - Number(pattern.exec(a)?.[1]));
      const name = names[0];
      if (name === undefined) return [];
      const connection = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        if (!connection.objectStoreNames.contains('docs')) return [];
        const rows = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
          const read = connection.transaction('docs', 'readonly').objectStore('docs').getAll();
          read.onsuccess = () => resolve(read.result as Array<Record<string, unknown>>);
          read.onerror = () => reject(read.error);
        });
        return rows
          .filter((row) => row['_deleted'] !== '1' && row['_deleted'] !== true)
          .map((row) => {
            const document = { ...row };
            for (const key of ['_meta', '_rev', '_attachments', '_deleted']) delete document[key];
            return document;
          });
      } finally {
        connection.close();
      }
    },
    { database: APP_DATABASE, collection },
  ) as Promise<T[]>;
}

/** The app's catalog database (plain Dexie, src/catalog/catalog-database.ts). */
const CATALOG_DATABASE = `${APP_DATABASE}-catalog`;

/**
 * Waits until the catalog's background name-word index is built (its `indexState` row says done), the last
 * thing a new tablet does after its first sync; a bench waits for it so it measures a settled tablet.
 */
export async function waitForNameIndexBuilt(page: Page, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await readRecord<{ done?: boolean }>(page, CATALOG_DATABASE, 'indexState', 'nameWords'))?.done !== true) {
    if (Date.now() > deadline) throw new Error(`The catalog's name index was not built within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Waits until the device holds at least `count` audit entries (optionally of one action); answers them all. */
export async function waitForAuditEntries(page: Page, count: number, action?: string, timeoutMs = 20_000): Promise<Array<{ id: string; action: string; staffId: string; approverId?: string }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entries = (await readDeviceDocuments<{ id: string; action: string; staffId: string; approverId?: string }>(page, 'audit')).filter(
      (entry) => action === undefined || entry.action === action,
    );
    if (entries.length >= count) return entries;
    if (Date.now() > deadline) throw new Error(`The device holds ${entries.length} audit entries${action ? ` of ${action}` : ''}, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs a till action, then answers the ids of the `count` audit entries it left on the device. */
export async function auditEntriesWrittenBy(page: Page, count: number, action: () => Promise<void>): Promise<string[]> {
  const before = new Set((await readDeviceDocuments<{ id: string }>(page, 'audit')).map((entry) => entry.id));
  await action();
  const after = await waitForAuditEntries(page, before.size + count);
  return after.map((entry) => entry.id).filter((id) => !before.has(id));
}

/**
 * For benches only: writes documents into a collection's IndexedDB the way RxDB's Dexie storage stores them,
 * as if the app had written them a moment ago, so the next start of the app finds them unsynced and pushes
 * them. The app must not be running on this origin while this writes (navigate its page away first, e.g. to
 * `/api/v1/health`), or its in-memory state would not know the documents. The collection's database must
 * exist already (the app has started once).
 */
export async function writeDeviceDocuments(page: Page, collection: DeviceCollection, documents: readonly object[]): Promise<void> {
  await page.evaluate(
    async ({ database, collection, documents }) => {
      const pattern = new RegExp(`^rxdb-dexie-${database}--(\\d+)--${collection}$`);
      const name = (await indexedDB.databases())
        .map((info) => info.name ?? '')
        .filter((each) => pattern.test(each))
        .sort((a, b) => Number(pattern.exec(b)?.[1]) - Number(pattern.exec(a)?.[1]))[0];
      if (name === undefined) throw new Error(`No IndexedDB for the ${collection} collection: start the app once first`);
      const connection = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        const write = connection.transaction('docs', 'readwrite');
        const store = write.objectStore('docs');
        const startedAt = Date.now();
        documents.forEach((document, index) => {
          // RxDB orders unsynced writes by `_meta.lwt`; a fraction per document keeps them strictly increasing.
          store.put({ ...document, _deleted: '0', _attachments: {}, _rev: '1-benchwriter', _meta: { lwt: startedAt + index / 100 } });
        });
        await new Promise<void>((resolve, reject) => {
          write.oncomplete = () => resolve();
          write.onerror = () => reject(write.error);
        });
      } finally {
        connection.close();
      }
    },
    { database: APP_DATABASE, collection, documents },
  );
}
