/*
 * Stand-ins for the shop platforms' APIs the outbox talks to: real Node HTTP servers on 127.0.0.1
 * (stand-in-receiver.test-helper.ts), each recording every request (method, path, headers, JSON body) and
 * answering as the platform's public docs say:
 *   shopify    POST /admin/api/<version>/graphql.json: the fulfillment-orders query, then
 *              fulfillmentOrderLineItemsPreparedForPickup, fulfillmentCreate (remaining quantities go down)
 *              and orderCancel
 *   woocommerce PUT /wp-json/wc/v3/orders/<id>: answers the order
 *   callback   POST anything: answers {received: true}
 * `failNext(n, status)` makes the next n requests answer `status`; `hold()` keeps requests unanswered until
 * `release()` (a server killed mid-delivery).
 */
import { startReceiver } from './stand-in-receiver.test-helper.ts';
import type { Receiver } from './stand-in-receiver.test-helper.ts';

export type { Receiver } from './stand-in-receiver.test-helper.ts';

export function startCallbackReceiver(): Promise<Receiver> {
  return startReceiver(() => ({ status: 200, body: { received: true } }));
}

export interface WooCommerceStandIn extends Receiver {
  /** What GET /wp-json/wc/v3/orders answers (the orders changed since `modified_after`, in pages of per_page). */
  setOrders(orders: ReadonlyArray<Record<string, unknown>>): void;
}

export async function startWooCommerceReceiver(): Promise<WooCommerceStandIn> {
  let listed: ReadonlyArray<Record<string, unknown>> = [];
  const receiver = await startReceiver((request) => {
    const url = new URL(request.path, 'http://stand-in');
    if (request.method === 'GET' && url.pathname === '/wp-json/wc/v3/orders') {
      if (!String(request.headers['authorization']).startsWith('Basic ')) return { status: 401, body: { code: 'woocommerce_rest_cannot_view' } };
      const after = url.searchParams.get('modified_after') ?? '';
      const perPage = Number(url.searchParams.get('per_page') ?? 10);
      const page = Number(url.searchParams.get('page') ?? 1);
      const changed = listed.filter((o) => `${String(o['date_modified_gmt'])}Z` > after.replace(/\.\d{3}Z$/, 'Z'));
      return { status: 200, body: changed.slice((page - 1) * perPage, page * perPage) };
    }
    const id = /\/wp-json\/wc\/v3\/orders\/(\d+)$/.exec(request.path)?.[1];
    if (request.method !== 'PUT' || id === undefined) return { status: 404, body: { code: 'rest_no_route' } };
    return { status: 200, body: { id: Number(id), ...request.json } };
  });
  return { ...receiver, setOrders: (orders) => (listed = orders) };
}

export interface ShopifyStandIn extends Receiver {
  /** The order's fulfillment order: one per order, its line items by order line id. */
  addOrder(orderId: string, lines: ReadonlyArray<{ lineItemId: string; quantity: number }>, methodType?: string): void;
  remaining(orderId: string): Record<string, number>;
  cancelled(orderId: string): boolean;
  preparedForPickup: string[];
  /** Order metafields set through metafieldsSet, by order id then "namespace.key" (the pickup code). */
  metafields: Map<string, Record<string, string>>;
}

