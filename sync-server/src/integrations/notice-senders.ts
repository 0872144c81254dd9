/*
 * How a notice (outbox-notices.ts) reaches each target, in the request shapes of the platforms' public docs.
 * Every request carries the notice's id as `Idempotency-Key`, the same on every attempt.
 * A ready-for-pickup notice of a platform order also carries the order's pickup code, so the shop can tell
 * the customer what to show at the counter. The code is never in the outbox (only its hash is kept, on the
 * order): the outbox worker derives it again from the order's id when it sends (auth/pickup-codes.ts) and
 * hands it to the sender as `extras.pickupCode`; each target gets it where its customer notice can read it.
 *
 * Shopify (GraphQL Admin API, POST <admin>/admin/api/<version>/graphql.json, X-Shopify-Access-Token): the
 * order's fulfillment orders are read first (what is still open, and which fulfillment-order line item is
 * which order line), then
 *   ready-for-pickup    fulfillmentOrderLineItemsPreparedForPickup (Shopify sends the customer its
 *                       "ready for pickup" notice)
 *   handed-over         fulfillmentCreate with the handed lines and quantities (never more than remains)
 *   cancelled-in-store  orderCancel (reason OTHER, no refund: the store refunds; restock)
 * Reading first makes a retry after a lost answer harmless: what was fulfilled is no longer open, an order
 * already cancelled is left alone. GraphQL errors and userErrors count as failures, as any non-2xx does.
 * WooCommerce (PUT <site>/wp-json/wc/v3/orders/<id>, basic auth with the REST API key): the order's status
 * (completed when everything is handed over, cancelled; a ready status if the shop has one) and meta data
 * `_pos_pickup` (ready, partly_handed_over, handed_over, cancelled_in_store) with `_pos_notice_id`, and
 * `_pos_pickup_code` when ready (the shop's "ready" e-mail template shows it).
 * Shopify's ready notice sets the order metafield pos.pickup_code (metafieldsSet) in the same GraphQL
 * document as the prepared-for-pickup mutation, before it, so the customer's "ready for pickup" e-mail
 * (which Shopify sends on that mutation) can show the code: still two requests per notice.
 * Haravan and the generic shop: a signed callback, POST <configured url> with the notice as JSON
 * ({id, kind, orderId, storeId, number, source, sourceOrderId, eventId, at, complete, lines, pickupCode}) and
 *   X-POS-Notice-Id: <id>, X-POS-Timestamp: <unix seconds>,
 *   X-POS-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>"> (the generic webhook's own scheme).
 */
import { createHmac } from 'node:crypto';
import type { CallbackNotices, IntegrationsConfig, ShopifyNotices, WooCommerceNotices } from '../integrations-config.ts';
import type { OutboxNotice } from '../store/outbox-repository.ts';
import { hasOwnSender, kindSenderFor } from './notice-kinds.ts';
import type { NoticePayload } from './outbox-notices.ts';
import { answered, isSendResult, platformRequest, type SendResult } from './platform-http.ts';

export type { SendResult } from './platform-http.ts';

/** What the worker adds to a notice when it sends it, never stored with it. */
export interface NoticeExtras {
  /** ready-for-pickup of a platform order: the plain code the customer shows at the counter. */
  pickupCode?: string;
}

export type NoticeSender = (notice: OutboxNotice, extras?: NoticeExtras) => Promise<SendResult>;

/**
 * The sender of notices to `target`: a notice of a kind with its own sender (notice-kinds.ts: online refunds)
 * goes through that one, any other through the pickup notices' below; a target this server has no settings
 * for fails each attempt, so the notice shows up as failing for the manager.
 */
export function senderFor(target: string, config: IntegrationsConfig['notices']): NoticeSender | undefined {
  const pickup = pickupSenderFor(target, config);
  const notConfigured: SendResult = { ok: false, status: null, error: `no ${target} notice target is configured on this server` };
  return async (notice, extras) => {
    if (hasOwnSender(notice.kind)) return (await kindSenderFor(notice.kind, target, config)?.(notice)) ?? notConfigured;
    return pickup === undefined ? notConfigured : pickup(notice, extras);
  };
}

function pickupSenderFor(target: string, config: IntegrationsConfig['notices']): NoticeSender | undefined {
  const timeoutMs = config.timeoutMs;
  switch (target) {
    case 'shopify':
      return config.shopify && ((notice, extras = {}) => sendToShopify(config.shopify!, notice, extras, timeoutMs));
    case 'woocommerce':
      return config.woocommerce && ((notice, extras = {}) => sendToWooCommerce(config.woocommerce!, notice, extras, timeoutMs));
    case 'haravan':
      return config.haravan && ((notice, extras = {}) => sendCallback(config.haravan!, notice, extras, timeoutMs));
    case 'generic':
      return config.generic && ((notice, extras = {}) => sendCallback(config.generic!, notice, extras, timeoutMs));
    default:
      return undefined;
  }
}

function payloadOf(notice: OutboxNotice): NoticePayload {
  // The payload is what outbox-notices.ts enqueued, read back from its JSON.
  return JSON.parse(notice.payloadJson) as NoticePayload;
}

