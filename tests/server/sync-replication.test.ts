import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDocument } from '../../src/data/schemas/types.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { writeOnlineOrders } from '../../sync-server/src/integrations/online-orders.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { asNew, bearer, countDocuments, enroll, newCustomer, openShop, pull, pullAll, push, ringUpSale, serverWrites, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice, PullAnswer } from './helpers/shop.test-helper.ts';

function product(id: string, price: number) {
  return {
    collection: 'products' as const,
    id,
    storeId: null,
    body: { id, sku: `SKU-${id}`, name: `Sản phẩm ${id}`, searchName: `san pham ${id}`, barcodes: [], price, taxClassId: 'vat8', unit: 'pcs', weighed: false, active: true, updatedAt: new Date().toISOString() },
  };
}

function pickupOrder(storeId: string, customerId: string | undefined, status: OrderDocument['status'] = 'ready'): OrderDocument {
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    storeId,
    number: `WEB-${Math.floor(Math.random() * 1e6)}`,
    status,
    ...(customerId !== undefined ? { customerId } : {}),
    customerName: 'Phạm Thu Hà',
    currency: 'VND',
    lines: [{ productId: 'p-1', sku: 'SKU-p-1', name: 'Sữa', qty: 1000, unitPrice: 30_000, taxRate: 800, total: 30_000 }],
    total: 30_000,
    paid: true,
    events: [{ id: uuidv7(), type: 'placed', at }],
    placedAt: at,
    updatedAt: at,
  };
}

async function balance(t: TestApp, id: string): Promise<number | undefined> {
  const doc = await new DocumentsRepository(t.store).get('balances', id);
  return doc?.body['value'] as number | undefined;
}

