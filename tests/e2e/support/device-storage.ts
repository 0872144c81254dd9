/*
 * What a test reads and writes on the tablet itself: the device identity in the sync database
 * (src/sync: IndexedDB `store-pos-sync`, table `device`), and audit entries written through the app's
 * own database via the opt-in test hooks (src/app/test-hooks.ts, switched on by `pos.e2eHooks`).
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface DeviceIdentity {
  storeId: string;
  deviceId: string;
  token: string;
}

export async function enableTestHooks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => localStorage.setItem('pos.e2eHooks', 'on'));
}

export async function readDeviceIdentity(page: Page): Promise<DeviceIdentity> {
  return page.evaluate(
    () =>
      new Promise<DeviceIdentity>((resolve, reject) => {
        const open = indexedDB.open('store-pos-sync');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('device').objectStore('device').get('this-device');
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            open.result.close();
            resolve(read.result as DeviceIdentity);
          };
        };
      }),
  );
}

/** Writes audit entries on the device, as the app does for a drawer opening. Returns their ids. */
export async function writeAuditEntries(page: Page, count: number, action = 'drawer.open'): Promise<string[]> {
  const identity = await readDeviceIdentity(page);
  return page.evaluate(
    async ({ count, action, storeId, deviceId }) => {
      type Hooks = { databaseOpening: Promise<{ audit: { bulkInsert: (documents: object[]) => Promise<{ error: unknown[] }> } }> };
      const hooks = (window as unknown as { __posTestHooks?: Hooks }).__posTestHooks;
      if (!hooks) throw new Error('test hooks are off: call enableTestHooks(context) before opening the page');
      const database = await hooks.databaseOpening;
      const documents = Array.from({ length: count }, () => ({
        id: crypto.randomUUID(),
        storeId,
        deviceId,
        action,
        staffId: 'staff-e2e',
        createdAt: new Date().toISOString(),
      }));
      const result = await database.audit.bulkInsert(documents);
      if (result.error.length > 0) throw new Error(`audit insert failed: ${JSON.stringify(result.error[0])}`);
      return documents.map((document) => document.id);
    },
    { count, action, storeId: identity.storeId, deviceId: identity.deviceId },
  );
}
