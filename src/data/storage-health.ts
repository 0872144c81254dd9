/*
 * Persistent storage for the device database. Without it the browser may evict IndexedDB when the device
 * runs low on space, and unsynced sales would be lost: other web POSes lost sales exactly this way.
 * At start-up we ask once; Settings shows the result and lets a manager ask again (Chromium grants it to
 * installed apps and to sites the user engages with).
 */
export interface StorageHealth {
  /** null when the browser does not report it. */
  usageBytes: number | null;
  quotaBytes: number | null;
  persisted: boolean;
  /** false when the browser has no StorageManager.persist at all. */
  persistenceSupported: boolean;
}

function storageManager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

/** Asks the browser to keep this origin's data; resolves to whether it now will. */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = storageManager();
  if (!storage?.persist) return false;
  if (storage.persisted && (await storage.persisted())) return true;
  return storage.persist();
}

export async function readStorageHealth(): Promise<StorageHealth> {
  const storage = storageManager();
  const estimate = storage?.estimate ? await storage.estimate() : undefined;
  const persisted = storage?.persisted ? await storage.persisted() : false;
  return {
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
    persisted,
    persistenceSupported: typeof storage?.persist === 'function',
  };
}
