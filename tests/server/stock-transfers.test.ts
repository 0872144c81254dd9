// Quận 1 sends milk to Quận 3: it leaves Quận 1's stock when sent, is in transit (both stores see it on the
// road), and arrives in Quận 3's stock when Quận 3's manager receives it; sent minus received is then zero.
// On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { bearer, pullAll } from './helpers/shop.test-helper.ts';
import { newId, openStockChain, postStock, stockBySku } from './stock-helpers.test-helper.ts';
import type { StockChain } from './stock-helpers.test-helper.ts';

interface TransfersAnswer {
  transfers: Array<{ id: string; status: string; fromStoreName: string; toStoreName: string }>;
  inTransit: { outgoing: number; incoming: number };
}

describe.each(DATABASE_KINDS)('stock moves between two stores (%s)', (kind) => {
  let chain: StockChain;
  let documents: DocumentsRepository;

  beforeAll(async () => {
    chain = await openStockChain(kind, 'stock-transfers');
    documents = new DocumentsRepository(chain.t.store);
  }, 60_000);
  afterAll(async () => chain?.t.close());

  const transfers = async (token: string) => {
    const answer = await chain.t.app.inject({ method: 'GET', url: '/api/v1/stock/transfers', headers: bearer(token) });
    expect(answer.statusCode).toBe(200);
    return answer.json<TransfersAnswer>();
  };
  const ledgerSum = async (sourceId: string) => {
    const rows = await chain.t.store.db.selectFrom('ledger_entries').select(['delta']).where('source_id', '=', sourceId).execute();
    return rows.reduce((sum, row) => sum + Number(row.delta), 0);
  };

  it('a cashier may not send stock, nor the manager to its own store or to a store the chain does not have', async () => {
    const seq = await documents.lastSeq();
    const lines = [{ sku: 'SUA-180', quantity: 12_000 }];
    expect((await postStock(chain.t.app, chain.q1Cashier, 'transfers', { id: newId(), toStoreId: 'store-q3', lines })).statusCode).toBe(403);
    const toSelf = await postStock(chain.t.app, chain.q1Manager, 'transfers', { id: newId(), toStoreId: 'store-q1', lines });
    expect(toSelf.statusCode).toBe(422);
    expect(toSelf.json().errors).toEqual([{ line: 0, field: 'toStoreId', message: 'a transfer goes to another store: this is the sending store' }]);
    const nowhere = await postStock(chain.t.app, chain.q1Manager, 'transfers', { id: newId(), toStoreId: 'store-q9', lines });
    expect(nowhere.statusCode).toBe(422);
    expect(nowhere.json().errors[0].message).toBe('the chain has no store store-q9');
    expect(await documents.lastSeq()).toBe(seq);
  });

  it('sent by Quận 1, in transit, received by Quận 3: sent minus received balances to zero, each step once', async () => {
    const id = newId();
    const lines = [{ sku: 'SUA-180', quantity: 12_000 }, { sku: 'THIT-BO', quantity: 2_500 }];
    const sent = await postStock(chain.t.app, chain.q1Manager, 'transfers', { id, toStoreId: 'store-q3', lines });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ id, status: 'in-transit', fromStoreId: 'store-q1', toStoreId: 'store-q3', lines: [{ sku: 'SUA-180', quantity: 12_000, stock: 36_000 }, { sku: 'THIT-BO', quantity: 2_500, stock: 10_000 }] });
    expect((await postStock(chain.t.app, chain.q1Manager, 'transfers', { id, toStoreId: 'store-q3', lines })).statusCode).toBe(200);

    expect(await stockBySku(chain.t.app, chain.q1Manager)).toMatchObject({ 'SUA-180': 36_000, 'THIT-BO': 10_000 });
    expect(await stockBySku(chain.t.app, chain.q3Manager)).toEqual({});
    expect((await transfers(chain.q1Manager)).inTransit).toEqual({ outgoing: 14_500, incoming: 0 });
    const q3View = await transfers(chain.q3Manager);
    expect(q3View.inTransit).toEqual({ outgoing: 0, incoming: 14_500 });
    expect(q3View.transfers).toMatchObject([{ id, status: 'in-transit', fromStoreName: 'Quận 1', toStoreName: 'Quận 3' }]);
    expect(await ledgerSum(id)).toBe(-14_500);
    // Quận 1's till pulls what left its shelf when it was sent.
    const milkId = chain.productIds.get('SUA-180')!;
    expect((await pullAll(chain.t.app, chain.q1Till.token, 'balances')).find((b) => b.id === `stock:store-q1:${milkId}`)).toMatchObject({ value: 36_000 });

    // Only the receiving store takes it in.
    const byQ1 = await postStock(chain.t.app, chain.q1Manager, `transfers/${id}/receive`);
    expect(byQ1.statusCode).toBe(404);
    expect((await postStock(chain.t.app, chain.q3Till.token, `transfers/${id}/receive`)).statusCode).toBe(403);

    const received = await postStock(chain.t.app, chain.q3Manager, `transfers/${id}/receive`);
    expect(received.statusCode).toBe(201);
    expect(received.json()).toMatchObject({ id, status: 'received', lines: [{ sku: 'SUA-180', stock: 12_000 }, { sku: 'THIT-BO', stock: 2_500 }] });
    const again = await postStock(chain.t.app, chain.q3Manager, `transfers/${id}/receive`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(received.json());

    expect(await stockBySku(chain.t.app, chain.q3Manager)).toEqual({ 'SUA-180': 12_000, 'THIT-BO': 2_500 });
    expect(await stockBySku(chain.t.app, chain.q1Manager)).toMatchObject({ 'SUA-180': 36_000, 'THIT-BO': 10_000 });
    expect(await ledgerSum(id)).toBe(0);
    expect((await transfers(chain.q1Manager)).inTransit).toEqual({ outgoing: 0, incoming: 0 });
    expect((await transfers(chain.q3Manager)).inTransit).toEqual({ outgoing: 0, incoming: 0 });
    // The sending again after receipt still writes nothing.
    expect((await postStock(chain.t.app, chain.q1Manager, 'transfers', { id, toStoreId: 'store-q3', lines })).statusCode).toBe(200);
    expect(await ledgerSum(id)).toBe(0);

    // Quận 3's till pulls its new balances.
    expect((await pullAll(chain.t.app, chain.q3Till.token, 'balances')).find((b) => b.id === `stock:store-q3:${milkId}`)).toMatchObject({ value: 12_000 });
  });

  it('an unknown transfer cannot be received', async () => {
    const answer = await postStock(chain.t.app, chain.q3Manager, `transfers/${newId()}/receive`);
    expect(answer.statusCode).toBe(404);
    expect(answer.json().message).toMatch(/No transfer .* is on its way to this store \(store-q3\)/);
  });
});