export async function startShopifyStandIn(): Promise<ShopifyStandIn> {
  const orders = new Map<string, { fo: string; methodType: string; lines: Map<string, { foLine: string; remaining: number }>; cancelledAt: string | null }>();
  const preparedForPickup: string[] = [];
  const metafields = new Map<string, Record<string, string>>();
  const receiver = await startReceiver((request) => {
    if (request.method !== 'POST' || !/^\/admin\/api\/\d{4}-\d{2}\/graphql\.json$/.test(request.path)) return { status: 404, body: { errors: 'Not Found' } };
    if (request.headers['x-shopify-access-token'] !== 'shpat_test_token') return { status: 401, body: { errors: '[API] Invalid API key or access token' } };
    const query = String(request.json?.['query'] ?? '');
    const variables = (request.json?.['variables'] ?? {}) as Record<string, unknown>;
    if (query.includes('PosOrderFulfillmentOrders')) {
      const id = String(variables['id']).replace('gid://shopify/Order/', '');
      const order = orders.get(id);
      if (order === undefined) return { status: 200, body: { data: { order: null } } };
      const open = [...order.lines.values()].some((l) => l.remaining > 0) && order.cancelledAt === null;
      return {
        status: 200,
        body: {
          data: {
            order: {
              id: `gid://shopify/Order/${id}`,
              cancelledAt: order.cancelledAt,
              fulfillmentOrders: {
                nodes: [
                  {
                    id: order.fo,
                    status: open ? 'OPEN' : 'CLOSED',
                    deliveryMethod: { methodType: order.methodType },
                    lineItems: { nodes: [...order.lines.entries()].map(([lineItemId, l]) => ({ id: l.foLine, remainingQuantity: l.remaining, lineItem: { id: `gid://shopify/LineItem/${lineItemId}`, sku: null } })) },
                  },
                ],
              },
            },
          },
        },
      };
    }
    if (query.includes('fulfillmentOrderLineItemsPreparedForPickup')) {
      const set = (variables['metafields'] ?? []) as Array<{ ownerId: string; namespace: string; key: string; value: string }>;
      for (const field of set) {
        const id = field.ownerId.replace('gid://shopify/Order/', '');
        metafields.set(id, { ...metafields.get(id), [`${field.namespace}.${field.key}`]: field.value });
      }
      const input = variables['input'] as { lineItemsByFulfillmentOrder: Array<{ fulfillmentOrderId: string }> };
      preparedForPickup.push(...input.lineItemsByFulfillmentOrder.map((i) => i.fulfillmentOrderId));
      return { status: 200, body: { data: { fulfillmentOrderLineItemsPreparedForPickup: { userErrors: [] } } } };
    }
    if (query.includes('fulfillmentCreate')) {
      const fulfillment = variables['fulfillment'] as { lineItemsByFulfillmentOrder: Array<{ fulfillmentOrderId: string; fulfillmentOrderLineItems: Array<{ id: string; quantity: number }> }> };
      for (const group of fulfillment.lineItemsByFulfillmentOrder) {
        for (const order of orders.values()) {
          if (order.fo !== group.fulfillmentOrderId) continue;
          for (const item of group.fulfillmentOrderLineItems) {
            const line = [...order.lines.values()].find((l) => l.foLine === item.id);
            if (line === undefined || item.quantity > line.remaining) {
              return { status: 200, body: { data: { fulfillmentCreate: { fulfillment: null, userErrors: [{ field: ['fulfillment'], message: 'Invalid fulfillment order line item quantity requested.' }] } } } };
            }
            line.remaining -= item.quantity;
          }
        }
      }
      return { status: 200, body: { data: { fulfillmentCreate: { fulfillment: { id: 'gid://shopify/Fulfillment/255858046', status: 'SUCCESS' }, userErrors: [] } } } };
    }
    if (query.includes('orderCancel')) {
      const id = String(variables['orderId']).replace('gid://shopify/Order/', '');
      const order = orders.get(id);
      if (order !== undefined) order.cancelledAt = new Date().toISOString();
      return { status: 200, body: { data: { orderCancel: { job: { id: 'gid://shopify/Job/1' }, orderCancelUserErrors: [] } } } };
    }
    return { status: 200, body: { errors: [{ message: 'unknown query' }] } };
  });
  let next = 1_046_000_776;
  return {
    ...receiver,
    preparedForPickup,
    metafields,
    addOrder(orderId, lines, methodType = 'PICK_UP') {
      next += 1;
      orders.set(orderId, {
        fo: `gid://shopify/FulfillmentOrder/${next}`,
        methodType,
        cancelledAt: null,
        lines: new Map(lines.map((l, index) => [l.lineItemId, { foLine: `gid://shopify/FulfillmentOrderLineItem/${next}${index}`, remaining: l.quantity }])),
      });
    },
    remaining(orderId) {
      return Object.fromEntries([...(orders.get(orderId)?.lines.entries() ?? [])].map(([id, l]) => [id, l.remaining]));
    },
    cancelled(orderId) {
      return orders.get(orderId)?.cancelledAt !== null && orders.get(orderId) !== undefined;
    },
  };
}

/** Polls `check` until it holds (stories wait for a background worker; never a speed bound). */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