// --- Shopify -----------------------------------------------------------------------------------------------

const FULFILLMENT_ORDERS = `query PosOrderFulfillmentOrders($id: ID!) {
  order(id: $id) {
    id
    cancelledAt
    fulfillmentOrders(first: 20) {
      nodes { id status deliveryMethod { methodType } lineItems(first: 100) { nodes { id remainingQuantity lineItem { id sku } } } }
    }
  }
}`;

const PREPARED_FOR_PICKUP = `mutation PosPreparedForPickup($input: FulfillmentOrderLineItemsPreparedForPickupInput!) {
  fulfillmentOrderLineItemsPreparedForPickup(input: $input) { userErrors { field message } }
}`;

const PICKUP_CODE_AND_PREPARED_FOR_PICKUP = `mutation PosPickupCodeAndPreparedForPickup($metafields: [MetafieldsSetInput!]!, $input: FulfillmentOrderLineItemsPreparedForPickupInput!) {
  metafieldsSet(metafields: $metafields) { metafields { key namespace } userErrors { field message } }
  fulfillmentOrderLineItemsPreparedForPickup(input: $input) { userErrors { field message } }
}`;

const FULFILLMENT_CREATE = `mutation PosFulfillmentCreate($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id status } userErrors { field message } }
}`;

const ORDER_CANCEL = `mutation PosOrderCancel($orderId: ID!, $reason: OrderCancelReason!, $refund: Boolean!, $restock: Boolean!, $notifyCustomer: Boolean, $staffNote: String) {
  orderCancel(orderId: $orderId, reason: $reason, refund: $refund, restock: $restock, notifyCustomer: $notifyCustomer, staffNote: $staffNote) {
    job { id }
    orderCancelUserErrors { field message code }
  }
}`;

interface FulfillmentOrderNode {
  id: string;
  status: string;
  deliveryMethod?: { methodType?: string } | null;
  lineItems: { nodes: Array<{ id: string; remainingQuantity: number; lineItem: { id: string; sku?: string | null } }> };
}

const OPEN_STATUSES = new Set(['OPEN', 'IN_PROGRESS', 'SCHEDULED']);

async function sendToShopify(config: ShopifyNotices, notice: OutboxNotice, extras: NoticeExtras, timeoutMs: number): Promise<SendResult> {
  const payload = payloadOf(notice);
  if (payload.sourceOrderId === undefined) return { ok: false, status: null, error: 'the order has no Shopify order id' };
  const graphql = async (query: string, variables: Record<string, unknown>): Promise<{ data?: Record<string, unknown> } | SendResult> => {
    const answer = await platformRequest(
      `${config.adminUrl}/admin/api/${config.apiVersion}/graphql.json`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-shopify-access-token': config.accessToken, 'idempotency-key': notice.id },
        body: JSON.stringify({ query, variables }),
      },
      timeoutMs,
    );
    if (isSendResult(answer)) return answer;
    const result = answered(answer);
    if (!result.ok) return result;
    let body: { data?: Record<string, unknown>; errors?: Array<{ message?: string }> };
    try {
      body = JSON.parse(answer.text) as typeof body;
    } catch {
      return { ok: false, status: answer.status, error: 'Shopify answered with something that is not JSON' };
    }
    if (body.errors !== undefined && body.errors.length > 0) return { ok: false, status: answer.status, error: `GraphQL: ${body.errors.map((e) => e.message).join('; ')}` };
    return { data: body.data ?? {} };
  };
  const orderGid = `gid://shopify/Order/${payload.sourceOrderId}`;
  const read = await graphql(FULFILLMENT_ORDERS, { id: orderGid });
  if ('ok' in read) return read;
  const order = read.data?.['order'] as { cancelledAt?: string | null; fulfillmentOrders?: { nodes: FulfillmentOrderNode[] } } | null | undefined;
  if (order === null || order === undefined) return { ok: false, status: 200, error: `Shopify has no order ${orderGid}` };
  const open = (order.fulfillmentOrders?.nodes ?? []).filter((fo) => OPEN_STATUSES.has(fo.status));

  if (payload.kind === 'cancelled-in-store') {
    if (order.cancelledAt) return { ok: true, status: 200 };
    const done = await graphql(ORDER_CANCEL, { orderId: orderGid, reason: 'OTHER', refund: false, restock: true, notifyCustomer: true, staffNote: `Cancelled in store (${payload.number})` });
    return userErrorsOf(done, 'orderCancel', 'orderCancelUserErrors');
  }
  if (payload.kind === 'ready-for-pickup') {
    const pickups = open.filter((fo) => fo.deliveryMethod?.methodType === 'PICK_UP');
    const targets = pickups.length > 0 ? pickups : open;
    if (targets.length === 0) return { ok: true, status: 200 };
    const input = { lineItemsByFulfillmentOrder: targets.map((fo) => ({ fulfillmentOrderId: fo.id })) };
    if (extras.pickupCode === undefined) return userErrorsOf(await graphql(PREPARED_FOR_PICKUP, { input }), 'fulfillmentOrderLineItemsPreparedForPickup', 'userErrors');
    const metafields = [{ ownerId: orderGid, namespace: 'pos', key: 'pickup_code', type: 'single_line_text_field', value: extras.pickupCode }];
    const done = await graphql(PICKUP_CODE_AND_PREPARED_FOR_PICKUP, { metafields, input });
    const codeSet = userErrorsOf(done, 'metafieldsSet', 'userErrors');
    return codeSet.ok ? userErrorsOf(done, 'fulfillmentOrderLineItemsPreparedForPickup', 'userErrors') : codeSet;
  }
  const byFulfillmentOrder = handedLinesByFulfillmentOrder(open, payload);
  if (byFulfillmentOrder.length === 0) return { ok: true, status: 200 };
  const done = await graphql(FULFILLMENT_CREATE, { fulfillment: { lineItemsByFulfillmentOrder: byFulfillmentOrder, notifyCustomer: false } });
  return userErrorsOf(done, 'fulfillmentCreate', 'userErrors');
}

