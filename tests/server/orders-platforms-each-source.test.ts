/*
 * Issue 15's proof, "server tests on both databases for every source": each shop platform (Shopify,
 * WooCommerce, Haravan) in turn, through its own signed webhook, meets the same stories: a redelivery
 * stores nothing new, an older update arriving last changes nothing, a cancellation applies once, a
 * cancellation that meets a handover at the counter (either way round) keeps both facts and is flagged
 * once for the manager, an unknown SKU is kept as a named line, and money is read exactly in the
 * currency's minor units or refused naming the field. The generic webhook's own stories are in
 * orders-webhook.test.ts; the first Shopify-only versions of these in orders-platforms.test.ts.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDocument, ProductDocument } from '../../src/data/schemas/types.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { base64Hmac, bigId, haravanOrder, platformJson, shopifyOrder, wooOrder } from './helpers/platform-payloads.test-helper.ts';
import type { PlatformLine } from './helpers/platform-payloads.test-helper.ts';
import { countAll, enroll, openShop, pull, push, serverWrites } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

type Platform = 'shopify' | 'woocommerce' | 'haravan';
const PLATFORMS: readonly Platform[] = ['shopify', 'woocommerce', 'haravan'];

const SECRETS: Record<Platform, string> = {
  shopify: 'shpss_each_source_0123456789abcdef01',
  woocommerce: 'woo-each-source-secret-7f3a9c1e5b2d',
  haravan: 'haravan-each-source-secret-4b8e2f6a',
};
const HEADERS: Record<Platform, { signature: string; topic: string; delivery?: string }> = {
  shopify: { signature: 'x-shopify-hmac-sha256', topic: 'x-shopify-topic', delivery: 'x-shopify-webhook-id' },
  woocommerce: { signature: 'x-wc-webhook-signature', topic: 'x-wc-webhook-topic', delivery: 'x-wc-webhook-delivery-id' },
  haravan: { signature: 'x-haravan-hmacsha256', topic: 'x-haravan-topic' },
};
const TOPICS: Record<Platform, { create: string; update: string; cancel: string }> = {
  shopify: { create: 'orders/create', update: 'orders/updated', cancel: 'orders/cancelled' },
  woocommerce: { create: 'order.created', update: 'order.updated', cancel: 'order.updated' },
  haravan: { create: 'orders/create', update: 'orders/updated', cancel: 'orders/cancelled' },
};

interface OrderVersion {
  /** The platform's own order id. */
  id: string;
  /** Minutes after 10:00 (Vietnam) on the order's day when the platform last changed it. */
  minute: number;
  paid?: boolean;
  cancelled?: boolean;
  currency?: string;
  lines?: PlatformLine[];
  total?: string;
}

/** The order as each platform writes it (its shape, its money, its clock). */
function platformBody(platform: Platform, version: OrderVersion): string {
  const minute = String(version.minute).padStart(2, '0');
  const lines = version.lines ?? [{ sku: 'SUA-1L', name: 'Sữa tươi 1L', quantity: 2, price: '32000' }];
  const total = version.total ?? '64000';
  if (platform === 'shopify') {
    const decimal = (text: string) => (text.includes('.') ? text : `${text}.00`);
    return platformJson(
      shopifyOrder({
        id: version.id,
        ...(version.currency === undefined ? {} : { currency: version.currency }),
        lines: lines.map((line) => ({ ...line, price: decimal(line.price) })),
        total: decimal(total),
        financialStatus: version.paid === false ? 'pending' : 'paid',
        updatedAt: `2026-05-04T10:${minute}:00+07:00`,
        cancelledAt: version.cancelled ? `2026-05-04T10:${minute}:00+07:00` : null,
      }),
    );
  }
  if (platform === 'woocommerce') {
    return platformJson(
      wooOrder({
        id: Number(version.id),
        status: version.cancelled ? 'cancelled' : 'processing',
        ...(version.currency === undefined ? {} : { currency: version.currency }),
        lines,
        total,
        paid: version.paid !== false,
        modified: `2026-05-04T03:${minute}:00`,
      }),
    );
  }
  const fourDecimals = (text: string) => (text.includes('.') ? text : `${text}.0000`);
  return platformJson({
    ...haravanOrder({
      id: version.id,
      lines: lines.map((line) => ({ ...line, price: fourDecimals(line.price) })),
      total: fourDecimals(total),
      cancelled: version.cancelled === true,
      updatedAt: `2026-05-04T03:${minute}:00.000Z`,
    }),
    financial_status: version.paid === false ? 'pending' : 'paid',
    currency: version.currency ?? 'VND',
    ...(version.cancelled ? { cancelled_at: `2026-05-04T03:${minute}:00.000Z` } : {}),
  });
}

