// The device database on a real IndexedDB, in real Chromium (Vitest browser mode): no fakes, because
// what we must trust here is exactly what the browser's storage does.
import { afterEach, describe, expect, it } from 'vitest';
import type { RxJsonSchema } from 'rxdb';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import { createPosDatabase, type PosDatabase } from './database.ts';
import { collectionNames, collectionSchemas } from './schemas/index.ts';
import type { ProductDocument } from './schemas/types.ts';

const opened: PosDatabase[] = [];

async function openFreshDatabase(name = `pos-test-${crypto.randomUUID()}`): Promise<PosDatabase> {
  const database = await createPosDatabase({ name, devMode: true });
  opened.push(database);
  return database;
}

function product(overrides: Partial<ProductDocument> = {}): ProductDocument {
  return {
    id: crypto.randomUUID(),
    sku: 'SKU-001',
    name: 'Sữa tươi Vinamilk 1L',
    searchName: 'sua tuoi vinamilk 1l',
    barcodes: ['8934673000000'],
    price: 32_000,
    taxClassId: 'vat-8',
    unit: 'pcs',
    weighed: false,
    active: true,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

afterEach(async () => {
  // RxDB's free edition refuses more than 13 open collections: every test database is removed again.
  for (const database of opened.splice(0)) {
    await database.remove();
  }
});

describe('the device database', () => {
  it.each(collectionNames)('accepts the %s schema as RxDB dev-mode checks it (indexed strings need maxLength)', (name) => {
    expect(() => checkSchema(collectionSchemas[name] as unknown as RxJsonSchema<unknown>)).not.toThrow();
  });

  it('opens with all nine collections of the architecture', async () => {
    const database = await openFreshDatabase();
    expect(Object.keys(database.collections).sort()).toEqual([...collectionNames].sort());
    expect(collectionNames).toHaveLength(9);
  });

  it('finds a product by its SKU through the sku index', async () => {
    const database = await openFreshDatabase();
    await database.products.bulkInsert([
      product({ sku: 'SKU-001' }),
      product({ sku: 'SKU-002', name: 'Bánh mì', searchName: 'banh mi' }),
    ]);
    const query = database.products.find({ selector: { sku: 'SKU-002' } });
    expect(query.getPreparedQuery().queryPlan.index).toContain('sku');
    const found = await query.exec();
    expect(found.map((doc) => doc.name)).toEqual(['Bánh mì']);
    expect(await database.products.count().exec()).toBe(2);
  });

  it('rejects a product that breaks its schema (a negative price) in dev mode', async () => {
    const database = await openFreshDatabase();
    await expect(database.products.insert(product({ price: -1 }))).rejects.toMatchObject({ code: 'VD2' });
    expect(await database.products.count().exec()).toBe(0);
  });

  it('keeps what was written after it is closed and opened again', async () => {
    const name = `pos-test-${crypto.randomUUID()}`;
    const first = await createPosDatabase({ name, devMode: true });
    await first.products.insert(product());
    await first.close();
    expect(first.closed).toBe(true);

    const reopened = await openFreshDatabase(name);
    expect(await reopened.products.count().exec()).toBe(1);
  });
});
