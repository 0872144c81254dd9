/*
 * Bad input at the sync door: thousands of generated malformed and hostile pushes (fast-check) against
 * a live app on each database. Every answer must be a 4xx with a message saying what was wrong (never a
 * 5xx), and a refused push must write nothing at all: documents, incidents and the seq counter stay as
 * they were. Among them the shapes of issue 12 (finding 7): nesting past 32 levels, a document past 1 MiB of
 * JSON, a lone surrogate in a string or a field name, a field the closed sale schema does not name.
 * Sales whose totals do not add up, or dated implausibly, are the exception by design: accepted and flagged.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, countAll, enroll, newCustomer, openShop, pull, push, ringUpSale, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

type Json = Record<string, unknown>;

interface Attack {
  name: string;
  collection: string;
  contentType: string;
  body: string;
  expected: number;
}

const SALE_STRING_FIELDS = ['id', 'storeId', 'deviceId', 'number', 'createdAt', 'staffId', 'currency', 'lines/0/productId', 'lines/0/sku', 'lines/0/name', 'tenders/0/method', 'ledger/0/id', 'ledger/0/refId', 'ledger/0/reason'];
const SALE_INTEGER_FIELDS = ['lines/0/qty', 'lines/0/unitPrice', 'lines/0/discount', 'lines/0/taxRate', 'lines/0/total', 'tenders/0/amount', 'totals/subtotal', 'totals/discount', 'totals/tax', 'totals/total', 'ledger/0/delta'];
const SALE_REQUIRED = ['id', 'kind', 'storeId', 'deviceId', 'number', 'createdAt', 'staffId', 'currency', 'lines', 'tenders', 'totals', 'lines/0/qty', 'lines/0/total', 'tenders/0/amount', 'totals/tax', 'ledger/0/kind', 'ledger/0/delta'];
// Where a text may be anything (so only the U+0000 in it is wrong).
const FREE_TEXT_FIELDS = ['number', 'staffId', 'lines/0/name', 'lines/0/sku', 'ledger/0/reason'];
// The objects of a sale the server's schema closes, with the fields it names there (schemas.ts).
const CLOSED_SALE_OBJECTS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['', ['id', 'kind', 'storeId', 'deviceId', 'number', 'createdAt', 'staffId', 'customerId', 'originalSaleId', 'orderId', 'reason', 'originalNumber', 'approverId', 'discountApprovedBy', 'currency', 'lines', 'tenders', 'totals', 'change', 'ledger', '_deleted']],
  ['lines/0/', ['productId', 'sku', 'name', 'qty', 'unitPrice', 'discount', 'taxRate', 'total', 'priceIncludesTax', 'unit', 'listPrice', 'approvedBy']],
  ['tenders/0/', ['method', 'amount', 'reference', 'points']],
  ['totals/', ['subtotal', 'discount', 'tax', 'total', 'cashRounding']],
];
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff'];

/** Whether JSON.parse refuses the text: its exception is the answer here, not an error to report. */
function isNotJson(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch (error) {
    return error instanceof SyntaxError;
  }
}

function setAt(doc: Json, path: string, value: unknown): Json {
  const copy = structuredClone(doc);
  const keys = path.split('/');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const notAString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));
