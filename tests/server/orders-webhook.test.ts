/*
 * The e-commerce side sends online orders for pickup through a signed webhook; the store's tablets pull
 * them. Stories on both databases: a good delivery, a redelivery, an update that meets a handover, and
 * every way a delivery is refused (bad or missing signature, a replay, a malformed order) without a write.
 */
import { verifyPickupCode } from '../../src/domain/pickup-code.ts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDelivery } from '../../sync-server/src/routes/orders-webhook.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { countAll, enroll, openShop, pull, push } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const SECRET = 'test-webhook-secret-0123456789abcdef0123456789';

function webOrder(storeId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    storeId,
    number: `WEB-${Math.floor(Math.random() * 1e6)}`,
    status: 'ready',
    customerName: 'Phạm Thu Hà',
    customerPhone: '0901234567',
    pickupCode: '482913',
    currency: 'VND',
    lines: [{ productId: 'p-1', sku: 'SKU-p-1', name: 'Sữa tươi 1L', qty: 2000, unitPrice: 32_000, taxRate: 800, total: 64_000 }],
    total: 64_000,
    paid: true,
    placedAt: at,
    ...extra,
  };
}

describe.each(DATABASE_KINDS)('online orders webhook (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;

  beforeAll(async () => {
    t = await startTestApp(kind, 'orders-webhook', { env: { POS_WEBHOOK_SECRET: SECRET, POS_TRUST_PROXY: '127.0.0.1' } });
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    till = await enroll(t.app, 'Q1AA-BBCC-DDEE');
  });
  afterAll(async () => t?.close());

  let address = 0;
  /** Each delivery from its own address, so the refusal limit of one story does not spill into the next. */
  const deliver = (body: string, options: { timestamp?: string; signature?: string; secret?: string; ip?: string } = {}) => {
    const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
    const signature = options.signature ?? `sha256=${signDelivery(options.secret ?? SECRET, timestamp, body)}`;
    address += 1;
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/orders/webhook',
      headers: { 'content-type': 'application/json', 'x-pos-timestamp': timestamp, 'x-pos-signature': signature, 'x-forwarded-for': options.ip ?? `10.9.0.${address % 250}` },
      payload: body,
    });
  };

  it('a signed order is created for its pickup store, reaches that store with only the hash of its pickup code, and a redelivery changes nothing', async () => {
    const order = webOrder('store-q1');
    const body = JSON.stringify(order);
    const created = await deliver(body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({ orderId: order['id'], result: 'created' });
    const pulled = (await pull(t.app, till.token, 'orders')).documents.find((d) => d.id === order['id']);
    expect(pulled).toMatchObject({ status: 'ready', number: order['number'], events: [] });
    // Salted PBKDF2, checked on the tablet as it is: the right code passes, a neighbour does not.
    expect(pulled?.pickupCodeHash).toMatch(/^pbkdf2-sha256\$\d+\$/);
    expect(await verifyPickupCode(String(pulled?.pickupCodeHash), '482913')).toBe(true);
    expect(await verifyPickupCode(String(pulled?.pickupCodeHash), '482914')).toBe(false);
    expect(JSON.stringify(pulled)).not.toContain('482913"');
    expect(pulled).not.toHaveProperty('pickupCode');

    const before = await countAll(t.store);
    const again = await deliver(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ orderId: order['id'], result: 'unchanged' });
    expect(await countAll(t.store)).toEqual(before);
  });

  it('a cancellation after the store handed the order over keeps it handed over and flags it for a manager', async () => {
    const order = webOrder('store-q1');
    expect((await deliver(JSON.stringify(order))).statusCode).toBe(201);
    const stored = (await pull(t.app, till.token, 'orders')).documents.find((d) => d.id === order['id'])!;
    const handover = { id: uuidv7(), type: 'handed_over', at: new Date().toISOString(), deviceId: till.deviceId };
    const handedOver = await push(t.app, till.token, 'orders', [
      { assumedMasterState: stored, newDocumentState: { ...stored, status: 'picked_up', events: [handover] } },
    ]);
    expect(handedOver.statusCode).toBe(200);

    const cancelled = await deliver(JSON.stringify({ ...order, status: 'cancelled' }));
    expect(cancelled.json()).toEqual({ orderId: order['id'], result: 'updated' });
    const after = (await pull(t.app, till.token, 'orders')).documents.find((d) => d.id === order['id']);
    expect(after).toMatchObject({ status: 'picked_up', events: [handover], flags: [{ code: 'handover-after-cancellation', eventId: handover.id }] });
  });

  it('a wrong secret, a tampered body, a missing or malformed signature and a missing timestamp are 401, and nothing is written', async () => {
    const before = await countAll(t.store);
    const body = JSON.stringify(webOrder('store-q1'));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const answers = [
      await deliver(body, { secret: 'another-secret-of-at-least-32-characters!!' }),
      await deliver(body.replace('64000', '1'), { timestamp, signature: `sha256=${signDelivery(SECRET, timestamp, body)}` }),
      await deliver(body, { signature: '' }),
      await deliver(body, { signature: 'sha1=abc' }),
      await deliver(body, { timestamp: 'yesterday' }),
    ];
    for (const answer of answers) {
      expect(answer.statusCode, answer.body).toBe(401);
      expect(answer.json().error).toBe('bad_signature');
    }
    expect(answers[0]!.json().message).toMatch(/X-POS-Signature does not match/);
    expect(answers[3]!.json().message).toMatch(/sha256=<64 hex digits>/);
    expect(answers[4]!.json().message).toMatch(/X-POS-Timestamp must be/);
    expect(await countAll(t.store)).toEqual(before);
  });

  it('a correctly signed delivery replayed more than 5 minutes later is refused', async () => {
    const before = await countAll(t.store);
    const sixMinutesAgo = String(Math.floor(Date.now() / 1000) - 6 * 60);
    const replay = await deliver(JSON.stringify(webOrder('store-q1')), { timestamp: sixMinutesAgo });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().message).toMatch(/X-POS-Timestamp is 3[56]\d seconds away from the server's clock \(at most 300\)/);
    expect(await countAll(t.store)).toEqual(before);
  });

  it('a signed but malformed order is 400 naming the field; another store id is 409', async () => {
    const before = await countAll(t.store);
    const cases: Array<[string, RegExp]> = [
      [JSON.stringify(webOrder('store-q1', { total: '64000' })), /^body\/total must be integer$/],
      [JSON.stringify(webOrder('store-q1', { status: 'lost' })), /^body\/status must be equal to one of the allowed values$/],
      [JSON.stringify({ ...webOrder('store-q1'), lines: undefined }), /^body must have required property 'lines'$/],
      [JSON.stringify(webOrder('store-q1', { events: [] })), /^body has unknown field "events"$/],
      [JSON.stringify(webOrder('store-q1', { pickupCode: '12' })), /^body\/pickupCode must match pattern/],
      [JSON.stringify(webOrder('store-q9')), /^body\/storeId "store-q9" is no store of this server$/],
      ['{"id": "x", ', /^The request body is not valid JSON/],
      ['{"__proto__": {"admin": true}}', /^The request body is not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const answer = await deliver(body);
      expect(answer.statusCode, body).toBe(400);
      expect(answer.json().message).toMatch(message);
    }
    expect(await countAll(t.store)).toEqual(before);

    const order = webOrder('store-q1');
    expect((await deliver(JSON.stringify(order))).statusCode).toBe(201);
    const moved = await deliver(JSON.stringify({ ...order, storeId: 'store-q3' }));
    expect(moved.statusCode).toBe(409);
    expect(moved.json().message).toMatch(/belongs to store "store-q1"/);
  });
});

describe('online orders webhook without a secret', () => {
  it('answers 503 saying the webhook is off, and writes nothing', async () => {
    const t = await startTestApp('sqlite', 'orders-webhook-off');
    try {
      const before = await countAll(t.store);
      const answer = await t.app.inject({ method: 'POST', url: '/api/v1/orders/webhook', headers: { 'content-type': 'application/json' }, payload: '{}' });
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toEqual({ error: 'webhook_disabled', message: 'The orders webhook is off: the server has no POS_WEBHOOK_SECRET set' });
      expect(await countAll(t.store)).toEqual(before);
    } finally {
      await t.close();
    }
  });
});
