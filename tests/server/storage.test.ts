import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import type { DocumentWrite } from '../../sync-server/src/store/documents-repository.ts';
import { latestSchemaVersion, migrateTo, migrateToLatest, readSchemaVersion } from '../../sync-server/src/store/migrations.ts';
import { openStore } from '../../sync-server/src/store/open-store.ts';
import type { Store } from '../../sync-server/src/store/open-store.ts';
import { insertStoreRecord } from '../../sync-server/src/store/stores-repository.ts';
import { createTestDatabase, DATABASE_KINDS, openTestStore } from './helpers/test-databases.test-helper.ts';
import type { TestDatabase } from './helpers/test-databases.test-helper.ts';

const product = (id: string, price: number): DocumentWrite => ({
  collection: 'products',
  id,
  storeId: null,
  body: { id, name: `Sản phẩm ${id}`, price },
});

const ledgerEntry = (id: string, delta: number) => ({
  id,
  kind: 'stock',
  storeId: 'store-q1',
  refId: 'product-1',
  delta,
  reason: 'sale',
  createdAt: '2026-11-24T15:04:05.123+07:00',
});

describe.each(DATABASE_KINDS)('the server database on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  let documents: DocumentsRepository;

  beforeAll(async () => {
    ({ database, store } = await openTestStore(kind, 'storage'));
    documents = new DocumentsRepository(store);
    await insertStoreRecord(store.db, { id: 'store-q1', name: 'Quận 1', enrollmentCode: 'Q1Q1-Q1Q1-Q1Q1', createdAt: new Date().toISOString() });
    await insertStoreRecord(store.db, { id: 'store-q3', name: 'Quận 3', enrollmentCode: 'Q3Q3-Q3Q3-Q3Q3', createdAt: new Date().toISOString() });
  });

  afterAll(async () => {
    await store?.close();
    await database?.dispose();
  });

  it('is migrated to the latest schema on first start, and migrating again on the next start changes nothing', async () => {
    expect(store.kind).toBe(kind);
    expect(await readSchemaVersion(store.db)).toBe(latestSchemaVersion);
    const tablesBefore = (await store.db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => `${t.name}:${t.columns.length}`).sort();
    expect(await migrateToLatest(store)).toEqual([]);
    const tablesAfter = (await store.db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => `${t.name}:${t.columns.length}`).sort();
    expect(tablesAfter).toEqual(tablesBefore);
    expect(tablesAfter.map((t) => t.split(':')[0])).toEqual(
      expect.arrayContaining(['meta', 'stores', 'devices', 'documents', 'sequence_counter', 'kysely_migration']),
    );
    expect(await readSchemaVersion(store.db)).toBe(latestSchemaVersion);
  });

  it('stamps a batch of documents with consecutive checkpoints, and a device pulling after a checkpoint gets only what changed since', async () => {
    const first = await documents.put([product('milk', 8000), product('rice', 25000), product('coffee', 45000)]);
    expect(first.count).toBe(3);
    expect(first.lastSeq - first.firstSeq).toBe(2);

    const priceChange = await documents.put([product('rice', 26000)]);
    expect(priceChange.firstSeq).toBe(first.lastSeq + 1);

    const changed = await documents.readAfter({ collection: 'products', storeId: null, afterSeq: first.lastSeq, limit: 100 });
    expect(changed.map((d) => [d.id, d.body['price'], d.seq])).toEqual([['rice', 26000, priceChange.lastSeq]]);
    const everything = await documents.readAfter({ collection: 'products', storeId: null, afterSeq: 0, limit: 100 });
    expect(everything.map((d) => d.id)).toEqual(['milk', 'coffee', 'rice']);
    expect(await documents.count({ collection: 'products', storeId: null })).toBe(3);
    expect(await documents.lastSeq()).toBe(priceChange.lastSeq);
  });

  it('keeps each store to its own documents, beside the chain-wide catalog', async () => {
    await documents.put([
      { collection: 'customers', id: 'c-lan', storeId: 'store-q1', body: { name: 'Nguyễn Thị Lan' } },
      { collection: 'customers', id: 'c-hung', storeId: 'store-q3', body: { name: 'Trần Văn Hùng' } },
    ]);
    const q1 = await documents.readAfter({ collection: 'customers', storeId: 'store-q1', afterSeq: 0, limit: 10 });
    expect(q1.map((d) => d.body['name'])).toEqual(['Nguyễn Thị Lan']);
    expect(await documents.count({ collection: 'customers', storeId: 'store-q3' })).toBe(1);
    expect(await documents.count({ collection: 'customers' })).toBe(2);
  });

  it('records a deletion as a new version with the deleted flag, so devices pull the tombstone', async () => {
    const { lastSeq } = await documents.put([{ ...product('coffee', 45000), deleted: true }]);
    const coffee = await documents.get('products', 'coffee');
    expect(coffee).toMatchObject({ deleted: true, seq: lastSeq, storeId: null });
    expect(await documents.count({ collection: 'products', storeId: null })).toBe(2);
    expect(await documents.count({ collection: 'products', storeId: null, includeDeleted: true })).toBe(3);
  });

  it('hands out distinct, strictly increasing checkpoints to batches written at the same time', async () => {
    const before = await documents.lastSeq();
    const batches = Array.from({ length: 8 }, (_, b) =>
      Array.from({ length: 25 }, (_, i): DocumentWrite => {
        // Ledger entries (their own table) and audit entries (documents) share the one counter.
        const id = `entry-${b}-${i}`;
        return i % 2 === 0
          ? { collection: 'ledger', id, storeId: 'store-q1', body: ledgerEntry(id, -1000) }
          : { collection: 'audit', id, storeId: 'store-q1', body: { id, storeId: 'store-q1', action: 'drawer.open' } };
      }),
    );
    const ranges = await Promise.all(batches.map((batch) => documents.put(batch)));
    const seqs = ranges.flatMap((r) => Array.from({ length: r.count }, (_, i) => r.firstSeq + i)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => before + 1 + i));
    const ledger = await documents.readAfter({ collection: 'ledger', storeId: 'store-q1', afterSeq: before, limit: 1000 });
    const audit = await documents.readAfter({ collection: 'audit', storeId: 'store-q1', afterSeq: before, limit: 1000 });
    expect(ledger).toHaveLength(104);
    expect([...ledger, ...audit].map((d) => d.seq).sort((a, b) => a - b)).toEqual(seqs);
    expect(ledger.map((d) => d.seq)).toEqual([...ledger.map((d) => d.seq)].sort((a, b) => a - b));
  });

  it('keeps ledger entries field for field, optional fields absent, and refuses the same entry twice', async () => {
    const full = { ...ledgerEntry('entry-full', 4_500_000), deviceId: 'device-7', sourceId: 'sale-1' };
    const bare = ledgerEntry('entry-bare', -1);
    await documents.put([
      { collection: 'ledger', id: full.id, storeId: 'store-q1', body: full },
      { collection: 'ledger', id: bare.id, storeId: 'store-q1', body: bare },
    ]);
    expect((await documents.get('ledger', full.id))?.body).toEqual(full);
    expect((await documents.get('ledger', bare.id))?.body).toStrictEqual(bare);
    expect(await documents.get('ledger', 'entry-missing')).toBeUndefined();
    await expect(documents.put([{ collection: 'ledger', id: bare.id, storeId: 'store-q1', body: bare }])).rejects.toThrow();
    expect((await documents.get('ledger', bare.id))?.body).toStrictEqual(bare);
  });

  it('gives the checkpoints of a failed batch back, so a rolled-back write leaves no trace', async () => {
    const before = await documents.lastSeq();
    await expect(
      store.db.transaction().execute(async (trx) => {
        await documents.putInTransaction(trx, [product('tea', 30000)]);
        throw new Error('the device went away mid-push');
      }),
    ).rejects.toThrow('mid-push');
    expect(await documents.lastSeq()).toBe(before);
    expect(await documents.get('products', 'tea')).toBeUndefined();
  });

  it('keeps the last version when a batch names the same document twice', async () => {
    await documents.put([product('sugar', 20000), product('sugar', 21000)]);
    expect((await documents.get('products', 'sugar'))?.body['price']).toBe(21000);
  });

  it('stores Vietnamese text and large integers exactly', async () => {
    const body = { id: 'nuoc-mam', name: 'Nước mắm Phú Quốc 584 — đặc biệt', price: 999_999_999_999 };
    await documents.put([{ collection: 'products', id: 'nuoc-mam', storeId: null, body }]);
    expect((await documents.get('products', 'nuoc-mam'))?.body).toEqual(body);
  });

  it('moves the ledger entries and balances an older version kept as documents into their own tables, unchanged, seq kept', async () => {
    const older = await createTestDatabase(kind, 'ledger-move');
    const oldStore = await openStore(older.config());
    try {
      await migrateTo(oldStore, '0006_rate_limit_failures');
      await insertStoreRecord(oldStore.db, { id: 'store-q1', name: 'Quận 1', enrollmentCode: 'Q1Q1-Q1Q1-Q1Q1', createdAt: new Date().toISOString() });
      const entries = [
        { ...ledgerEntry('old-1', -2500), deviceId: 'device-1', sourceId: 'sale-9' },
        ledgerEntry('old-2', 300),
      ];
      const balance = { id: 'stock:store-q1:product-1', kind: 'stock', storeId: 'store-q1', refId: 'product-1', value: -12_500, updatedAt: '2026-11-24T08:00:00.000Z' };
      const row = (collection: string, seq: number, body: { id: string }) => ({
        collection, id: body.id, store_id: 'store-q1', seq, deleted: kind === 'postgres' ? false : 0, body: JSON.stringify(body), updated_at: new Date().toISOString(),
      });
      await oldStore.db
        .insertInto('documents')
        .values([row('ledger', 10, entries[0]!), row('ledger', 11, entries[1]!), row('audit', 12, { id: 'audit-1' }), row('balances', 13, balance)])
        .execute();
      // Later migrations follow; what they add is their own tests' business.
      expect((await migrateToLatest(oldStore)).slice(0, 4)).toEqual(['0007_ledger_and_balance_tables', '0008_staff_credentials', '0009_online_orders_outbox_bank_notices', '0010_documents_by_time']);
      const moved = new DocumentsRepository(oldStore);
      const pulled = await moved.readAfter({ collection: 'ledger', storeId: 'store-q1', afterSeq: 0, limit: 10 });
      expect(pulled.map((d) => [d.seq, d.body])).toEqual([[10, entries[0]], [11, entries[1]]]);
      expect((await moved.get('balances', balance.id))?.body).toStrictEqual(balance);
      expect((await moved.get('balances', balance.id))?.seq).toBe(13);
      expect(await moved.count({ collection: 'audit', storeId: 'store-q1' })).toBe(1);
      const leftInDocuments = await oldStore.db.selectFrom('documents').select('id').where('collection', 'in', ['ledger', 'balances']).execute();
      expect(leftInDocuments).toEqual([]);
    } finally {
      await oldStore.close();
      await older.dispose();
    }
  });
});
