/*
 * The sync server at a store's real volumes, on both databases: 2,000 realistic sales (3-8 lines, embedded
 * ledger) in one push, pushed again and again, and a new tablet's first catalog pull of 100,000 products in
 * pages of 10,000. These tests check what is stored and served at that size (every sale and movement once,
 * every product once, in order); how fast is measured in `npm run bench` (server_ingest_*, catalog_sync_100k_ms),
 * not asserted here, where a slow or busy CI machine would make a time bound either flaky or meaningless.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import type { DocumentWrite } from '../../sync-server/src/store/documents-repository.ts';
import { generateProduct } from '../../sync-server/src/seed/catalog.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { asNew, countDocuments, pull, push, pushBody, realisticSale, startOneTillShop } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice, PullAnswer } from './helpers/shop.test-helper.ts';

const SALES = 2000;
const ROUNDS = 2;
const PRODUCTS = 100_000;
const PAGE = 10_000;

describe.each(DATABASE_KINDS)('sync at a store\'s volumes (%s)', (kind) => {
  let t: TestApp;
  let device: EnrolledDevice;

  beforeAll(async () => {
    ({ t, till: device } = await startOneTillShop(kind, 'sync-perf'));
  }, 120_000);
  afterAll(async () => t?.close());

  it('stores 2,000 realistic sales pushed in one request with every ledger movement, once each, round after round', async () => {
    // Warm-up: a small push compiles validators and prepares statements, as a running server would have.
    await push(t.app, device.token, 'sales', asNew(Array.from({ length: 20 }, (_, i) => realisticSale(device, 100_000 + i))));
    let payload = '';
    for (let round = 0; round < ROUNDS; round++) {
      const salesBefore = await countDocuments(t.store, 'sales');
      const ledgerBefore = await countDocuments(t.store, 'ledger');
      const sales = Array.from({ length: SALES }, (_, i) => realisticSale(device, i));
      // The body as the tablet sends it: serialising it is the client's work, not the server's.
      payload = JSON.stringify(asNew(sales));
      const ledgerEntries = sales.reduce((n, s) => n + (s.ledger?.length ?? 0), 0);
      const response = await pushBody(t.app, device.token, 'sales', payload);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual([]);
      expect(await countDocuments(t.store, 'sales')).toBe(salesBefore + SALES);
      expect(await countDocuments(t.store, 'ledger')).toBe(ledgerBefore + ledgerEntries);
    }
    // The same sales once more (a tablet whose acknowledgement was lost): nothing new.
    const salesBefore = await countDocuments(t.store, 'sales');
    const ledgerBefore = await countDocuments(t.store, 'ledger');
    const again = await pushBody(t.app, device.token, 'sales', payload);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual([]);
    expect(await countDocuments(t.store, 'sales')).toBe(salesBefore);
    expect(await countDocuments(t.store, 'ledger')).toBe(ledgerBefore);
  }, 120_000);

  it('serves a new tablet 100,000 products in pages of 10,000, each product once and in sequence order', async () => {
    const documents = new DocumentsRepository(t.store);
    const updatedAt = new Date().toISOString();
    for (let start = 0; start < PRODUCTS; start += 5000) {
      const batch: DocumentWrite[] = [];
      for (let i = start; i < start + 5000; i++) {
        const product = generateProduct(i, updatedAt);
        batch.push({ collection: 'products', id: product.id, storeId: null, body: product });
      }
      await documents.put(batch);
    }
    let checkpoint: PullAnswer['checkpoint'] = null;
    let received = 0;
    let lastSeq = 0;
    const ids = new Set<string>();
    for (;;) {
      const query: URLSearchParams = new URLSearchParams({ id: checkpoint?.id ?? '', seq: String(checkpoint?.seq ?? 0), limit: String(PAGE) });
      const response: LightMyRequestResponse = await t.app.inject({ method: 'GET', url: `/api/v1/sync/products/pull?${query}`, headers: { authorization: `Bearer ${device.token}` } });
      expect(response.statusCode).toBe(200);
      const page: PullAnswer = JSON.parse(response.body) as PullAnswer;
      received += page.documents.length;
      for (const document of page.documents) ids.add(String(document['id']));
      if (page.documents.length > 0) {
        expect(page.checkpoint?.seq).toBeGreaterThan(lastSeq);
        lastSeq = page.checkpoint?.seq ?? lastSeq;
      }
      if (page.documents.length < PAGE) break;
      checkpoint = page.checkpoint;
    }
    expect(received).toBe(PRODUCTS);
    expect(ids.size).toBe(PRODUCTS);
    const first = await pull(t.app, device.token, 'products', null, 1);
    expect(first.documents[0]).toMatchObject({ _deleted: false, barcodes: expect.any(Array) });
  }, 120_000);
});
