/*
 * WooCommerce does not retry a failed delivery (and disables a webhook after 5 failures in a row), so a
 * server that was down or unreachable misses orders for good unless it asks. The catch-up pull asks: the
 * orders changed since the last pull, through the REST API (GET /wp-json/wc/v3/orders?modified_after=
 * &dates_are_gmt=true&orderby=modified&order=asc&per_page=100&page=n, basic auth with the REST key the
 * notices use), each kept in the order inbox as a delivery of its own (delivery id
 * "catch-up:<order id>:<date_modified_gmt>": the same version pulled twice is kept once) and applied like
 * any webhook delivery (a version already applied changes nothing). Where it got to is kept in the meta
 * table ("woocommerce.catchUp": the latest date_modified_gmt seen); the first pull looks a day back.
 * It runs every POS_WOOCOMMERCE_CATCH_UP_MINUTES when that is set, and on demand
 * (POST /api/v1/orders/catch-up/woocommerce, routes/orders-catch-up.ts).
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { WooCommerceNotices } from '../integrations-config.ts';
import type { Database } from '../store/database-types.ts';
import { readMeta, writeMeta } from '../store/meta-repository.ts';
import type { OrderInbox } from './order-inbox.ts';
import { isObject, parsePlatformJson, PayloadProblem } from './platform-json.ts';
import { mapWooCommerceOrder } from './woocommerce.ts';

const META_KEY = 'woocommerce.catchUp';
const PER_PAGE = 100;
const MAX_PAGES = 50;
const FIRST_LOOK_BACK_MS = 24 * 60 * 60_000;

export interface CatchUpResult {
  /** Orders read from WooCommerce. */
  orders: number;
  /** Deliveries newly kept in the inbox (the others were kept before). */
  kept: number;
  /** Orders the mapping refused (logged with the field), left out. */
  refused: Array<{ orderId: string; problem: string }>;
  /** Where the next pull starts (ISO, GMT). */
  after: string;
}

export async function catchUpWooCommerce(db: Kysely<Database>, inbox: OrderInbox, config: WooCommerceNotices, timeoutMs: number, now: Date = new Date()): Promise<CatchUpResult> {
  const stored = await readMeta<{ after: string }>(db, META_KEY);
  let after = stored?.after ?? new Date(now.getTime() - FIRST_LOOK_BACK_MS).toISOString();
  const result: CatchUpResult = { orders: 0, kept: 0, refused: [], after };
  const authorization = `Basic ${Buffer.from(`${config.consumerKey}:${config.consumerSecret}`).toString('base64')}`;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const query = new URLSearchParams({ modified_after: after, dates_are_gmt: 'true', orderby: 'modified', order: 'asc', per_page: String(PER_PAGE), page: String(page) });
    const response = await fetch(`${config.url}/wp-json/wc/v3/orders?${query}`, { headers: { authorization, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (!response.ok) throw new Error(`WooCommerce answered ${response.status} to the catch-up pull: ${text.slice(0, 300)}`);
    const orders = parsePlatformJson(text);
    if (!Array.isArray(orders)) throw new Error('WooCommerce answered the catch-up pull with something that is not a list of orders');
    for (const raw of orders as unknown[]) {
      result.orders += 1;
      const id = isObject(raw) ? String(raw['id']) : '?';
      try {
        const mapped = mapWooCommerceOrder(raw, 'order.updated');
        if (mapped.kind !== 'order') continue;
        const kept = await inbox.keep({
          id: uuidv7(),
          source: 'woocommerce',
          deliveryId: `catch-up:${mapped.order.sourceOrderId}:${mapped.order.sourceUpdatedAt}`,
          topic: 'order.updated',
          sourceOrderId: mapped.order.sourceOrderId,
          body: JSON.stringify(mapped.order),
          receivedAt: now.toISOString(),
        });
        if (kept === 'kept') result.kept += 1;
        if (mapped.order.sourceUpdatedAt > result.after) result.after = mapped.order.sourceUpdatedAt;
      } catch (error) {
        if (!(error instanceof PayloadProblem)) throw error;
        result.refused.push({ orderId: id, problem: error.message });
      }
    }
    if (orders.length < PER_PAGE) break;
  }
  // WooCommerce's modified_after is exclusive and to the second: look again from the second before.
  after = new Date(Math.max(Date.parse(result.after) - 1000, Date.parse(stored?.after ?? result.after))).toISOString();
  result.after = after;
  await writeMeta(db, META_KEY, { after });
  return result;
}
