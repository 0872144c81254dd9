/*
 * A test server that takes orders from Shopify, WooCommerce and Haravan and sends its notices back to their
 * stand-ins (platform-receivers.test-helper.ts): the settings that point each platform's webhook secret and
 * API at them with the outbox retrying fast, and an "order created" webhook delivered signed as each platform
 * signs it, taken (202) and applied to the orders; and the outbox's notices about an order, to wait for.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../../sync-server/src/store/database-types.ts';
import { base64Hmac } from './platform-payloads.test-helper.ts';
import type { Receiver } from './stand-in-receiver.test-helper.ts';

export type Platform = 'shopify' | 'woocommerce' | 'haravan';

/** Each platform's signature header, its topic header, and the topic of a new order. */
const ORDER_CREATED: Record<Platform, [string, string, string]> = {
  shopify: ['x-shopify-hmac-sha256', 'x-shopify-topic', 'orders/create'],
  woocommerce: ['x-wc-webhook-signature', 'x-wc-webhook-topic', 'order.created'],
  haravan: ['x-haravan-hmacsha256', 'x-haravan-topic', 'orders/create'],
};

/** The headers of a platform's "order created" webhook carrying `body`, signed with `secret`. */
export function orderCreatedHeaders(platform: Platform, secret: string, body: string): Record<string, string> {
  const [signature, topic, created] = ORDER_CREATED[platform];
  return { 'content-type': 'application/json', [signature]: base64Hmac(secret, body), [topic]: created };
}

/**
 * The server's settings: webhooks from each platform checked with its secret of `secrets`, notices sent to
 * the stand-ins (Haravan's callback at /pos/notices), retried every 40 ms and given up on after 2 s.
 */
export function platformNoticesEnv(standIns: { shopify: Receiver; woo: Receiver; haravan: Receiver }, secrets: Record<Platform, string>): Record<string, string> {
  return {
    POS_SHOPIFY_WEBHOOK_SECRET: secrets.shopify,
    POS_SHOPIFY_ADMIN_URL: standIns.shopify.url,
    POS_SHOPIFY_ACCESS_TOKEN: 'shpat_test_token',
    POS_WOOCOMMERCE_WEBHOOK_SECRET: secrets.woocommerce,
    POS_WOOCOMMERCE_URL: standIns.woo.url,
    POS_WOOCOMMERCE_CONSUMER_KEY: 'ck_0123456789abcdef',
    POS_WOOCOMMERCE_CONSUMER_SECRET: 'cs_fedcba9876543210',
    POS_HARAVAN_WEBHOOK_SECRET: secrets.haravan,
    POS_HARAVAN_NOTICE_URL: `${standIns.haravan.url}/pos/notices`,
    POS_OUTBOX_RETRY_MS: '40',
    POS_OUTBOX_TIMEOUT_MS: '2000',
  };
}

/** Delivers a platform's new order to `app` signed with `secret`, sees it taken and applied; the order's id. */
export async function receivePlatformOrder(app: FastifyInstance, platform: Platform, secret: string, body: string): Promise<string> {
  const answer = await app.inject({ method: 'POST', url: `/api/v1/orders/webhooks/${platform}`, headers: orderCreatedHeaders(platform, secret, body), payload: body });
  expect(answer.statusCode, answer.body).toBe(202);
  await app.orderInbox.applyPending();
  return answer.json<{ orderId: string }>().orderId;
}

/** The outbox's notices about an order, oldest first. */
export function noticesAbout(db: Kysely<Database>, orderId: string) {
  return db.selectFrom('outbox').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
}

/** For eventually(): the order has `count` notices in the outbox, every one delivered. */
export function allNoticesDelivered(db: Kysely<Database>, orderId: string, count: number): () => Promise<boolean> {
  return async () => {
    const rows = await noticesAbout(db, orderId);
    return rows.length === count && rows.every((row) => row.state === 'delivered');
  };
}