const notAnInteger = fc.oneof(
  fc.double({ noInteger: true }),
  fc.string({ maxLength: 10 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(1e20),
  fc.constant(-1e20),
  fc.array(fc.integer(), { maxLength: 3 }),
);
const tooLong = fc.integer({ min: 201, max: 60_000 }).map((n) => 'Đ'.repeat(n));

describe.each(DATABASE_KINDS)('hostile and malformed pushes (%s)', (kind) => {
  let t: TestApp;
  let device: EnrolledDevice;
  let other: EnrolledDevice;
  let revoked: EnrolledDevice;
  let seenStatuses: Map<number, number>;

  beforeAll(async () => {
    t = await startTestApp(kind, 'sync-hostile');
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    device = await enroll(t.app, 'Q1AA-BBCC-DDEE');
    other = await enroll(t.app, 'Q3AA-BBCC-DDEE');
    revoked = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy cũ');
    const manager = await signIn(t.app, device, 'store-q1-manager', '999999');
    await t.app.inject({ method: 'DELETE', url: `/api/v1/devices/${revoked.deviceId}`, headers: bearer(manager) });
    // Something already stored, so "nothing written" is checked against a non-empty database.
    await push(t.app, device.token, 'sales', [{ newDocumentState: { ...ringUpSale(device, [{ productId: 'p-1', qty: 1000, unitPrice: 5_000 }]), _deleted: false } }]);
    seenStatuses = new Map();
  });
  afterAll(async () => t?.close());

  const sale = (): Json => ({ ...ringUpSale(device, [{ productId: 'p-1', qty: 2000, unitPrice: 12_500, discount: 500 }, { productId: 'p-2', qty: 375, unitPrice: 160_000 }], { customerId: 'c-1', points: 8 }), _deleted: false }) as Json;
  const rows = (docs: unknown[]): string => JSON.stringify(docs.map((newDocumentState) => ({ newDocumentState })));
  /** One audit entry whose details hold `junk`, written as JSON text (JSON.stringify would recurse). */
  const auditRows = (junk: string): string => {
    const entry = { id: 'audit-junk', storeId: 'store-q1', deviceId: device.deviceId, action: 'drawer.count', staffId: 'store-q1-cashier', createdAt: new Date().toISOString(), details: { junk: '@' } };
    return JSON.stringify([{ newDocumentState: entry }]).replace('"@"', junk);
  };
  const attack = (name: string, body: string, expected: number, collection = 'sales', contentType = 'application/json'): Attack => ({ name, collection, contentType, body, expected });

  const attacks: fc.Arbitrary<Attack> = fc.oneof(
    // Wrong types in every field, missing fields, unknown fields.
    fc.tuple(fc.constantFrom(...SALE_STRING_FIELDS), notAString).map(([f, v]) => attack(`string field ${f} = ${JSON.stringify(v)}`, rows([setAt(sale(), f, v)]), 400)),
    fc.tuple(fc.constantFrom(...SALE_INTEGER_FIELDS), notAnInteger).map(([f, v]) => attack(`integer field ${f} = ${JSON.stringify(v)}`, rows([setAt(sale(), f, v)]), 400)),
    fc.constantFrom(...SALE_REQUIRED).map((f) => attack(`missing ${f}`, rows([setAt(sale(), f, undefined)]), 400)),
    fc.tuple(fc.constantFrom('kind', 'tenders/0/method', 'ledger/0/kind'), fc.string({ maxLength: 12 })).map(([f, v]) => attack(`enum ${f} = ${v}`, rows([setAt(sale(), f, `x${v}`)]), 400)),
    fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !['id', 'kind', 'refId', 'delta', 'reason', '__proto__'].includes(k) && !k.includes('/')).map((k) => attack(`unknown ledger field ${k}`, rows([setAt(sale(), `ledger/0/${k}`, 1)]), 400)),
    fc.constantFrom('createdAt').map((f) => attack('not a date', rows([setAt(sale(), f, 'yesterday')]), 400)),
    // Giant strings, huge arrays, too many rows.
    fc.tuple(fc.constantFrom('lines/0/name', 'number', 'staffId', 'id'), tooLong).map(([f, v]) => attack(`giant ${f}`, rows([setAt(sale(), f, v)]), 400)),
    fc.integer({ min: 1001, max: 1500 }).map((n) => attack(`${n} lines`, rows([setAt(sale(), 'lines', Array.from({ length: n }, () => (sale()['lines'] as unknown[])[0]))]), 400)),
    fc.integer({ min: 51, max: 200 }).map((n) => attack(`${n} tenders`, rows([setAt(sale(), 'tenders', Array.from({ length: n }, () => ({ method: 'cash', amount: 1 })))]), 400)),
    // U+0000 anywhere in text, including field names.
    fc.tuple(fc.constantFrom(...FREE_TEXT_FIELDS), fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([f, a, b]) => attack(`NUL in ${f}`, rows([setAt(sale(), f, `${a}\u0000${b}`)]), 400)),
    fc.string({ maxLength: 6 }).filter((k) => !k.includes('/')).map((k) => attack('NUL in a key', rows([setAt(sale(), `extra${k}\u0000`, 1)]), 400)),
    // Issue 12, finding 7: shapes that crashed the request or were stored.
    fc.tuple(fc.integer({ min: 33, max: 20_000 }), fc.constantFrom('lines/0/', 'tenders/0/', '')).map(([depth, where]) => {
      const text = rows([setAt(sale(), `${where}deep`, '@')]).replace('"@"', `${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}`);
      return attack(`an extra field nested ${depth} deep at ${where || 'the sale'}`, text, 400);
    }),
    fc.tuple(fc.integer({ min: 33, max: 20_000 }), fc.constantFrom('[', '{"a":[')).map(([depth, open]) => {
      const nested = `${open.repeat(depth)}1${(open === '[' ? ']' : ']}').repeat(depth)}`;
      return attack(`audit details nested ${depth} deep`, auditRows(nested), 400, 'audit');
    }),
    fc.integer({ min: 530_000, max: 1_000_000 }).map((n) => attack(`a ${n}-element junk array in audit details`, auditRows(`[${'0,'.repeat(n - 1)}0]`), 400, 'audit')),
    fc.tuple(fc.constantFrom(...FREE_TEXT_FIELDS), fc.constantFrom(...LONE_SURROGATES), fc.stringMatching(/^[a-z ]{0,8}$/), fc.stringMatching(/^[a-z ]{0,8}$/)).map(([f, unit, a, b]) => attack(`lone surrogate U+${unit.charCodeAt(0).toString(16)} in ${f}`, rows([setAt(sale(), f, `${a}${unit}${b}`)]), 400)),
    fc.tuple(fc.constantFrom(...LONE_SURROGATES), fc.stringMatching(/^[a-z]{1,6}$/)).map(([unit, k]) => attack('lone surrogate in a field name', rows([setAt(sale(), `lines/0/${k}${unit}`, 1)]), 400)),
    fc.tuple(fc.constantFrom(...CLOSED_SALE_OBJECTS), fc.stringMatching(/^[a-zA-Z_$][a-zA-Z0-9_]{0,11}$/), fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean()))
      .filter(([[, named], k]) => !named.includes(k) && !['__proto__', 'constructor', 'prototype'].includes(k))
      .map(([[where], k, v]) => attack(`unknown field ${where}${k} on a sale`, rows([setAt(sale(), `${where}${k}`, v)]), 400)),
    // Prototype pollution attempts, as raw JSON text.
    fc.constantFrom('__proto__', 'constructor').map((key) => {
      const text = rows([sale()]);
      const polluted = key === '__proto__' ? text.replace('"kind":', '"__proto__":{"isManager":true},"kind":') : text.replace('"kind":', '"constructor":{"prototype":{"isManager":true}},"kind":');
      return attack(`${key} key`, polluted, 400);
    }),
    // Another store, another device, facts deleted, rows that are not rows.
    fc.constantFrom('store-q3', 'store-x', '').map((s) => attack(`storeId ${s}`, rows([setAt(sale(), 'storeId', s)]), 403)),
    fc.uuid().map((d) => attack('deviceId of another device', rows([setAt(sale(), 'deviceId', d)]), 403)),
    fc.constant(null).map(() => attack('deleting a sale', rows([{ ...sale(), _deleted: true }]), 400)),
    fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.boolean(), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer())).map((v) => attack(`body ${JSON.stringify(v)}`, JSON.stringify(v), 400)),
    fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.record({ doc: fc.string() })), { minLength: 1, maxLength: 3 }).map((v) => attack('rows that are not rows', JSON.stringify(v), 400)),
    fc.constant(null).map(() => attack('newDocumentState not an object', JSON.stringify([{ newDocumentState: 'sale' }]), 400)),
    fc.constant(null).map(() => attack('assumed master of another id', JSON.stringify([{ assumedMasterState: { id: 'other' }, newDocumentState: sale() }]), 400)),
    fc.constant(null).map(() => attack('5,001 rows', JSON.stringify(Array.from({ length: 5001 }, () => ({ newDocumentState: {} }))), 400)),
    // Not JSON, or not declared as JSON.
    fc.string({ minLength: 1, maxLength: 40 }).filter(isNotJson).map((s) => attack('not JSON', s, 400)),
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x').map((ct) => attack(`content type ${ct}`, rows([sale()]), 415, 'sales', ct)),
    // Other collections: server-owned, unknown, customers of another store, orders a device cannot create.
    fc.constantFrom('products', 'balances', 'config').map((c) => attack(`push to ${c}`, rows([{ id: 'x' }]), 403, c)),
    fc.stringMatching(/^[a-z]{1,12}$/).filter((c) => !['products', 'balances', 'config', 'customers', 'orders', 'sales', 'ledger', 'shifts', 'audit'].includes(c)).map((c) => attack(`unknown collection ${c}`, rows([sale()]), 404, c)),
    fc.constant(null).map(() => attack('customer of another store', rows([{ ...newCustomer('store-q3', 'Trần Văn Hùng', '0909999999'), _deleted: false }]), 403, 'customers')),
    fc.constant(null).map(() => attack('customer without a phone', rows([{ ...setAt(newCustomer('store-q1', 'Lan', '0901') as unknown as Json, 'phone', undefined), _deleted: false }]), 400, 'customers')),
    fc.uuid().map((id) => attack('inventing an order', rows([{ id, storeId: 'store-q1', number: 'X', status: 'picked_up', customerName: 'X', currency: 'VND', lines: [], total: 0, paid: true, events: [], placedAt: new Date().toISOString(), updatedAt: new Date().toISOString(), _deleted: false }]), 403, 'orders')),
    fc.oneof(fc.tuple(fc.constant('delta'), notAnInteger), fc.tuple(fc.constantFrom('kind', 'refId'), notAString)).map(([f, v]) => attack(`ledger ${f}`, rows([{ id: 'l-1', kind: 'stock', storeId: 'store-q1', refId: 'p-1', delta: -1, reason: 'sale', createdAt: new Date().toISOString(), [f]: v, _deleted: false }]), 400, 'ledger')),
  );

  it('5,000 generated hostile pushes: every answer a 4xx with a message, nothing written', async () => {
    const before = await countAll(t.store);
    await fc.assert(
      fc.asyncProperty(attacks, async (a) => {
        const response = await t.app.inject({
          method: 'POST',
          url: `/api/v1/sync/${a.collection}/push`,
          headers: { ...bearer(device.token), 'content-type': a.contentType },
          payload: a.body,
        });
        seenStatuses.set(response.statusCode, (seenStatuses.get(response.statusCode) ?? 0) + 1);
        expect(response.statusCode, `${a.name}: ${response.body.slice(0, 300)}`).toBe(a.expected);
        const answer = response.json<{ error: string; message: string }>();
        expect(answer.error).toMatch(/\w/);
        expect(answer.message.length, a.name).toBeGreaterThan(10);
      }),
      { numRuns: 5000, seed: 20_240_601 },
    );
    expect(await countAll(t.store)).toEqual(before);
    expect([...seenStatuses.keys()].sort()).toEqual([400, 403, 404, 415]);
  }, 300_000);

  it('a push over 20 MB is refused with 413 before it is read, and one of 5,000 rows is accepted', async () => {
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sync/audit/push',
      headers: { ...bearer(device.token), 'content-type': 'application/json' },
      payload: `[${'{"newDocumentState":{}},'.repeat(900_000)}{"newDocumentState":{}}]`,
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().message).toBe('The request body is larger than the limit of 20971520 bytes');
    const entries = Array.from({ length: 5000 }, (_, i) => ({
      newDocumentState: { id: `audit-${kind}-${i}`, storeId: 'store-q1', deviceId: device.deviceId, action: 'drawer.count', staffId: 'store-q1-cashier', createdAt: new Date().toISOString(), _deleted: false },
    }));
    const ok = await push(t.app, device.token, 'audit', entries);
    expect(ok.statusCode).toBe(200);
  });

  it('a refused row names its index and field, and the valid rows of the same batch are not written either', async () => {
    const before = await countAll(t.store);
    const good = sale();
    const bad = setAt(sale(), 'lines/0/qty', 'two');
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/sync/sales/push', headers: bearer(device.token), payload: [{ newDocumentState: good }, { newDocumentState: bad }] });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('body/1/newDocumentState/lines/0/qty must be integer');
    const nul = await t.app.inject({ method: 'POST', url: '/api/v1/sync/sales/push', headers: bearer(device.token), payload: [{ newDocumentState: good }, { newDocumentState: setAt(sale(), 'lines/0/name', 'Sữa\u0000') }] });
    expect(nul.json().message).toBe('body/1/newDocumentState/lines/0/name contains the character U+0000, which is not allowed in a document');
    const foreign = await push(t.app, device.token, 'sales', [{ newDocumentState: good }, { newDocumentState: setAt(sale(), 'storeId', 'store-q3') }]);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().message).toMatch(/body\/1\/newDocumentState\/storeId is "store-q3" but this device belongs to store "store-q1"/);
    expect(await countAll(t.store)).toEqual(before);
  });

  it('sales whose totals do not add up are accepted and each flagged once, never dropped', async () => {
    const before = await countAll(t.store);
    const amounts = ['lines/0/qty', 'lines/0/unitPrice', 'lines/0/discount', 'lines/0/total', 'tenders/0/amount', 'totals/subtotal', 'totals/discount', 'totals/tax', 'totals/total'];
    const wrongTotals = fc.tuple(fc.constantFrom(...amounts), fc.integer({ min: 1, max: 1_000_000 }));
    const samples = fc.sample(wrongTotals, { numRuns: 200, seed: 7 });
    const docs = samples.map(([field, delta]) => {
      const doc = sale();
      const keys = field.split('/');
      let node = doc as Record<string, unknown>;
      for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
      const last = keys[keys.length - 1]!;
      // Paying less than the total is wrong; paying more in cash would be change, which is fine.
      node[last] = field === 'tenders/0/amount' ? (node[last] as number) - delta : (node[last] as number) + delta;
      return doc;
    });
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/sync/sales/push', headers: bearer(device.token), payload: docs.map((newDocumentState) => ({ newDocumentState })) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
    const after = await countAll(t.store);
    // Stock entries are stored as the till says; points are what the server derives from what was paid.
    const ledgerEntries = docs.reduce((n, d) => n + (d['ledger'] as Array<{ kind: string }>).filter((e) => e.kind === 'stock').length, 0);
    expect(after.incidents - before.incidents).toBeGreaterThanOrEqual(200);
    const mismatches = await t.store.db.selectFrom('incidents').select('document_id').where('kind', '=', 'sale-mismatch').execute();
    for (const doc of docs) expect(mismatches.some((m) => m.document_id === doc['id'])).toBe(true);
    expect(after.documents - before.documents).toBeGreaterThanOrEqual(200 + ledgerEntries);
  });

  it('sales dated more than a day ahead of the server or before the store existed are accepted and flagged once, never dropped', async () => {
    const day = 24 * 60 * 60 * 1000;
    const now = Date.now();
    const dates = fc.oneof(
      fc.integer({ min: now + day + 60_000, max: Date.parse('9999-12-31T23:59:59.999Z') }).map((at) => ({ at, flagged: true })),
      fc.integer({ min: Date.parse('0001-01-01T00:00:00.000Z'), max: now - 2 * day }).map((at) => ({ at, flagged: true })),
      fc.integer({ min: now - day + 60_000, max: now + day - 60_000 }).map((at) => ({ at, flagged: false })),
    );
    const samples = fc.sample(dates, { numRuns: 100, seed: 12 });
    const docs: Json[] = samples.map(({ at }) => ({ ...sale(), createdAt: new Date(at).toISOString() }));
    for (let i = 0; i < 2; i++) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/sync/sales/push', headers: bearer(device.token), payload: docs.map((newDocumentState) => ({ newDocumentState })) });
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    }
    const flags = await t.store.db.selectFrom('incidents').select('document_id').where('kind', '=', 'implausible-date').where('document_id', 'in', docs.map((d) => d['id'] as string)).execute();
    const flaggedIds = flags.map((f) => f.document_id);
    expect(new Set(flaggedIds).size, 'each flagged once').toBe(flaggedIds.length);
    samples.forEach(({ flagged }, i) => expect(flaggedIds.includes(docs[i]!['id'] as string), String(docs[i]!['createdAt'])).toBe(flagged));
    const stored = await t.store.db.selectFrom('documents').select('id').where('collection', '=', 'sales').where('id', 'in', docs.map((d) => d['id'] as string)).execute();
    expect(stored).toHaveLength(docs.length);
  });

  it('AUTHORIZATION: another store\'s token, a revoked token and no token cannot write or read the store\'s documents', async () => {
    const before = await countAll(t.store);
    const doc = sale();
    const asOther = await push(t.app, other.token, 'sales', [{ newDocumentState: doc }]);
    expect(asOther.statusCode).toBe(403);
    const asRevoked = await push(t.app, revoked.token, 'sales', [{ newDocumentState: setAt(doc, 'deviceId', revoked.deviceId) }]);
    expect(asRevoked.statusCode).toBe(401);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/sync/sales/push', payload: [{ newDocumentState: doc }] });
    expect(anonymous.statusCode).toBe(401);
    expect(await countAll(t.store)).toEqual(before);
    // Reading: the other store sees none of Quận 1's sales; revoked and anonymous calls read nothing.
    expect((await pull(t.app, other.token, 'sales', null, 20_000)).documents).toEqual([]);
    for (const headers of [bearer(revoked.token), {}]) {
      for (const url of ['/api/v1/sync/sales/pull', '/api/v1/sync/customers/pull', '/api/v1/customers/search?q=0901', '/api/v1/sync/stream']) {
        const response = await t.app.inject({ method: 'GET', url, headers });
        expect(response.statusCode, url).toBe(401);
        expect(response.body).not.toContain('store-q1-');
      }
    }
  });
});
