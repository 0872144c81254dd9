// A manager sets the store's quick keys in the back office (issue 13): the coffee, the bread and the bánh mì
// first on every till's product grid. A good list is a config delta the tablet pulls, read by the counter's
// own rule (effectiveQuickKeys), and wins over a list a manager kept on one tablet; a cashier, a product the
// catalog does not have, an id twice and a stale list are refused, each saying why. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveQuickKeys, MAX_QUICK_KEYS, quickKeysOf } from '../../src/domain/quick-keys.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { openBackOffice, signInCashier } from './helpers/backoffice.test-helper.ts';
import type { BackOffice } from './helpers/backoffice.test-helper.ts';
import { bearer, pull, pullAll } from './helpers/shop.test-helper.ts';

const GOODS = [
  { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa đá', price: 29_000 },
  { id: 'p-bread', sku: 'BM01', name: 'Bánh mì thịt nướng', price: 25_000 },
  { id: 'p-tea', sku: 'TD01', name: 'Trà đá', price: 5_000 },
];

describe.each(DATABASE_KINDS)("the back office sets the store's quick keys (%s)", (kind) => {
  let office: BackOffice;
  let documents: DocumentsRepository;

  beforeAll(async () => {
    office = await openBackOffice(kind, 'backoffice-quick-keys');
    documents = office.documents;
    const now = new Date().toISOString();
    await documents.put(GOODS.map((good) => ({ collection: 'products' as const, id: good.id, storeId: null, body: { ...good, taxClassId: 'vat10', weighed: false, category: 'Quầy', updatedAt: now } })));
  }, 60_000);
  afterAll(async () => office?.t.close());

  const read = async (token = office.manager) => {
    const response = await office.t.app.inject({ method: 'GET', url: '/api/v1/backoffice/quick-keys', headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    return response.json<{ productIds: string[]; updatedAt: string }>();
  };
  const save = (body: object, token = office.manager) => office.t.app.inject({ method: 'PUT', url: '/api/v1/backoffice/quick-keys', headers: bearer(token), payload: body });

  it('a list is written once, pulled by the tablet and shown by the counter over a list kept on that tablet', async () => {
    const { productIds: before, updatedAt } = await read();
    const fromSeq = await documents.lastSeq();
    const tabletOwn = { productIds: ['p-tea'], replacedConfigList: before };
    const saved = await save({ productIds: ['p-coffee', 'p-bread'], expectedUpdatedAt: updatedAt });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ productIds: ['p-coffee', 'p-bread'], changed: true });

    const configs = (await pull(office.t.app, office.till.token, 'config', { seq: fromSeq, id: '' })).documents;
    expect(configs).toHaveLength(1);
    const config = configs[0] as Record<string, unknown>;
    expect(quickKeysOf(config['quickKeys'])).toEqual(['p-coffee', 'p-bread']);
    expect(effectiveQuickKeys(config['quickKeys'], tabletOwn)).toEqual(['p-coffee', 'p-bread']);
    // The rest of the config is as it was: the staff and the receipt.
    expect(config['staff']).toHaveLength(3);

    const audit = (await pullAll(office.t.app, office.till.token, 'audit')).filter((entry) => (entry as { action?: string }).action === 'quick_keys.edit');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staffId: 'store-q1-manager', details: { before, after: ['p-coffee', 'p-bread'] } });

    // The same list again changes nothing and writes nothing.
    const seq = await documents.lastSeq();
    const again = await save({ productIds: ['p-coffee', 'p-bread'] });
    expect(again.json()).toMatchObject({ changed: false });
    expect(await documents.lastSeq()).toBe(seq);
    expect((await read()).productIds).toEqual(['p-coffee', 'p-bread']);
  });

  it('refuses a cashier, a product the catalog does not have, an id twice, too many keys and a stale list, saying why', async () => {
    const cashier = await signInCashier(office);
    const byCashier = await save({ productIds: ['p-tea'] }, cashier);
    expect(byCashier.statusCode).toBe(403);
    expect(byCashier.json().message).toMatch(/catalog\.manage/);
    expect((await office.t.app.inject({ method: 'GET', url: '/api/v1/backoffice/quick-keys', headers: bearer(office.till.token) })).statusCode).toBe(403);

    const unknown = await save({ productIds: ['p-tea', 'p-ghost'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ error: 'unknown_products', unknown: ['p-ghost'] });
    expect(unknown.json().message).toMatch(/p-ghost/);

    const twice = await save({ productIds: ['p-tea', 'p-tea'] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toMatch(/productIds/);
    const tooMany = await save({ productIds: Array.from({ length: MAX_QUICK_KEYS + 1 }, (_, index) => `p-${index}`) });
    expect(tooMany.statusCode).toBe(400);

    const { updatedAt } = await read();
    expect((await save({ productIds: ['p-tea'], expectedUpdatedAt: updatedAt })).statusCode).toBe(200);
    const stale = await save({ productIds: ['p-bread'], expectedUpdatedAt: updatedAt });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/open them again/);
    expect((await read()).productIds).toEqual(['p-tea']);
  });
});