let wooIds = 7100;
/** A fresh platform order id in the platform's own form. */
function newOrderId(platform: Platform): string {
  if (platform === 'shopify') return bigId();
  if (platform === 'woocommerce') return String((wooIds += 1));
  return String(1_000_900_000 + (wooIds += 1));
}

function product(sku: string, name: string, barcodes: ProductDocument['barcodes'] = []): ProductDocument {
  return { id: uuidv7(), sku, name, searchName: name.toLowerCase(), barcodes, price: 32_000, taxClassId: 'vat8', unit: 'pcs', weighed: false, active: true, updatedAt: new Date().toISOString() };
}

describe.each(DATABASE_KINDS)('every shop platform meets the same stories (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let milk: ProductDocument;
  let address = 0;

  beforeAll(async () => {
    t = await startTestApp(kind, 'orders-each-source', {
      env: {
        POS_SHOPIFY_WEBHOOK_SECRET: SECRETS.shopify,
        POS_WOOCOMMERCE_WEBHOOK_SECRET: SECRETS.woocommerce,
        POS_HARAVAN_WEBHOOK_SECRET: SECRETS.haravan,
        POS_TRUST_PROXY: '127.0.0.1',
      },
    });
    // One store: every platform's orders go to it (store.onlineLocations is for chains).
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    milk = product('SUA-1L', 'Sữa tươi 1L', ['8934673123456']);
    await serverWrites(t.store, [{ collection: 'products', id: milk.id, storeId: null, body: milk }]);
    till = await enroll(t.app, 'Q1AA-BBCC-DDEE');
  });
  afterAll(async () => t?.close());

  const deliver = (platform: Platform, body: string, options: { topic?: string; deliveryId?: string; secret?: string | null } = {}) => {
    const h = HEADERS[platform];
    address += 1;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${address % 250}.1`, [h.topic]: options.topic ?? TOPICS[platform].create };
    if (options.secret !== null) headers[h.signature] = base64Hmac(options.secret ?? SECRETS[platform], body);
    if (h.delivery !== undefined) headers[h.delivery] = options.deliveryId ?? uuidv7();
    return t.app.inject({ method: 'POST', url: `/api/v1/orders/webhooks/${platform}`, headers, payload: body });
  };
  const applied = async () => {
    await t.app.orderInbox.applyPending();
    await t.app.pickupCodes.hashPending();
  };
  const stored = async (orderId: string) => t.app.documents.get('orders', orderId);
  const inboxRows = async () => Number((await t.store.db.selectFrom('order_inbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const incidentsOf = async (orderId: string, incidentKind: string) =>
    t.store.db.selectFrom('incidents').select(['kind', 'detail']).where('document_id', '=', orderId).where('kind', '=', incidentKind).execute();
  /** The tablet marks the order ready and hands it over in full, pushing from the version it holds. */
  const handOverAtCounter = async (held: Record<string, unknown>) => {
    const at = Date.now();
    const events = [
      { id: uuidv7(), type: 'marked_ready', at: new Date(at).toISOString(), deviceId: till.deviceId },
      { id: uuidv7(), type: 'handed_over', at: new Date(at + 1000).toISOString(), deviceId: till.deviceId, staffId: 'store-q1-cashier' },
    ];
    const pushed = await push(t.app, till.token, 'orders', [{ assumedMasterState: held, newDocumentState: { ...held, events } }]);
    expect(pushed.statusCode, pushed.body).toBe(200);
    return events[1]!;
  };
  const heldOnTablet = async (orderId: string) => {
    const held = (await pull(t.app, till.token, 'orders')).documents.find((d) => d.id === orderId);
    expect(held, 'the order on the tablet').toBeDefined();
    return held!;
  };

  it.each(PLATFORMS)('%s: a redelivery stores nothing, and the same order sent again changes nothing', async (platform) => {
    const body = platformBody(platform, { id: newOrderId(platform), minute: 5 });
    const first = await deliver(platform, body, { deliveryId: `same-${platform}-${kind}` });
    expect(first.statusCode, first.body).toBe(202);
    const orderId = first.json<{ orderId: string }>().orderId;
    await applied();
    expect((await stored(orderId))?.body).toMatchObject({ source: platform, status: 'pending', paid: true, total: 64_000 });
    const before = await countAll(t.store);
    const inboxBefore = await inboxRows();

    const again = await deliver(platform, body, { deliveryId: `same-${platform}-${kind}` });
    if (HEADERS[platform].delivery !== undefined) {
      // The platform's delivery id says it is the same delivery: not even the inbox keeps it twice.
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ result: 'duplicate', orderId });
      expect(await inboxRows()).toBe(inboxBefore);
    } else {
      // Haravan sends no delivery id: the delivery is kept and applied, and changes nothing.
      expect(again.statusCode).toBe(202);
      expect(again.json()).toEqual({ result: 'accepted', orderId });
    }
    const resent = await deliver(platform, body);
    expect(resent.statusCode).toBe(202);
    await applied();
    expect(await countAll(t.store)).toEqual(before);
  });

  it.each(PLATFORMS)('%s: an older update arriving last changes nothing, and a cancellation applies once', async (platform) => {
    const id = newOrderId(platform);
    const created = await deliver(platform, platformBody(platform, { id, minute: 5, paid: false }));
    const paid = platformBody(platform, { id, minute: 20, paid: true });
    await deliver(platform, paid, { topic: TOPICS[platform].update });
    await deliver(platform, platformBody(platform, { id, minute: 10, paid: false }), { topic: TOPICS[platform].update });
    await applied();
    const orderId = created.json<{ orderId: string }>().orderId;
    expect((await stored(orderId))?.body).toMatchObject({ paid: true, status: 'pending', sourceUpdatedAt: '2026-05-04T03:20:00.000Z' });

    const cancel = platformBody(platform, { id, minute: 30, paid: true, cancelled: true });
    await deliver(platform, cancel, { topic: TOPICS[platform].cancel });
    await applied();
    const afterCancel = await stored(orderId);
    expect(afterCancel?.body.status).toBe('cancelled');
    await deliver(platform, cancel, { topic: TOPICS[platform].cancel });
    await deliver(platform, paid, { topic: TOPICS[platform].update });
    await applied();
    expect((await stored(orderId))?.seq).toBe(afterCancel?.seq);
    expect((await stored(orderId))?.body.status).toBe('cancelled');
  });

  it.each(PLATFORMS)('%s: cancelled online after the counter handed the order over, it stays handed over and is flagged once', async (platform) => {
    const id = newOrderId(platform);
    const created = await deliver(platform, platformBody(platform, { id, minute: 5 }));
    await applied();
    const orderId = created.json<{ orderId: string }>().orderId;
    const handover = await handOverAtCounter(await heldOnTablet(orderId));
    expect((await stored(orderId))?.body.status).toBe('picked_up');

    const cancel = platformBody(platform, { id, minute: 40, cancelled: true });
    await deliver(platform, cancel, { topic: TOPICS[platform].cancel });
    await applied();
    await deliver(platform, cancel, { topic: TOPICS[platform].cancel });
    await applied();
    const order = (await stored(orderId))?.body as OrderDocument;
    expect(order.status).toBe('picked_up');
    expect(order.flags).toEqual([expect.objectContaining({ code: 'handover-after-cancellation', eventId: handover.id })]);
    expect(order.events.filter((event) => event.type === 'handed_over')).toHaveLength(1);
    expect(await incidentsOf(orderId, 'order-flag')).toHaveLength(1);
  });

  it.each(PLATFORMS)('%s: a handover made offline and pushed after the online cancellation keeps both facts, flagged once', async (platform) => {
    const id = newOrderId(platform);
    const created = await deliver(platform, platformBody(platform, { id, minute: 5 }));
    await applied();
    const orderId = created.json<{ orderId: string }>().orderId;
    // The tablet holds the order as it was before the shop cancelled it, and goes offline.
    const held = await heldOnTablet(orderId);
    await deliver(platform, platformBody(platform, { id, minute: 40, cancelled: true }), { topic: TOPICS[platform].cancel });
    await applied();
    expect((await stored(orderId))?.body.status).toBe('cancelled');

    const handover = await handOverAtCounter(held);
    const order = (await stored(orderId))?.body as OrderDocument;
    // The goods left the store: the order says so, and the flag says it had been cancelled online.
    expect(order.status).toBe('picked_up');
    expect(order.flags).toEqual([expect.objectContaining({ code: 'handover-after-cancellation', eventId: handover.id })]);
    expect(order.events.find((event) => event.id === handover.id)).toMatchObject({ type: 'handed_over', staffId: 'store-q1-cashier', deviceId: till.deviceId });
    expect(await incidentsOf(orderId, 'order-flag')).toHaveLength(1);
    // The shop's later word on the cancellation overwrites nothing the counter did.
    await deliver(platform, platformBody(platform, { id, minute: 45, cancelled: true }), { topic: TOPICS[platform].update });
    await applied();
    expect((await stored(orderId))?.body).toMatchObject({ status: 'picked_up', flags: [expect.objectContaining({ code: 'handover-after-cancellation' })] });
    expect(await incidentsOf(orderId, 'order-flag')).toHaveLength(1);
  });

  it.each(PLATFORMS)('%s: an unknown SKU is kept as a named line, flagged and reported; the known one finds its product', async (platform) => {
    const lines = [
      { sku: 'NOT-IN-CATALOG', name: 'Quà tặng', quantity: 1, price: '15000' },
      { sku: 'SUA-1L', name: 'Sữa tươi 1L', quantity: 2, price: '32000' },
    ];
    const answer = await deliver(platform, platformBody(platform, { id: newOrderId(platform), minute: 5, lines, total: '79000' }));
    expect(answer.statusCode, answer.body).toBe(202);
    await applied();
    const orderId = answer.json<{ orderId: string }>().orderId;
    const order = (await stored(orderId))?.body as OrderDocument;
    expect(order.lines).toEqual([
      expect.objectContaining({ productId: '', sku: 'NOT-IN-CATALOG', name: 'Quà tặng', qty: 1000, unitPrice: 15_000, unknownProduct: true }),
      expect.objectContaining({ productId: milk.id, sku: 'SUA-1L', qty: 2000, unitPrice: 32_000, total: 64_000 }),
    ]);
    expect(order.lines[1]).not.toHaveProperty('unknownProduct');
    expect(order.total).toBe(79_000);
    const reported = await incidentsOf(orderId, 'order-unknown-product');
    expect(reported).toHaveLength(1);
    expect(JSON.parse(reported[0]!.detail)).toMatchObject({ lines: [{ sku: 'NOT-IN-CATALOG', name: 'Quà tặng' }] });
  });

  it.each(PLATFORMS)('%s: money in exact minor units: "25000.00" dong, 19.99 dollars, a large total; a fraction the currency cannot hold is a 400 naming the field', async (platform) => {
    const dong = await deliver(platform, platformBody(platform, { id: newOrderId(platform), minute: 5, lines: [{ sku: 'SUA-1L', name: 'Sữa', quantity: 1, price: '25000.00' }], total: '25000.00' }));
    const dollars = await deliver(platform, platformBody(platform, { id: newOrderId(platform), minute: 5, currency: 'USD', lines: [{ sku: 'SUA-1L', name: 'Milk', quantity: 3, price: '19.99' }], total: '59.97' }));
    // The largest amount an integer of minor units holds exactly: 2^53 - 1 cents.
    const large = await deliver(platform, platformBody(platform, { id: newOrderId(platform), minute: 5, currency: 'USD', lines: [{ sku: 'SUA-1L', name: 'Milk', quantity: 1, price: '90071992547409.91' }], total: '90071992547409.91' }));
    for (const answer of [dong, dollars, large]) expect(answer.statusCode, answer.body).toBe(202);
    await applied();
    expect((await stored(dong.json<{ orderId: string }>().orderId))?.body).toMatchObject({ currency: 'VND', total: 25_000, lines: [{ unitPrice: 25_000, total: 25_000 }] });
    expect((await stored(dollars.json<{ orderId: string }>().orderId))?.body).toMatchObject({ currency: 'USD', total: 5997, lines: [{ unitPrice: 1999, qty: 3000, total: 5997 }] });
    expect((await stored(large.json<{ orderId: string }>().orderId))?.body).toMatchObject({ total: Number.MAX_SAFE_INTEGER, lines: [{ unitPrice: Number.MAX_SAFE_INTEGER }] });

    const before = { ...(await countAll(t.store)), inbox: await inboxRows() };
    const halfDong = await deliver(platform, platformBody(platform, { id: newOrderId(platform), minute: 5, lines: [{ sku: 'SUA-1L', name: 'Sữa', quantity: 1, price: '25000.50' }], total: '25000.50' }));
    expect(halfDong.statusCode).toBe(400);
    expect(halfDong.json()).toMatchObject({ error: 'invalid_order', message: expect.stringMatching(/^body\/(line_items\/0\/|total).*"25000\.50?" has no fraction/) });
    const tenthOfACent = await deliver(platform, platformBody(platform, { id: newOrderId(platform), minute: 5, currency: 'USD', lines: [{ sku: 'SUA-1L', name: 'Milk', quantity: 1, price: '19.995' }], total: '19.995' }));
    expect(tenthOfACent.statusCode).toBe(400);
    expect(tenthOfACent.json().message).toMatch(/at most 2 decimal places/);
    const oneCentTooMany = await deliver(platform, platformBody(platform, { id: newOrderId(platform), minute: 5, currency: 'USD', lines: [{ sku: 'SUA-1L', name: 'Milk', quantity: 1, price: '90071992547409.92' }], total: '90071992547409.92' }));
    expect(oneCentTooMany.statusCode).toBe(400);
    expect(oneCentTooMany.json().message).toMatch(/"90071992547409\.92" is too large an amount/);
    const unknownCurrency = await deliver(platform, platformBody(platform, { id: newOrderId(platform), minute: 5, currency: 'ZZZ' }));
    expect(unknownCurrency.statusCode).toBe(400);
    expect(unknownCurrency.json().message).toMatch(/^body\/currency: "ZZZ" is not a currency this POS knows/);
    const fractionalPieces = platformBody(platform, { id: newOrderId(platform), minute: 5 }).replace(/"(current_)?quantity":2/g, '"$1quantity":1.5');
    const pieces = await deliver(platform, fractionalPieces);
    expect(pieces.statusCode).toBe(400);
    expect(pieces.json().message).toMatch(/line_items\/0\/(current_)?quantity: "1\.5" is not a whole number/);
    expect({ ...(await countAll(t.store)), inbox: await inboxRows() }).toEqual(before);
  });

  it.each(PLATFORMS)('%s: a bad or missing signature is 401 and stores nothing, a correct one over the same bytes re-spaced is refused too', async (platform) => {
    const body = platformBody(platform, { id: newOrderId(platform), minute: 5 });
    const before = { ...(await countAll(t.store)), inbox: await inboxRows() };
    const otherSecret = await deliver(platform, body, { secret: 'another-shop-secret-0123456789abcdef' });
    const missing = await deliver(platform, body, { secret: null });
    // Signed over the body as sent, then re-serialised on the way (same JSON, other bytes): not the raw body.
    const signature = base64Hmac(SECRETS[platform], body);
    address += 1;
    const reserialised = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orders/webhooks/${platform}`,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${address % 250}.1`, [HEADERS[platform].topic]: TOPICS[platform].create, [HEADERS[platform].signature]: signature },
      payload: body.replace(/,"/g, ', "'),
    });
    for (const answer of [otherSecret, missing, reserialised]) {
      expect(answer.statusCode, answer.body).toBe(401);
      expect(answer.json().error).toBe('bad_signature');
    }
    expect(missing.json().message).toMatch(/is missing/);
    expect({ ...(await countAll(t.store)), inbox: await inboxRows() }).toEqual(before);
  });
});
