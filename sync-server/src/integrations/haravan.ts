/*
 * A Haravan order webhook (docs.haravan.com: omni-apis/orders, tutorials/webhooks) mapped to the platform
 * order the inbox keeps. Haravan's order is Shopify's shape (shopify.ts reads it) with money as numbers
 * (240000.0000, read from their JSON text), a `barcode` on lines, district and ward codes in addresses, and
 * no customer at all on orders from Haravan's own POS.
 * Topics: orders/create, orders/updated, orders/paid, orders/cancelled, orders/fulfilled.
 */
import { mapShopifyLikeOrder } from './shopify.ts';
import type { MappedDelivery } from './platform-order.ts';

export const HARAVAN_ORDER_TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled'] as const;

export function mapHaravanOrder(payload: unknown, topic: string): MappedDelivery {
  if (!(HARAVAN_ORDER_TOPICS as readonly string[]).includes(topic)) return { kind: 'ignored', reason: `topic "${topic}" is not an order change the POS takes` };
  return mapShopifyLikeOrder(payload, 'haravan', topic === 'orders/cancelled');
}
