/*
 * Compressed pushes (Content-Encoding: gzip), on each database: stored exactly like the same push sent
 * plain; a body that is not gzip, an encoding the server does not speak, and a small body that inflates
 * beyond the push limit (a "zip bomb") are each refused with a clear 4xx and nothing written.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { asNew, countAll, pullAll, pushBody, ringUpSale, startOneTillShop } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

describe.each(DATABASE_KINDS)('gzip-compressed pushes (%s)', (kind) => {
  let t: TestApp;
  let device: EnrolledDevice;

  beforeAll(async () => {
    ({ t, till: device } = await startOneTillShop(kind, 'sync-gzip'));
  });
  afterAll(async () => t?.close());

  const pushRaw = (payload: Buffer | string, encoding?: string) => pushBody(t.app, device.token, 'sales', payload, encoding);

  it('stores a compressed push of sales exactly as the same sales sent plain, ledger and stock included', async () => {
    const sales = Array.from({ length: 50 }, () => ringUpSale(device, [{ productId: 'p-1', qty: 1000, unitPrice: 25_000 }]));
    const response = await pushRaw(gzipSync(JSON.stringify(asNew(sales))), 'gzip');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
    const stored = await pullAll(t.app, device.token, 'sales');
    for (const sale of sales) expect(stored.find((d) => d.id === sale.id)).toMatchObject({ number: sale.number, totals: sale.totals });
    const ledger = await pullAll(t.app, device.token, 'ledger');
    expect(ledger.filter((entry) => sales.some((sale) => sale.id === entry['sourceId']))).toHaveLength(sales.reduce((n, s) => n + (s.ledger?.length ?? 0), 0));
    // The same push again, plain this time: a retry, nothing changes.
    const before = await countAll(t.store);
    expect((await pushRaw(JSON.stringify(asNew(sales)))).json()).toEqual([]);
    expect(await countAll(t.store)).toEqual(before);
  });

  it('refuses a body that is not gzip, an unknown encoding and a zip bomb, writing nothing', async () => {
    const before = await countAll(t.store);
    const sale = ringUpSale(device, [{ productId: 'p-2', qty: 1000, unitPrice: 10_000 }]);

    const notGzip = await pushRaw(JSON.stringify(asNew([sale])), 'gzip');
    expect(notGzip.statusCode).toBe(400);
    expect(notGzip.json().message).toMatch(/^The request body is not valid gzip/);

    const brotli = await pushRaw(JSON.stringify(asNew([sale])), 'br');
    expect(brotli.statusCode).toBe(415);
    expect(brotli.json().message).toBe('Content-Encoding "br" is not accepted: send the body as it is or gzip-compressed');

    // 21 MB of spaces around a valid push: about 20 kB compressed, over the 20 MB limit once inflated.
    const bomb = gzipSync(`${' '.repeat(21 * 1024 * 1024)}${JSON.stringify(asNew([sale]))}`);
    expect(bomb.length).toBeLessThan(100_000);
    const inflated = await pushRaw(bomb, 'gzip');
    expect(inflated.statusCode).toBe(413);
    expect(inflated.json().message).toBe('The request body is larger than the limit of 20971520 bytes');

    expect(await countAll(t.store)).toEqual(before);
  });
});
