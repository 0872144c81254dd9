/*
 * SQLite's write-ahead log is copied back into the database file by the checkpoint worker, not by the
 * commits: after a push-sized write the main file grows within a moment although the committing
 * connection's own threshold (64 MB) was never reached, and closing the store stops the worker.
 */
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../sync-server/src/config.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import type { Store } from '../../sync-server/src/store/open-store.ts';
import { insertStoreRecord } from '../../sync-server/src/store/stores-repository.ts';
import { openTestStore } from './helpers/test-databases.test-helper.ts';
import type { TestDatabase } from './helpers/test-databases.test-helper.ts';

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe('the SQLite checkpoint worker', () => {
  let database: TestDatabase;
  let store: Store;
  let file: string;

  beforeAll(async () => {
    ({ database, store } = await openTestStore('sqlite', 'checkpointer'));
    file = (database.config().database as Extract<DatabaseConfig, { kind: 'sqlite' }>).file;
    await insertStoreRecord(store.db, { id: 'store-q1', name: 'Quận 1', enrollmentCode: 'Q1Q1-Q1Q1-Q1Q1', createdAt: new Date().toISOString() });
  });

  afterAll(async () => {
    await store.close();
    await database.dispose();
  });

  it('copies a committed push-sized write into the database file soon after the commit', async () => {
    // Let the worker catch up with the migrations, then measure what one big write adds.
    await until(() => false, 600);
    const before = statSync(file).size;
    const documents = new DocumentsRepository(store);
    const padding = 'x'.repeat(2000);
    await documents.put(
      Array.from({ length: 3000 }, (_, i) => ({ collection: 'sales' as const, id: `sale-${i}`, storeId: 'store-q1', body: { id: `sale-${i}`, padding } })),
    );
    const grown = await until(() => statSync(file).size - before > 4_000_000, 5000);
    expect(statSync(file).size - before).toBeGreaterThan(4_000_000);
    expect(grown).toBe(true);
    expect(await documents.count({ collection: 'sales', storeId: 'store-q1' })).toBe(3000);
  });
});
