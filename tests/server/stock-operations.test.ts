// A manager keeps the store's stock in the back office: goods received from a supplier at a cost, damaged
// or lost goods written off, and a stock count whose variance is applied once, all as ledger entries the
// server derives the store's balances from, which the store's tablets pull. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { countDocuments, pullAll } from './helpers/shop.test-helper.ts';
import { newId, openStockChain, postStock, stockBySku } from './stock-helpers.test-helper.ts';
import type { StockChain } from './stock-helpers.test-helper.ts';

describe.each(DATABASE_KINDS)('a manager keeps the stock (%s)', (kind) => {
  let chain: StockChain;
  let documents: DocumentsRepository;

  beforeAll(async () => {
    chain = await openStockChain(kind, 'stock-operations');
    documents = new DocumentsRepository(chain.t.store);
  }, 60_000);
  afterAll(async () => chain?.t.close());

  it('starts from the opening stock of the import', async () => {
    expect(await stockBySku(chain.t.app, chain.q1Manager)).toEqual({ 'SUA-180': 48_000, 'MI-HH': 120_000, 'THIT-BO': 12_500 });
  });

  it('only a staff session holding stock.manage may move stock: no token, the device token and a cashier are refused, nothing written', async () => {
    const seq = await documents.lastSeq();
    const body = { id: newId(), supplier: 'Vinamilk', lines: [{ sku: 'SUA-180', quantity: 24_000, unitCost: 7_200 }] };
    expect((await postStock(chain.t.app, undefined, 'receivings', body)).statusCode).toBe(401);
    const asDevice = await postStock(chain.t.app, chain.q1Till.token, 'receivings', body);
    expect(asDevice.statusCode).toBe(403);
    expect(asDevice.json().message).toMatch(/Managing stock needs the permission "stock\.manage" \(held by: manager\): sign in with the PIN/);
    const asCashier = await postStock(chain.t.app, chain.q1Cashier, 'receivings', body);
    expect(asCashier.statusCode).toBe(403);
    expect(asCashier.json().message).toMatch(/"store-q1-cashier" is a cashier/);
    const cashierCount = await postStock(chain.t.app, chain.q1Cashier, 'counts', { id: newId(), lines: [{ sku: 'SUA-180', counted: 0 }] });
    expect(cashierCount.statusCode).toBe(403);
    const cashierLevels = await chain.t.app.inject({ method: 'GET', url: '/api/v1/stock/levels', headers: { authorization: `Bearer ${chain.q1Cashier}` } });
    expect(cashierLevels.statusCode).toBe(403);
    expect(await documents.lastSeq()).toBe(seq);
  });

  it('receives goods from a supplier at a cost: stock goes up (the till pulls it), the cost is counted, and the same id sent again changes nothing', async () => {
    const body = { id: newId(), supplier: 'Vinamilk Miền Nam', lines: [{ sku: 'SUA-180', quantity: 24_000, unitCost: 7_200 }, { sku: 'THIT-BO', quantity: 2_375, unitCost: 240_000 }] };
    const answer = await postStock(chain.t.app, chain.q1Manager, 'receivings', body);
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({
      id: body.id,
      kind: 'receiving',
      supplier: 'Vinamilk Miền Nam',
      lines: [
        { sku: 'SUA-180', quantity: 24_000, unitCost: 7_200, cost: 172_800, stock: 72_000 },
        { sku: 'THIT-BO', quantity: 2_375, unitCost: 240_000, cost: 570_000, stock: 14_875 },
      ],
      totalCost: 742_800,
    });
    const ledger = await countDocuments(chain.t.store, 'ledger');
    const again = await postStock(chain.t.app, chain.q1Manager, 'receivings', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(answer.json());
    expect(await countDocuments(chain.t.store, 'ledger')).toBe(ledger);
    expect(await stockBySku(chain.t.app, chain.q1Manager)).toMatchObject({ 'SUA-180': 72_000, 'THIT-BO': 14_875 });
    const beefId = chain.productIds.get('THIT-BO')!;
    expect((await pullAll(chain.t.app, chain.q1Till.token, 'balances')).find((b) => b.id === `stock:store-q1:${beefId}`)).toMatchObject({ value: 14_875 });

    const reused = await postStock(chain.t.app, chain.q1Manager, 'receivings', { ...body, supplier: 'Another supplier' });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().message).toMatch(/already used with other lines/);
  });

  it('refuses a request with a bad line whole: each problem at its line and field, nothing written', async () => {
    const seq = await documents.lastSeq();
    const answer = await postStock(chain.t.app, chain.q1Manager, 'adjustments', {
      id: newId(),
      reason: 'damage',
      lines: [{ sku: 'SUA-180', delta: -2_000 }, { sku: 'SUA-180', delta: 0 }],
    });
    expect(answer.statusCode).toBe(422);
    expect(answer.json().errors).toEqual([
      { line: 2, field: 'sku', message: 'SKU SUA-180 is already on line 1: put its quantities on one line' },
      { line: 2, field: 'delta', message: 'delta is zero: leave the line out instead' },
    ]);
    const unknown = await postStock(chain.t.app, chain.q1Manager, 'adjustments', { id: newId(), reason: 'loss', lines: [{ sku: 'SUA-180', delta: -1_000 }, { sku: 'NO-SUCH', delta: -1_000 }] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([{ line: 2, field: 'sku', message: 'no product of the catalog has the SKU NO-SUCH' }]);
    const badReason = await postStock(chain.t.app, chain.q1Manager, 'adjustments', { id: newId(), reason: 'theft', lines: [{ sku: 'SUA-180', delta: -1_000 }] });
    expect(badReason.statusCode).toBe(400);
    expect(await documents.lastSeq()).toBe(seq);
  });

  it('writes off damaged and lost goods with their reason as ledger entries, and the till pulls the new balance', async () => {
    const before = await stockBySku(chain.t.app, chain.q1Manager);
    const damage = await postStock(chain.t.app, chain.q1Manager, 'adjustments', { id: newId(), reason: 'damage', lines: [{ sku: 'SUA-180', delta: -3_000 }], note: 'Hộp bị móp' });
    expect(damage.statusCode).toBe(201);
    expect(damage.json()).toMatchObject({ kind: 'adjustment', reason: 'damage', lines: [{ sku: 'SUA-180', delta: -3_000, stock: before['SUA-180']! - 3_000 }] });
    const loss = await postStock(chain.t.app, chain.q1Manager, 'adjustments', { id: newId(), reason: 'loss', lines: [{ sku: 'MI-HH', delta: -5_000 }] });
    expect(loss.statusCode).toBe(201);

    const milkId = chain.productIds.get('SUA-180')!;
    const balances = await pullAll(chain.t.app, chain.q1Till.token, 'balances');
    expect(balances.find((b) => b.id === `stock:store-q1:${milkId}`)).toMatchObject({ value: before['SUA-180']! - 3_000 });
    const entries = await chain.t.store.db.selectFrom('ledger_entries').select(['reason', 'delta', 'source_id']).where('store_id', '=', 'store-q1').where('ref_id', '=', milkId).orderBy('seq').execute();
    expect(entries.map((e) => [e.reason, Number(e.delta)])).toEqual([
      ['opening', 48_000],
      ['receiving', 24_000],
      ['damage', -3_000],
    ]);
    // Quận 3 sees none of Quận 1's balances.
    expect((await pullAll(chain.t.app, chain.q3Till.token, 'balances')).filter((b) => String(b['storeId']) === 'store-q1')).toEqual([]);
  });

  it('a stock count shows the variance before it is applied, then applies it once as count adjustments the till pulls', async () => {
    const before = await stockBySku(chain.t.app, chain.q1Manager);
    const lines = [{ sku: 'SUA-180', counted: 60_000 }, { sku: 'MI-HH', counted: before['MI-HH']! }, { sku: 'THIT-BO', counted: 15_000 }];
    const seq = await documents.lastSeq();
    const preview = await postStock(chain.t.app, chain.q1Manager, 'counts/preview', { lines });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().lines.map((l: { sku: string; expected: number; counted: number; variance: number }) => [l.sku, l.expected, l.counted, l.variance])).toEqual([
      ['SUA-180', before['SUA-180'], 60_000, 60_000 - before['SUA-180']!],
      ['MI-HH', before['MI-HH'], before['MI-HH'], 0],
      ['THIT-BO', before['THIT-BO'], 15_000, 15_000 - before['THIT-BO']!],
    ]);
    expect(await documents.lastSeq()).toBe(seq);

    const id = newId();
    const applied = await postStock(chain.t.app, chain.q1Manager, 'counts', { id, lines });
    expect(applied.statusCode).toBe(201);
    expect(applied.json().summary).toEqual({ products: 3, off: 2, net: 60_000 - before['SUA-180']! + 15_000 - before['THIT-BO']!, missing: Math.max(0, before['SUA-180']! - 60_000) + Math.max(0, before['THIT-BO']! - 15_000) });
    expect(await stockBySku(chain.t.app, chain.q1Manager)).toEqual({ 'SUA-180': 60_000, 'MI-HH': before['MI-HH'], 'THIT-BO': 15_000 });
    const milkId = chain.productIds.get('SUA-180')!;
    expect((await pullAll(chain.t.app, chain.q1Till.token, 'balances')).find((b) => b.id === `stock:store-q1:${milkId}`)).toMatchObject({ value: 60_000 });
    const countEntries = () => chain.t.store.db.selectFrom('ledger_entries').select(['ref_id', 'delta']).where('source_id', '=', id).execute();
    expect((await countEntries()).length).toBe(2);

    // Sent again (a retry after a lost answer): the same answer, no second adjustment.
    const ledger = await countDocuments(chain.t.store, 'ledger');
    const again = await postStock(chain.t.app, chain.q1Manager, 'counts', { id, lines });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(applied.json());
    expect(await countDocuments(chain.t.store, 'ledger')).toBe(ledger);
    expect((await countEntries()).length).toBe(2);
    expect(await stockBySku(chain.t.app, chain.q1Manager)).toEqual({ 'SUA-180': 60_000, 'MI-HH': before['MI-HH'], 'THIT-BO': 15_000 });
  });

  it('finds a product\'s stock by SKU or barcode, 0 in a store that never had it', async () => {
    const { MILK } = await import('./stock-helpers.test-helper.ts');
    const byBarcode = await chain.t.app.inject({ method: 'GET', url: `/api/v1/stock/levels?q=${MILK}`, headers: { authorization: `Bearer ${chain.q1Manager}` } });
    expect(byBarcode.json().levels).toMatchObject([{ sku: 'SUA-180', stock: 60_000 }]);
    const inQ3 = await chain.t.app.inject({ method: 'GET', url: '/api/v1/stock/levels?q=SUA-180&storeId=store-q3', headers: { authorization: `Bearer ${chain.q1Manager}` } });
    expect(inQ3.json()).toMatchObject({ storeId: 'store-q3', levels: [{ sku: 'SUA-180', stock: 0, updatedAt: null }] });
  });
});
