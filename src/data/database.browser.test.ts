// The device database on a real IndexedDB, in real Chromium (Vitest browser mode): no fakes, because
// what we must trust here is exactly what the browser's storage does.
import { afterEach, describe, expect, it } from 'vitest';
import type { RxJsonSchema } from 'rxdb';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import { createPosDatabase, deviceCollectionNames, type PosDatabase } from './database.ts';
import { collectionNames, collectionSchemas } from './schemas/index.ts';
import type { CustomerDocument } from './schemas/types.ts';

const opened: PosDatabase[] = [];

async function openFreshDatabase(name = `pos-test-${crypto.randomUUID()}`): Promise<PosDatabase> {
  const database = await createPosDatabase({ name, devMode: true });
  opened.push(database);
  return database;
}

function customer(overrides: Partial<CustomerDocument> = {}): CustomerDocument {
  return {
    id: crypto.randomUUID(),
    storeId: 'store-1',
    name: 'Nguyễn Thị Lan',
    searchName: 'nguyen thi lan',
    phone: '0901234567',
    createdAt: '2025-01-01T00:00:00.000Z',
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

  it('opens with the seven collections RxDB keeps; the catalog lives in its own Dexie database', async () => {
    const database = await openFreshDatabase();
    expect(Object.keys(database.collections).sort()).toEqual([...deviceCollectionNames].sort());
    expect(deviceCollectionNames).toHaveLength(8);
    expect(Object.keys(database.collections)).not.toContain('products');
    expect(Object.keys(database.collections)).not.toContain('balances');
  });

  it('finds a customer by phone through the phone index', async () => {
    const database = await openFreshDatabase();
    await database.customers.bulkInsert([customer({ phone: '0901234567' }), customer({ phone: '0987654321', name: 'Trần Văn Minh', searchName: 'tran van minh' })]);
    const query = database.customers.find({ selector: { phone: '0987654321' } });
    expect(query.getPreparedQuery().queryPlan.index).toContain('phone');
    const found = await query.exec();
    expect(found.map((doc) => doc.name)).toEqual(['Trần Văn Minh']);
    expect(await database.customers.count().exec()).toBe(2);
  });

  it('rejects a customer that breaks its schema (no phone) in dev mode', async () => {
    const database = await openFreshDatabase();
    const { phone: _phone, ...withoutPhone } = customer();
    await expect(database.customers.insert(withoutPhone as CustomerDocument)).rejects.toMatchObject({ code: 'VD2' });
    expect(await database.customers.count().exec()).toBe(0);
  });

  it('keeps what was written after it is closed and opened again', async () => {
    const name = `pos-test-${crypto.randomUUID()}`;
    const first = await createPosDatabase({ name, devMode: true });
    await first.customers.insert(customer());
    await first.close();
    expect(first.closed).toBe(true);

    const reopened = await openFreshDatabase(name);
    expect(await reopened.customers.count().exec()).toBe(1);
  });
});
