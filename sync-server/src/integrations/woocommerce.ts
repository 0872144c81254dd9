/*
 * A WooCommerce order webhook (the /wc/v3/orders/{id} resource; woocommerce/woocommerce
 * includes/class-wc-webhook.php) mapped to the platform order the inbox keeps.
 *   id, number, status, currency, total (text), date_created_gmt, date_modified_gmt, date_paid_gmt (null until
 *   paid: cash on delivery orders are "processing" unpaid), billing / shipping {first_name, last_name, phone},
 *   line_items [{id, name, sku, quantity, subtotal, subtotal_tax, total, total_tax}] (the line's `price` is a
 *   float WooCommerce computes; the texts are used instead), shipping_lines [{method_id, instance_id,
 *   meta_data [{key, value}]}]
 * Local pickup is a shipping line with method_id `local_pickup` (classic checkout) or `pickup_location` (block
 * checkout, its location's name in the meta `pickup_location`): that name, or "<method_id>:<instance_id>",
 * is what a store's config lists. Topics: order.created, order.updated, order.restored (order.deleted
 * carries only an id and is left alone: a trashed order is cancelled first).
 */
import { divideAndRound } from '../../../src/domain/rounding.ts';
import { FieldReader, PayloadProblem } from './platform-json.ts';
import type { LocationKey, MappedDelivery, PlatformOrderLine } from './platform-order.ts';
import { emailOrNothing, MAX_ORDER_LINES, orderNumber, personName, phoneOrNothing, readCurrency, readQuantity } from './platform-order.ts';

export const WOOCOMMERCE_ORDER_TOPICS = ['order.created', 'order.updated', 'order.restored'] as const;

const CANCELLED = new Set(['cancelled', 'refunded', 'failed', 'trash']);
const PICKUP_METHODS = new Set(['local_pickup', 'pickup_location']);

export function mapWooCommerceOrder(payload: unknown, topic: string): MappedDelivery {
  if (!(WOOCOMMERCE_ORDER_TOPICS as readonly string[]).includes(topic)) return { kind: 'ignored', reason: `topic "${topic}" is not an order change the POS takes` };
  const order = FieldReader.of(payload);
  const { currency, minorDigits } = readCurrency(order, 'currency');
  const billing = order.object('billing');
  const shipping = order.object('shipping');
  const lineReaders = order.objects('line_items');
  if (lineReaders.length > MAX_ORDER_LINES) throw new PayloadProblem(order.at('line_items'), `has more than ${MAX_ORDER_LINES} lines`);
  const lines: PlatformOrderLine[] = [];
  for (const line of lineReaders) {
    const qty = readQuantity(line, 'quantity');
    if (qty === 0) continue;
    const units = BigInt(qty / 1000);
    const before = line.amount('subtotal', minorDigits) + (line.optionalAmount('subtotal_tax', minorDigits) ?? 0);
    const net = line.amount('total', minorDigits);
    const tax = line.optionalAmount('total_tax', minorDigits) ?? 0;
    lines.push({
      sourceLineId: line.id('id'),
      sku: (line.optionalText('sku') ?? '').slice(0, 64),
      name: (line.optionalText('name') ?? line.optionalText('sku') ?? '?').slice(0, 200),
      qty,
      unitPrice: Number(divideAndRound(BigInt(before), units, 'halfAwayFromZero')),
      total: net + tax,
      taxRate: net > 0 ? Math.min(10_000, Number(divideAndRound(BigInt(tax) * 10_000n, BigInt(net), 'halfAwayFromZero'))) : 0,
    });
  }
  const locationKeys: LocationKey[] = [];
  let pickup = false;
  for (const shippingLine of order.objects('shipping_lines')) {
    const method = shippingLine.optionalText('method_id') ?? '';
    if (!PICKUP_METHODS.has(method)) continue;
    pickup = true;
    for (const meta of shippingLine.objects('meta_data')) {
      const value = meta.optionalText('key') === 'pickup_location' ? meta.optionalText('value') : undefined;
      if (value !== undefined) locationKeys.push({ key: value, pickup: true });
    }
    const instance = shippingLine.optionalText('instance_id');
    if (instance !== undefined) locationKeys.push({ key: `${method}:${instance}`, pickup: true });
  }
  const placedAt = order.time('date_created_gmt', true);
  return {
    kind: 'order',
    order: {
      source: 'woocommerce',
      sourceOrderId: order.id('id'),
      number: orderNumber(`#${order.optionalText('number') ?? order.text('id')}`),
      cancelled: CANCELLED.has(order.optionalText('status') ?? ''),
      paid: order.has('date_paid_gmt') || order.has('date_paid'),
      currency,
      customerName: personName(billing?.optionalText('first_name'), billing?.optionalText('last_name')) || personName(shipping?.optionalText('first_name'), shipping?.optionalText('last_name')),
      ...phoneOrNothing(billing?.optionalText('phone') ?? shipping?.optionalText('phone')),
      ...emailOrNothing(billing?.optionalText('email')),
      lines,
      total: order.amount('total', minorDigits),
      placedAt,
      sourceUpdatedAt: order.has('date_modified_gmt') ? order.time('date_modified_gmt', true) : placedAt,
      fulfilmentHint: pickup ? 'pickup' : 'delivery',
      locationKeys,
    },
  };
}