describe.each(DATABASE_KINDS)('replication: pull and push (%s)', (kind) => {
  let t: TestApp;
  let q1a: EnrolledDevice;
  let q1b: EnrolledDevice;
  let q3: EnrolledDevice;

  beforeAll(async () => {
    t = await startTestApp(kind, 'sync-repl');
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    q1a = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 1');
    q1b = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 2');
    q3 = await enroll(t.app, 'Q3AA-BBCC-DDEE', 'Quầy Q3');
    await serverWrites(t.store, Array.from({ length: 25 }, (_, i) => product(`p-${i}`, 10_000 + i)));
  });
  afterAll(async () => t?.close());

  it('a tablet pulls the chain-wide catalog in pages with strictly increasing checkpoints, and resumes from any of them', async () => {
    const pages: PullAnswer[] = [];
    let checkpoint: PullAnswer['checkpoint'] = null;
    for (;;) {
      const page = await pull(t.app, q3.token, 'products', checkpoint, 10);
      pages.push(page);
      if (page.documents.length < 10) break;
      checkpoint = page.checkpoint;
    }
    const documents = pages.flatMap((p) => p.documents);
    expect(documents).toHaveLength(25);
    expect(documents.every((d) => d._deleted === false)).toBe(true);
    const seqs = pages.map((p) => p.checkpoint?.seq ?? 0);
    expect(seqs[1]! > seqs[0]! && seqs[2]! > seqs[1]!).toBe(true);
    // Resuming from the first page's checkpoint gives exactly the rest.
    const resumed = await pullAll(t.app, q3.token, 'products', 1000);
    const fromFirst = await pull(t.app, q3.token, 'products', pages[0]!.checkpoint, 1000);
    expect(fromFirst.documents.map((d) => d.id)).toEqual(resumed.slice(10).map((d) => d.id));
    // Nothing new: the checkpoint sent comes back; first pull of an empty collection: null.
    const last = pages[pages.length - 1]!.checkpoint;
    expect(await pull(t.app, q3.token, 'products', last)).toEqual({ documents: [], checkpoint: last });
    expect(await pull(t.app, q3.token, 'audit')).toEqual({ documents: [], checkpoint: null });
    // A price change streams as a newer version.
    await serverWrites(t.store, [product('p-3', 99_000)]);
    const changed = await pull(t.app, q3.token, 'products', last);
    expect(changed.documents.map((d) => [d.id, d['price']])).toEqual([['p-3', 99_000]]);
    expect(changed.checkpoint!.seq).toBeGreaterThan(last!.seq);
  });

  it('the pull query is validated: unknown collection 404, bad limit 400', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/sync/secrets/pull', headers: bearer(q1a.token) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toMatch(/No collection "secrets"/);
    for (const query of ['limit=0', 'limit=20001', 'seq=-1', 'seq=abc', 'other=1']) {
      const bad = await t.app.inject({ method: 'GET', url: `/api/v1/sync/products/pull?${query}`, headers: bearer(q1a.token) });
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().message).toMatch(/querystring/);
    }
  });

  it('a sale rung up at Quận 1 is stored once with its ledger and stock, seen by the other Quận 1 tablet and never by Quận 3', async () => {
    const sale = ringUpSale(q1a, [
      { productId: 'p-1', qty: 2000, unitPrice: 10_001 },
      { productId: 'p-2', qty: 1000, unitPrice: 10_002 },
    ]);
    const response = await push(t.app, q1a.token, 'sales', asNew([sale]));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
    // Where the push spent its time, for the device's resource timing.
    expect(response.headers['server-timing']).toMatch(/^receive;dur=\d+\.\d, check;dur=\d+\.\d, write;dur=\d+\.\d, cpu;dur=\d+\.\d, commit;dur=\d+\.\d$/);
    const seenByB = await pullAll(t.app, q1b.token, 'sales');
    expect(seenByB.find((d) => d.id === sale.id)).toMatchObject({ number: sale.number, _deleted: false });
    const ledger = await pullAll(t.app, q1b.token, 'ledger');
    expect(ledger.filter((d) => d['sourceId'] === sale.id).map((d) => d.id).sort()).toEqual(sale.ledger!.map((e) => e.id).sort());
    expect(await balance(t, 'stock:store-q1:p-1')).toBe(-2000);
    const balances = await pullAll(t.app, q1b.token, 'balances');
    expect(balances.find((d) => d.id === 'stock:store-q1:p-1')).toMatchObject({ value: -2000, kind: 'stock' });
    for (const collection of ['sales', 'ledger', 'balances', 'config']) {
      const q3Docs = await pullAll(t.app, q3.token, collection);
      expect(q3Docs.every((d) => d['storeId'] === 'store-q3'), collection).toBe(true);
    }
  });

  it('RETRY STORM: one batch pushed 50 times, 25 of them at once, stores one document per id and moves stock once', async () => {
    const sales = Array.from({ length: 20 }, () => ringUpSale(q1a, [{ productId: 'p-7', qty: 1000, unitPrice: 10_007 }]));
    const rows = asNew(sales);
    const before = (await balance(t, 'stock:store-q1:p-7')) ?? 0;
    const salesBefore = await countDocuments(t.store, 'sales');
    const concurrent = await Promise.all(Array.from({ length: 25 }, () => push(t.app, q1a.token, 'sales', rows)));
    for (let i = 0; i < 25; i++) {
      const again = await push(t.app, q1a.token, 'sales', rows);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual([]);
    }
    expect(concurrent.map((r) => r.statusCode)).toEqual(Array(25).fill(200));
    expect(concurrent.every((r) => r.body === '[]')).toBe(true);
    expect(await countDocuments(t.store, 'sales')).toBe(salesBefore + 20);
    expect(await balance(t, 'stock:store-q1:p-7')).toBe(before - 20_000);
    // The ledger entries pushed on their own too (same content as the server derived): nothing changes.
    const derived = (await pullAll(t.app, q1a.token, 'ledger')).filter((d) => sales.some((s) => s.id === d['sourceId']));
    const pushedAgain = await push(t.app, q1a.token, 'ledger', derived.map((d) => ({ newDocumentState: d })));
    expect(pushedAgain.json()).toEqual([]);
    expect(await balance(t, 'stock:store-q1:p-7')).toBe(before - 20_000);
  });

  it('a ledger entry pushed on its own before the sale that embeds it moves stock once; the sale and its other entries are stored', async () => {
    const sale = ringUpSale(q1a, [
      { productId: 'p-11', qty: 1000, unitPrice: 10_011 },
      { productId: 'p-12', qty: 2000, unitPrice: 10_012 },
    ]);
    const first = sale.ledger!.find((entry) => entry.refId === 'p-11')!;
    const before11 = (await balance(t, 'stock:store-q1:p-11')) ?? 0;
    const before12 = (await balance(t, 'stock:store-q1:p-12')) ?? 0;
    const alone = { id: first.id, kind: first.kind, storeId: 'store-q1', deviceId: q1a.deviceId, refId: first.refId, delta: first.delta, reason: first.reason, createdAt: sale.createdAt };
    expect((await push(t.app, q1a.token, 'ledger', asNew([alone]))).json()).toEqual([]);
    expect(await balance(t, 'stock:store-q1:p-11')).toBe(before11 - 1000);
    // The sale's push takes its entries as new, meets the stored one on the key and is decided again.
    const response = await push(t.app, q1a.token, 'sales', asNew([sale]));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
    expect(await new DocumentsRepository(t.store).get('sales', sale.id)).toBeDefined();
    expect(await balance(t, 'stock:store-q1:p-11')).toBe(before11 - 1000);
    expect(await balance(t, 'stock:store-q1:p-12')).toBe(before12 - 2000);
    const stored = await new DocumentsRepository(t.store).get('ledger', first.id);
    expect(stored?.body).toEqual(alone);
    // The derived entry differs from the stored one (it names the sale): the first version is kept, and flagged.
    const incident = await t.store.db.selectFrom('incidents').selectAll().where('document_id', '=', first.id).executeTakeFirstOrThrow();
    expect(incident).toMatchObject({ kind: 'append-only-conflict', collection: 'ledger' });
  });

  it('the same sale id with other content is answered with the stored sale, which is kept, and the manager sees the incident once', async () => {
    const sale = ringUpSale(q1a, [{ productId: 'p-9', qty: 1000, unitPrice: 10_009 }]);
    await push(t.app, q1a.token, 'sales', asNew([sale]));
    const forged = { ...sale, totals: { ...sale.totals, total: 1 }, tenders: [{ method: 'cash', amount: 1 }] };
    for (let i = 0; i < 3; i++) {
      const response = await push(t.app, q1a.token, 'sales', asNew([forged]));
      expect(response.statusCode).toBe(200);
      const conflicts = response.json<Array<Record<string, unknown>>>();
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ id: sale.id, totals: sale.totals, _deleted: false });
    }
    const stored = await new DocumentsRepository(t.store).get('sales', sale.id);
    expect(stored?.body['totals']).toEqual(sale.totals);
    const manager = await signIn(t.app, q1b, 'store-q1-manager', '999999');
    const incidents = await t.app.inject({ method: 'GET', url: '/api/v1/incidents?kind=append-only-conflict', headers: bearer(manager) });
    const list = incidents.json<{ incidents: Array<{ documentId: string; collection: string }> }>().incidents.filter((i) => i.documentId === sale.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ collection: 'sales' });
  });

  it('a sale whose totals do not add up is kept and flagged for the manager, not dropped', async () => {
    const sale = ringUpSale(q1a, [{ productId: 'p-4', qty: 3000, unitPrice: 10_004 }]);
    const wrong = { ...sale, lines: [{ ...sale.lines[0]!, total: 1_000 }] };
    const response = await push(t.app, q1a.token, 'sales', asNew([wrong]));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
    expect(await new DocumentsRepository(t.store).get('sales', sale.id)).toBeDefined();
    const incident = await t.store.db.selectFrom('incidents').selectAll().where('document_id', '=', sale.id).executeTakeFirstOrThrow();
    expect(incident.kind).toBe('sale-mismatch');
    expect(JSON.parse(incident.detail)).toMatchObject({ mismatches: expect.arrayContaining([{ field: 'lines/0/total', expected: 30_012, actual: 1_000 }]) });
  });

  it('points redeemed offline beyond the balance are kept and reported as an overdraft', async () => {
    const customer = newCustomer('store-q1', 'Võ Thị Yến', '0901000001');
    await push(t.app, q1a.token, 'customers', asNew([customer]));
    // 500,005 VND earns 50 points (one per 10,000 VND, the store's loyalty rule).
    await push(t.app, q1a.token, 'sales', asNew([ringUpSale(q1a, [{ productId: 'p-5', qty: 1000, unitPrice: 500_005 }], { customerId: customer.id, points: 50 })]));
    expect(await balance(t, `points:store-q1:${customer.id}`)).toBe(50);
    // The other tablet takes 80 points (8,000 VND) as a tender, and cash for the rest.
    const redeeming = ringUpSale(q1b, [{ productId: 'p-5', qty: 1000, unitPrice: 10_005 }], { customerId: customer.id, points: -80 });
    const tenders = [{ method: 'points' as const, amount: 8_000, points: 80 }, { method: 'cash' as const, amount: redeeming.totals.total - 8_000 }];
    await push(t.app, q1b.token, 'sales', asNew([{ ...redeeming, tenders }]));
    expect(await balance(t, `points:store-q1:${customer.id}`)).toBe(-30);
    const incident = await t.store.db.selectFrom('incidents').selectAll().where('kind', '=', 'balance-overdraft').where('document_id', '=', `points:store-q1:${customer.id}`).executeTakeFirstOrThrow();
    expect(JSON.parse(incident.detail)).toMatchObject({ before: 50, delta: -80, after: -30 });
  });

  it('a customer edited on two tablets is merged field by field; the device gets the merge as the conflict', async () => {
    const customer = newCustomer('store-q1', 'Đỗ Văn Hải', '0902000002');
    expect((await push(t.app, q1a.token, 'customers', asNew([customer]))).json()).toEqual([]);
    const base = { ...customer, _deleted: false };
    // Tablet A changes the email (based on the latest version): stored as it is.
    const withEmail = { ...base, email: 'hai@example.vn', updatedAt: new Date().toISOString() };
    expect((await push(t.app, q1a.token, 'customers', [{ assumedMasterState: base, newDocumentState: withEmail }])).json()).toEqual([]);
    // Tablet B, still on the old version, changes the name: merged.
    const renamed = { ...base, name: 'Đỗ Văn Hải (anh)', searchName: 'do van hai (anh)' };
    const conflicts = (await push(t.app, q1b.token, 'customers', [{ assumedMasterState: base, newDocumentState: renamed }])).json<Array<Record<string, unknown>>>();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ id: customer.id, name: 'Đỗ Văn Hải (anh)', email: 'hai@example.vn', _deleted: false });
    const stored = await new DocumentsRepository(t.store).get('customers', customer.id);
    expect(stored?.body).toMatchObject({ name: 'Đỗ Văn Hải (anh)', email: 'hai@example.vn' });
  });

  it('a customer created offline with the phone of a known customer of the same store is merged into it; sales and points under either id resolve', async () => {
    const known = newCustomer('store-q1', 'Phạm Thu Hà', '0903000003');
    await push(t.app, q1b.token, 'customers', asNew([known]));
    // Written with the country code on the other tablet: the same number.
    const offline = newCustomer('store-q1', 'Chị Hà', '+84 903 000 003', { email: 'ha@example.vn' });
    const conflicts = (await push(t.app, q1a.token, 'customers', asNew([offline]))).json<Array<Record<string, unknown>>>();
    expect(conflicts).toEqual([expect.objectContaining({ id: offline.id, mergedIntoId: known.id, _deleted: true })]);
    // The Quận 1 tablets now see one live customer with that number: the known one, with the email added.
    const visible = (await pullAll(t.app, q1b.token, 'customers')).filter((c) => [known.id, offline.id].includes(c.id));
    const live = visible.filter((c) => !c._deleted);
    expect(live).toEqual([expect.objectContaining({ id: known.id, name: 'Phạm Thu Hà', email: 'ha@example.vn', storeId: 'store-q1' })]);
    expect(visible.find((c) => c.id === offline.id)).toMatchObject({ _deleted: true, mergedIntoId: known.id });
    // Points earned under the offline id count on the known customer.
    await push(t.app, q1a.token, 'sales', asNew([ringUpSale(q1a, [{ productId: 'p-6', qty: 1000, unitPrice: 120_006 }], { customerId: offline.id, points: 12 })]));
    expect(await balance(t, `points:store-q1:${known.id}`)).toBe(12);
    // A second offline copy merges the same way.
    const again = newCustomer('store-q1', 'Hà', '0903000003');
    expect((await push(t.app, q1b.token, 'customers', asNew([again]))).json()[0]).toMatchObject({ mergedIntoId: known.id });
    // The chain lookup finds her once by her whole number; a part of it or her name is not a lookup
    // (a Quận 3 tablet creating her is not merged: tests/server/trust-customers.test.ts).
    const byPhone = await t.app.inject({ method: 'GET', url: '/api/v1/customers/search?q=0903000003', headers: bearer(q1a.token) });
    expect(byPhone.json<{ customers: Array<{ id: string }> }>().customers.map((c) => c.id)).toEqual([known.id]);
    for (const q of ['0903000', 'pham thu']) {
      const partial = await t.app.inject({ method: 'GET', url: `/api/v1/customers/search?q=${encodeURIComponent(q)}`, headers: bearer(q1a.token) });
      expect(partial.statusCode, q).toBe(400);
    }
  });

  it('points a tablet counted under an offline customer before pushing her move to the known customer at the merge', async () => {
    const known = newCustomer('store-q1', 'Hồ Thị Mai', '0906000006');
    await push(t.app, q1a.token, 'customers', asNew([known]));
    const offline = newCustomer('store-q1', 'Mai', '0906000006');
    // The sales queue reaches the server before the customers queue.
    await push(t.app, q1b.token, 'sales', asNew([ringUpSale(q1b, [{ productId: 'p-6', qty: 1000, unitPrice: 250_006 }], { customerId: offline.id, points: 25 })]));
    expect(await balance(t, `points:store-q1:${offline.id}`)).toBe(25);
    await push(t.app, q1b.token, 'customers', asNew([offline]));
    expect(await balance(t, `points:store-q1:${offline.id}`)).toBe(0);
    expect(await balance(t, `points:store-q1:${known.id}`)).toBe(25);
  });

  it('customers of another store appear at a store once they have an order there, even behind its checkpoint', async () => {
    const customer = newCustomer('store-q3', 'Lý Minh Khoa', '0904000004');
    await push(t.app, q3.token, 'customers', asNew([customer]));
    const before = await pull(t.app, q1a.token, 'customers', null, 10_000);
    expect(before.documents.some((c) => c.id === customer.id)).toBe(false);
    await writeOnlineOrders(t.store, t.app.documents, [pickupOrder('store-q1', customer.id)]);
    const after = await pull(t.app, q1a.token, 'customers', before.checkpoint, 10_000);
    expect(after.documents.map((c) => c.id)).toContain(customer.id);
    // Quận 3 still does not see Quận 1's own customers.
    expect((await pullAll(t.app, q3.token, 'customers')).every((c) => c['storeId'] === 'store-q3')).toBe(true);
  });

  it('a Quận 3 customer found through the chain lookup who buys at Quận 1 reaches the Quận 1 tablets', async () => {
    const customer = newCustomer('store-q3', 'Bùi Ngọc Yến', '0905000005');
    await push(t.app, q3.token, 'customers', asNew([customer]));
    const before = await pull(t.app, q1b.token, 'customers', null, 10_000);
    const found = await t.app.inject({ method: 'GET', url: '/api/v1/customers/search?q=0905000005', headers: bearer(q1a.token) });
    expect(found.json<{ customers: Array<{ id: string }> }>().customers.map((c) => c.id)).toEqual([customer.id]);
    await push(t.app, q1a.token, 'sales', asNew([ringUpSale(q1a, [{ productId: 'p-8', qty: 1000, unitPrice: 10_008 }], { customerId: customer.id, points: 1 })]));
    const after = await pull(t.app, q1b.token, 'customers', before.checkpoint, 10_000);
    expect(after.documents.map((c) => c.id)).toEqual([customer.id]);
    // A second sale does not write her again.
    await push(t.app, q1a.token, 'sales', asNew([ringUpSale(q1a, [{ productId: 'p-8', qty: 1000, unitPrice: 10_008 }], { customerId: customer.id })]));
    expect((await pull(t.app, q1b.token, 'customers', after.checkpoint, 10_000)).documents).toEqual([]);
  });

  it('a pickup handover is merged into the order; a handover that met an online cancellation is flagged for the manager', async () => {
    const ready = pickupOrder('store-q1', undefined, 'ready');
    const cancelled = pickupOrder('store-q1', undefined, 'ready');
    await writeOnlineOrders(t.store, t.app.documents, [ready, cancelled]);
    // Meanwhile the online shop cancels the second order.
    await writeOnlineOrders(t.store, t.app.documents, [{ ...cancelled, status: 'cancelled', events: [...cancelled.events, { id: uuidv7(), type: 'cancelled', at: new Date().toISOString() }] }]);
    const handOver = (order: OrderDocument) => ({
      assumedMasterState: { ...order, _deleted: false },
      newDocumentState: { ...order, status: 'picked_up', events: [...order.events, { id: uuidv7(), type: 'handed_over', at: new Date().toISOString(), deviceId: q1a.deviceId }], _deleted: false },
    });
    const response = await push(t.app, q1a.token, 'orders', [handOver(ready), handOver(cancelled)]);
    expect(response.statusCode).toBe(200);
    const conflicts = response.json<Array<{ id: string; status: string; flags?: Array<{ code: string }> }>>();
    const flagged = conflicts.find((c) => c.id === cancelled.id);
    expect(flagged).toMatchObject({ status: 'picked_up', flags: [expect.objectContaining({ code: 'handover-after-cancellation' })] });
    const stored = await new DocumentsRepository(t.store).get('orders', ready.id);
    expect(stored?.body['status']).toBe('picked_up');
    const incident = await t.store.db.selectFrom('incidents').selectAll().where('document_id', '=', cancelled.id).executeTakeFirstOrThrow();
    expect(incident.kind).toBe('order-flag');
    // A device cannot create orders, nor touch another store's.
    const invented = await push(t.app, q1a.token, 'orders', asNew([pickupOrder('store-q1', undefined)]));
    expect(invented.statusCode).toBe(403);
    const q3Order = pickupOrder('store-q3', undefined);
    await writeOnlineOrders(t.store, t.app.documents, [q3Order]);
    expect((await push(t.app, q1a.token, 'orders', asNew([{ ...q3Order, storeId: 'store-q1' }]))).statusCode).toBe(403);
  });

  it('server-owned collections cannot be pushed (403), and shifts and audit are append-only like sales', async () => {
    for (const collection of ['products', 'balances', 'config']) {
      const response = await push(t.app, q1a.token, collection, asNew([{ id: 'x' }]));
      expect(response.statusCode, collection).toBe(403);
      expect(response.json().message).toMatch(/written by the server only/);
    }
    const open = { id: uuidv7(), shiftId: uuidv7(), storeId: 'store-q1', deviceId: q1a.deviceId, type: 'open', amount: 500_000, staffId: 'store-q1-cashier', createdAt: new Date().toISOString() };
    expect((await push(t.app, q1a.token, 'shifts', asNew([open, open]))).json()).toEqual([]);
    expect((await push(t.app, q1a.token, 'shifts', asNew([{ ...open, amount: 1 }]))).json()).toEqual([{ ...open, _deleted: false }]);
    const deleteSale = await push(t.app, q1a.token, 'sales', [{ newDocumentState: { ...ringUpSale(q1a, [{ productId: 'p-1', qty: 1000, unitPrice: 1 }]), _deleted: true } }]);
    expect(deleteSale.statusCode).toBe(400);
    expect(deleteSale.json().message).toMatch(/append-only/);
  });
});
