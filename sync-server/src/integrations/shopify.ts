/*
 * A Shopify order webhook (the REST order resource, shopify.dev "orders/create" and friends) mapped to the
 * platform order the inbox keeps (platform-order.ts). Haravan sends the same shape with numbers for money
 * and a barcode on lines (haravan.ts reuses this mapping).
 *   id, name ("#1042"), currency (the shop's), total_price, financial_status, cancelled_at, created_at,
 *   updated_at, location_id (null for web orders), customer {first_name, last_name, phone} (redacted without
 *   protected-customer-data approval: never required), billing_address / shipping_address {name, phone},
 *   line_items [{id, sku, quantity, current_quantity, price, price_set.shop_money.amount, total_discount,
 *   title, name, tax_lines [{rate}]}], shipping_lines [{code, title, source}]
 * Pickup is not a flag on a Shopify order (the fulfilment order's delivery method says it, which a webhook
 * does not carry): a shipping line whose code a store's config lists as its pickup point, or an order with
 * no shipping address, is a pickup; anything else ships from the store.
 */
import type { PlatformSource } from '../integrations-config.ts';
import { FieldReader } from './platform-json.ts';
import { PayloadProblem } from './platform-json.ts';
import type { LocationKey, MappedDelivery, PlatformOrderLine } from './platform-order.ts';
import { emailOrNothing, lineTotal, MAX_ORDER_LINES, orderNumber, personName, phoneOrNothing, readCurrency, readQuantity, readRateBasisPoints } from './platform-order.ts';

export const SHOPIFY_ORDER_TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/partially_fulfilled'] as const;

const PAID = new Set(['paid', 'partially_refunded']);

export function mapShopifyOrder(payload: unknown, topic: string): MappedDelivery {
  if (!(SHOPIFY_ORDER_TOPICS as readonly string[]).includes(topic)) return { kind: 'ignored', reason: `topic "${topic}" is not an order change the POS takes` };
  return mapShopifyLikeOrder(payload, 'shopify', topic === 'orders/cancelled');
}

/** Shopify's order shape, shared with Haravan (`source` names which). */
export function mapShopifyLikeOrder(payload: unknown, source: PlatformSource, cancelledByTopic: boolean): MappedDelivery {
  const order = FieldReader.of(payload);
  const { currency, minorDigits } = readCurrency(order, 'currency');
  const customer = order.object('customer');
  const billing = order.object('billing_address');
  const shipping = order.object('shipping_address');
  const name =
    personName(customer?.optionalText('first_name'), customer?.optionalText('last_name')) || billing?.optionalText('name') || shipping?.optionalText('name') || '';
  const phone = customer?.optionalText('phone') ?? order.optionalText('phone') ?? billing?.optionalText('phone') ?? shipping?.optionalText('phone');
  const lineReaders = order.objects('line_items');
  if (lineReaders.length > MAX_ORDER_LINES) throw new PayloadProblem(order.at('line_items'), `has more than ${MAX_ORDER_LINES} lines`);
  const lines: PlatformOrderLine[] = [];
  for (const line of lineReaders) {
    const qty = readQuantity(line, line.has('current_quantity') ? 'current_quantity' : 'quantity');
    if (qty === 0) continue;
    const shopPrice = line.object('price_set')?.object('shop_money');
    const unitPrice = shopPrice?.has('amount') ? shopPrice.amount('amount', minorDigits) : line.amount('price', minorDigits);
    const discount = line.optionalAmount('total_discount', minorDigits) ?? 0;
    const barcode = line.optionalText('barcode');
    lines.push({
      sourceLineId: line.id('id'),
      sku: (line.optionalText('sku') ?? '').slice(0, 64),
      ...(barcode !== undefined ? { barcode: barcode.slice(0, 64) } : {}),
      name: (line.optionalText('name') ?? line.optionalText('title') ?? line.optionalText('sku') ?? '?').slice(0, 200),
      qty,
      unitPrice,
      total: lineTotal(unitPrice, qty, discount),
      taxRate: line.objects('tax_lines').reduce((sum, tax) => sum + readRateBasisPoints(tax.optionalText('rate')), 0),
    });
  }
  const locationKeys: LocationKey[] = [];
  const locationId = order.optionalText('location_id');
  if (locationId !== undefined) locationKeys.push({ key: locationId, pickup: false });
  for (const shippingLine of order.objects('shipping_lines')) {
    for (const field of ['code', 'title']) {
      const key = shippingLine.optionalText(field);
      if (key !== undefined && !locationKeys.some((k) => k.key === key)) locationKeys.push({ key, pickup: true });
    }
  }
  const placedAt = order.time('created_at');
  return {
    kind: 'order',
    order: {
      source,
      sourceOrderId: order.id('id'),
      number: orderNumber(order.optionalText('name') ?? `#${order.text('order_number')}`),
      cancelled: cancelledByTopic || order.has('cancelled_at'),
      paid: PAID.has(order.optionalText('financial_status') ?? ''),
      currency,
      customerName: name,
      ...phoneOrNothing(phone),
      ...emailOrNothing(customer?.optionalText('email') ?? order.optionalText('email') ?? order.optionalText('contact_email')),
      lines,
      total: order.amount('total_price', minorDigits),
      placedAt,
      sourceUpdatedAt: order.has('updated_at') ? order.time('updated_at') : placedAt,
      fulfilmentHint: shipping === undefined ? 'pickup' : 'delivery',
      locationKeys,
    },
  };
}