/** The open fulfillment-order line items of the handed lines, with at most what remains of each. */
function handedLinesByFulfillmentOrder(open: readonly FulfillmentOrderNode[], payload: NoticePayload): Array<{ fulfillmentOrderId: string; fulfillmentOrderLineItems: Array<{ id: string; quantity: number }> }> {
  const wanted = new Map<string, number>();
  for (const line of payload.lines ?? []) {
    if (line.sourceLineId === undefined) continue;
    const gid = `gid://shopify/LineItem/${line.sourceLineId}`;
    wanted.set(gid, (wanted.get(gid) ?? 0) + Math.ceil(line.qty / 1000));
  }
  const result = [];
  for (const fo of open) {
    const items = [];
    for (const item of fo.lineItems.nodes) {
      const left = wanted.get(item.lineItem.id) ?? 0;
      const quantity = Math.min(left, item.remainingQuantity);
      if (quantity <= 0) continue;
      wanted.set(item.lineItem.id, left - quantity);
      items.push({ id: item.id, quantity });
    }
    if (items.length > 0) result.push({ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: items });
  }
  return result;
}

function userErrorsOf(done: { data?: Record<string, unknown> } | SendResult, mutation: string, field: string): SendResult {
  if ('ok' in done) return done;
  const errors = ((done.data?.[mutation] as Record<string, unknown> | undefined)?.[field] ?? []) as Array<{ message?: string }>;
  return errors.length === 0 ? { ok: true, status: 200 } : { ok: false, status: 200, error: `${mutation}: ${errors.map((e) => e.message).join('; ')}` };
}

// --- WooCommerce -------------------------------------------------------------------------------------------

async function sendToWooCommerce(config: WooCommerceNotices, notice: OutboxNotice, extras: NoticeExtras, timeoutMs: number): Promise<SendResult> {
  const payload = payloadOf(notice);
  if (payload.sourceOrderId === undefined) return { ok: false, status: null, error: 'the order has no WooCommerce order id' };
  const pickup =
    payload.kind === 'ready-for-pickup' ? 'ready' : payload.kind === 'cancelled-in-store' ? 'cancelled_in_store' : payload.complete === true ? 'handed_over' : 'partly_handed_over';
  const status = payload.kind === 'ready-for-pickup' ? config.readyStatus : payload.kind === 'cancelled-in-store' ? 'cancelled' : payload.complete === true ? 'completed' : undefined;
  const body = {
    ...(status !== undefined ? { status } : {}),
    meta_data: [
      { key: '_pos_pickup', value: pickup },
      { key: '_pos_notice_id', value: notice.id },
      ...(extras.pickupCode !== undefined ? [{ key: '_pos_pickup_code', value: extras.pickupCode }] : []),
    ],
  };
  const answer = await platformRequest(
    `${config.url}/wp-json/wc/v3/orders/${encodeURIComponent(payload.sourceOrderId)}`,
    {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${config.consumerKey}:${config.consumerSecret}`).toString('base64')}`,
        'idempotency-key': notice.id,
      },
      body: JSON.stringify(body),
    },
    timeoutMs,
  );
  return isSendResult(answer) ? answer : answered(answer);
}

// --- Signed callbacks (Haravan, generic) -------------------------------------------------------------------

/** X-POS-Signature of a callback: hex HMAC-SHA256 of "<timestamp>.<body>". */
export function signCallback(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

async function sendCallback(config: CallbackNotices, notice: OutboxNotice, extras: NoticeExtras, timeoutMs: number): Promise<SendResult> {
  const body = JSON.stringify({ id: notice.id, ...payloadOf(notice), ...(extras.pickupCode !== undefined ? { pickupCode: extras.pickupCode } : {}) });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const answer = await platformRequest(
    config.url,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': notice.id,
        'x-pos-notice-id': notice.id,
        'x-pos-timestamp': timestamp,
        'x-pos-signature': `sha256=${signCallback(config.secret, timestamp, body)}`,
      },
      body,
    },
    timeoutMs,
  );
  return isSendResult(answer) ? answer : answered(answer);
}
