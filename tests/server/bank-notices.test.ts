/*
 * A bank transfer confirmed by the bank, on both databases: the tablet registers the bank-QR payment it waits
 * for, SePay or payOS tells the server of the transfer, and the payment the note and the exact amount name is
 * confirmed and reaches the store's tablets; refused notices store nothing; a notice told twice changes
 * nothing; a transfer that pays nothing is kept and reported to the store whose account received it.
 */
import { createHmac } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConfigDocument } from '../../src/data/schemas/types.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { openSse } from './helpers/sse.test-helper.ts';
import { bearer, enroll, openShop, pull, serverWrites, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const SEPAY_KEY = 'sk_live_7Q2w9E4r6T8y0U1i3O5p';
const PAYOS_KEY = '9c3f1a7e5b2d8c4f6a0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a';
const Q1_ACCOUNT = '0123499999';
const Q3_ACCOUNT = '0987000111';

let transaction = 90_000;

/** Now as the banks' notifiers write it: Vietnam time, "YYYY-MM-DD HH:MM:SS" (a transfer older than the kept notices is ignored). */
function vietnamNow(): string {
  return new Date(Date.now() + 7 * 60 * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

function sepayBody(amount: number, content: string, account = Q1_ACCOUNT, id = (transaction += 1)): string {
  return JSON.stringify({
    id,
    gateway: 'Vietcombank',
    transactionDate: vietnamNow(),
    accountNumber: account,
    code: null,
    content,
    transferType: 'in',
    transferAmount: amount,
    accumulated: 19_077_000,
    subAccount: null,
    referenceCode: `MBVCB.${id}`,
    description: '',
  });
}

/** payOS's signature as its docs describe it: data's keys sorted, "k=v" joined by "&", null as "". */
function payosBody(amount: number, description: string, key = PAYOS_KEY): string {
  transaction += 1;
  const data: Record<string, string | number | null> = {
    orderCode: transaction,
    amount,
    description,
    accountNumber: Q1_ACCOUNT,
    reference: `FT26124${transaction}`,
    transactionDateTime: vietnamNow(),
    currency: 'VND',
    paymentLinkId: 'f1e2d3c4b5a697887766554433221100',
    code: '00',
    desc: 'Thành công',
    counterAccountBankId: '',
    counterAccountBankName: '',
    counterAccountName: null,
    counterAccountNumber: '',
    virtualAccountName: '',
    virtualAccountNumber: '',
  };
  const text = Object.keys(data)
    .sort()
    .map((k) => `${k}=${data[k] ?? ''}`)
    .join('&');
  return JSON.stringify({ code: '00', desc: 'success', success: true, data, signature: createHmac('sha256', key).update(text).digest('hex') });
}

describe.each(DATABASE_KINDS)('bank transfers confirmed by the bank (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let q3Till: EnrolledDevice;

  beforeAll(async () => {
    t = await startTestApp(kind, 'bank-notices', { env: { POS_SEPAY_API_KEY: SEPAY_KEY, POS_PAYOS_CHECKSUM_KEY: PAYOS_KEY, POS_TRUST_PROXY: '127.0.0.1' } });
    for (const [storeId, name, code, account] of [
      ['store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE', Q1_ACCOUNT],
      ['store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE', Q3_ACCOUNT],
    ] as const) {
      await openShop(t.store, storeId, name, code);
      const config = (await t.app.documents.get('config', storeId))!.body as StoreConfigDocument;
      await serverWrites(t.store, [{ collection: 'config', id: storeId, storeId, body: { ...config, store: { ...config.store, bank: { bin: '970436', accountNumber: account, accountName: 'CUA HANG' } } } }]);
    }
    till = await enroll(t.app, 'Q1AA-BBCC-DDEE');
    q3Till = await enroll(t.app, 'Q3AA-BBCC-DDEE');
  });
  afterAll(async () => t?.close());

  let address = 0;
  const sepay = (body: string, authorization: string | null = `Apikey ${SEPAY_KEY}`) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhooks/sepay',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.8.${(address += 1) % 250}.1`, ...(authorization === null ? {} : { authorization }) },
      payload: body,
    });
  const payos = (body: string) => t.app.inject({ method: 'POST', url: '/api/v1/payments/webhooks/payos', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.8.${(address += 1) % 250}.2` }, payload: body });
  const waitFor = async (device: EnrolledDevice, reference: string, amount: number) => {
    const answer = await t.app.inject({ method: 'POST', url: '/api/v1/payments/bank-qr', headers: bearer(device.token), payload: { id: uuidv7(), reference, amount, currency: 'VND' } });
    expect(answer.statusCode, answer.body).toBe(201);
    return answer.json<{ payment: { id: string; status: string } }>().payment;
  };
  const payment = async (id: string) => (await t.app.documents.get('payments', id))?.body;
  const noticeCount = async () => Number((await t.store.db.selectFrom('bank_notices').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('a tablet waits for a QR payment; the SePay notice with the sale number and the amount confirms it, and the tablet pulls it confirmed', async () => {
    const waiting = await waitFor(till, 'Q1-T03-000123', 125_000);
    expect(waiting.status).toBe('waiting');
    const body = sepayBody(125_000, 'MBVCB.3278907687.Q1T03000123.CT tu 0123 NGUYEN VAN A');
    const answer = await sepay(body);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({ success: true, result: 'matched' });
    expect(await payment(waiting.id)).toMatchObject({ status: 'confirmed', bank: { provider: 'sepay', amount: 125_000, accountNumber: Q1_ACCOUNT } });
    const pulled = (await pull(t.app, till.token, 'payments')).documents.find((d) => d.id === waiting.id);
    expect(pulled).toMatchObject({ status: 'confirmed', reference: 'Q1-T03-000123', amount: 125_000 });
    expect((await pull(t.app, q3Till.token, 'payments')).documents.find((d) => d.id === waiting.id)).toBeUndefined();

    const before = (await t.app.documents.get('payments', waiting.id))!.seq;
    const again = await sepay(body);
    expect(again.json()).toEqual({ success: true, result: 'duplicate' });
    expect((await t.app.documents.get('payments', waiting.id))!.seq).toBe(before);
  });

  it('the confirmation reaches the waiting tablet on its event stream, and no tablet of another store', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address() as { port: number };
    const url = `http://127.0.0.1:${address.port}/api/v1/sync/stream`;
    const mine = await openSse(url, till.token);
    const other = await openSse(url, q3Till.token);
    try {
      await mine.waitFor((e) => e.event === 'ready');
      await other.waitFor((e) => e.event === 'ready');
      const waiting = await waitFor(till, 'Q1-T03-000131', 99_000);
      await sepay(sepayBody(99_000, `QR Q1-T03-000131 ${waiting.id.slice(0, 4)}`));
      const change = await mine.waitFor((e) => e.event === 'change' && e.data.includes('"status":"confirmed"') && e.data.includes(waiting.id));
      expect(JSON.parse(change.data)).toMatchObject({ collection: 'payments', documents: [expect.objectContaining({ id: waiting.id, status: 'confirmed' })] });
      expect(other.events.some((e) => e.data.includes(waiting.id))).toBe(false);
    } finally {
      mine.close();
      other.close();
    }
  });

  it('a transfer of another amount confirms nothing: kept, and reported to the store whose account received it', async () => {
    const waiting = await waitFor(till, 'Q1-T03-000124', 80_000);
    const answer = await sepay(sepayBody(79_000, 'Q1T03000124'));
    expect(answer.json()).toEqual({ success: true, result: 'unmatched' });
    expect((await payment(waiting.id))?.status).toBe('waiting');
    const manager = await signIn(t.app, till, 'store-q1-manager', '999999');
    const incidents = await t.app.inject({ method: 'GET', url: '/api/v1/incidents?kind=bank-notice-unmatched', headers: bearer(manager) });
    expect(incidents.json().incidents).toEqual([expect.objectContaining({ kind: 'bank-notice-unmatched', detail: expect.objectContaining({ amount: 79_000, note: 'Q1T03000124', why: 'no-waiting-payment' }) })]);
    const q3Manager = await signIn(t.app, q3Till, 'store-q3-manager', '999999');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/incidents?kind=bank-notice-unmatched', headers: bearer(q3Manager) })).json().incidents).toEqual([]);
  });

  it("a transfer into another store's account never confirms this store's payment", async () => {
    const waiting = await waitFor(till, 'Q1-T03-000125', 50_000);
    const answer = await sepay(sepayBody(50_000, 'Q1T03000125', Q3_ACCOUNT));
    expect(answer.json().result).toBe('unmatched');
    expect((await payment(waiting.id))?.status).toBe('waiting');
  });

  it('a payOS notice signed with the checksum key confirms; a bad or missing signature, or a wrong SePay key, is 401 and stores nothing', async () => {
    const waiting = await waitFor(till, 'Q1-T03-000126', 64_000);
    const before = await noticeCount();
    const refused = [
      await payos(payosBody(64_000, 'Q1T03000126', '0'.repeat(64))),
      await payos(payosBody(64_000, 'Q1T03000126').replace(/"signature":"[0-9a-f]+"/, '"signature":""')),
      await payos(payosBody(64_000, 'Q1T03000126').replace('"amount":64000', '"amount":640000')),
      await sepay(sepayBody(64_000, 'Q1T03000126'), 'Apikey sk_wrong_0123456789'),
      await sepay(sepayBody(64_000, 'Q1T03000126'), null),
    ];
    for (const answer of refused) {
      expect(answer.statusCode, answer.body).toBe(401);
      expect(answer.json().error).toBe('bad_signature');
    }
    expect(refused[4]!.json().message).toMatch(/Authorization is missing/);
    expect(await noticeCount()).toBe(before);
    expect((await payment(waiting.id))?.status).toBe('waiting');

    const good = await payos(payosBody(64_000, 'CUSTOMER Q1T03000126 FT26124'));
    expect(good.json()).toEqual({ success: true, result: 'matched' });
    expect(await payment(waiting.id)).toMatchObject({ status: 'confirmed', bank: { provider: 'payos' } });
  });

  it('a transfer that arrives before its payment is registered confirms it as it is registered', async () => {
    await sepay(sepayBody(45_000, 'THANH TOAN Q1-T03-000127'));
    const answer = await t.app.inject({ method: 'POST', url: '/api/v1/payments/bank-qr', headers: bearer(till.token), payload: { id: uuidv7(), reference: 'Q1-T03-000127', amount: 45_000, currency: 'VND' } });
    expect(answer.statusCode).toBe(201);
    expect(answer.json().payment).toMatchObject({ status: 'confirmed', bank: { provider: 'sepay', amount: 45_000 } });
  });

  it('a cancelled wait confirms nothing later; a confirmed one cannot be cancelled; registering twice is one payment', async () => {
    const id = uuidv7();
    const request = { id, reference: 'Q1-T03-000128', amount: 30_000, currency: 'VND' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/payments/bank-qr', headers: bearer(till.token), payload: request })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/payments/bank-qr', headers: bearer(till.token), payload: request })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/payments/bank-qr', headers: bearer(till.token), payload: { ...request, amount: 31_000 } })).statusCode).toBe(409);
    const cancelled = await t.app.inject({ method: 'DELETE', url: `/api/v1/payments/bank-qr/${id}`, headers: bearer(till.token) });
    expect(cancelled.json().payment.status).toBe('cancelled');
    expect((await sepay(sepayBody(30_000, 'Q1T03000128'))).json().result).toBe('unmatched');
    expect((await payment(id))?.status).toBe('cancelled');

    const paid = await waitFor(till, 'Q1-T03-000129', 20_000);
    await sepay(sepayBody(20_000, 'Q1T03000129'));
    const late = await t.app.inject({ method: 'DELETE', url: `/api/v1/payments/bank-qr/${paid.id}`, headers: bearer(till.token) });
    expect(late.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/payments/bank-qr/${paid.id}`, headers: bearer(q3Till.token) })).statusCode).toBe(404);
  });

  it('refuses a payment in another currency or without a usable reference, and pushes of payments', async () => {
    const usd = await t.app.inject({ method: 'POST', url: '/api/v1/payments/bank-qr', headers: bearer(till.token), payload: { id: uuidv7(), reference: 'Q1-T03-000130', amount: 1999, currency: 'USD' } });
    expect(usd.statusCode).toBe(400);
    const dashes = await t.app.inject({ method: 'POST', url: '/api/v1/payments/bank-qr', headers: bearer(till.token), payload: { id: uuidv7(), reference: '--------', amount: 1000, currency: 'VND' } });
    expect(dashes.statusCode).toBe(400);
    expect(dashes.json().message).toMatch(/4 letters or digits/);
    const pushed = await t.app.inject({ method: 'POST', url: '/api/v1/sync/payments/push', headers: bearer(till.token), payload: [] });
    expect(pushed.statusCode).toBe(403);
  });
});
