// A chain that set up its stores with the admin command before stock existed upgrades the server: its
// managers can now receive, adjust, transfer and count stock in the back office, and the tablets pull the
// new permission table as a config delta. A store that gave stock to another role keeps its choice; the
// products stored before the upgrade are found by the back office's search. On SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addManager } from '../../sync-server/src/admin/add-manager.ts';
import { createStore } from '../../sync-server/src/admin/store-admin.ts';
import { findProducts } from '../../sync-server/src/backoffice/product-edits.ts';
import { seedDemoStore } from '../../sync-server/src/seed/demo-store.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { migrateTo, migrateToLatest } from '../../sync-server/src/store/migrations.ts';
import { openStore } from '../../sync-server/src/store/open-store.ts';
import type { Store } from '../../sync-server/src/store/open-store.ts';
import { createTestDatabase, DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import type { TestDatabase } from './helpers/test-databases.test-helper.ts';

const BEFORE_0016 = '0015_dashboard_figures';

describe.each(DATABASE_KINDS)('upgrading a chain whose stores were made before stock (%s)', (kind) => {
  let database: TestDatabase;
  let store: Store;
  let documents: DocumentsRepository;

  beforeEach(async () => {
    database = await createTestDatabase(kind, 'stock-upgrade');
    store = await openStore(database.config());
    await migrateTo(store, BEFORE_0016);
    documents = new DocumentsRepository(store);
  });
  afterEach(async () => {
    await store?.close();
    await database?.dispose();
  });

  /** A store the admin command made, its permission table as it was before stock (or as `edit` leaves it). */
  async function oldStore(name: string, edit: (permissions: Record<string, string[]>) => void): Promise<string> {
    const { record } = await createStore(store, { name });
    await addManager(store, record.id, `${name} manager`, '246810');
    const config = (await documents.get('config', record.id))!;
    const permissions = structuredClone(config.body.permissions) as Record<string, string[]>;
    for (const role of ['cashier', 'supervisor', 'manager']) permissions[role] = (permissions[role] ?? []).filter((name) => name !== 'stock.manage');
    edit(permissions);
    await documents.put([{ collection: 'config', id: record.id, storeId: record.id, body: { ...config.body, permissions } }]);
    return record.id;
  }
  const rolesHolding = async (storeId: string) => {
    const permissions = (await documents.get('config', storeId))!.body.permissions as Record<string, unknown>;
    return ['cashier', 'supervisor', 'manager'].filter((role) => (permissions[role] as string[]).includes('stock.manage'));
  };

  it("the managers of an old store get stock.manage, as a config version the store's tablets pull; nothing else in the table changes", async () => {
    const storeId = await oldStore('Quận 3', () => undefined);
    const before = (await documents.get('config', storeId))!;
    expect(await rolesHolding(storeId)).toEqual([]);

    expect((await migrateToLatest(store))[0]).toBe('0016_product_terms_stock_for_managers');

    const after = (await documents.get('config', storeId))!;
    expect(await rolesHolding(storeId)).toEqual(['manager']);
    expect(after.seq).toBeGreaterThan(before.seq);
    expect(after.seq).toBe(await documents.lastSeq());
    const { permissions: was, updatedAt: _was, ...restBefore } = before.body;
    const { permissions: now, updatedAt: _now, ...restAfter } = after.body;
    expect(restAfter).toEqual(restBefore);
    expect((now as Record<string, string[]>)['manager']).toEqual([...(was as Record<string, string[]>)['manager']!, 'stock.manage']);
    expect((now as Record<string, unknown>)['cashier']).toEqual((was as Record<string, unknown>)['cashier']);
  });

  it('a store that gave stock.manage to its supervisors keeps that choice', async () => {
    const storeId = await oldStore('Thủ Đức', (permissions) => permissions['supervisor']!.push('stock.manage'));
    const seq = (await documents.get('config', storeId))!.seq;
    await migrateToLatest(store);
    expect(await rolesHolding(storeId)).toEqual(['supervisor']);
    expect((await documents.get('config', storeId))!.seq).toBe(seq);
  });

  it('products stored before the upgrade are found by SKU, barcode and name, and stay found as they change', async () => {
    await seedDemoStore(store, { products: 50, customers: 0, pickupOrders: 0 });
    await migrateToLatest(store);
    const { products } = await findProducts(store, '', 0, 50);
    const sample = products.find((p) => p.barcodes.length > 0)!;
    expect((await findProducts(store, sample.sku.toLowerCase(), 0, 10)).products.map((p) => p.id)).toContain(sample.id);
    expect((await findProducts(store, sample.barcodes[0]!, 0, 10)).products.map((p) => p.id)).toEqual([sample.id]);
    expect((await findProducts(store, sample.name, 0, 10)).products.map((p) => p.id)).toContain(sample.id);

    await documents.put([{ collection: 'products', id: sample.id, storeId: null, body: { ...sample, barcodes: ['8930000000017'] } }]);
    expect((await findProducts(store, sample.barcodes[0]!, 0, 10)).total).toBe(0);
    expect((await findProducts(store, '8930000000017', 0, 10)).products.map((p) => p.id)).toEqual([sample.id]);
    await documents.put([{ collection: 'products', id: sample.id, storeId: null, body: sample, deleted: true }]);
    expect((await findProducts(store, '8930000000017', 0, 10)).total).toBe(0);
  });
});
