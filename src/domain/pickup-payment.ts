/*
 * An online order not paid online is paid at the pickup counter by an ordinary sale (issue 15): the counter
 * rings up the order's lines at the order's own prices (not today's catalog prices), for the order's
 * customer, marked with `pickupOrderId`; the cashier takes any tender and may add more items (the upsell).
 * The pure half, the same on the tablet and the server:
 *   - orderLinesForCounter: what the pickup screen hands to the counter as cart lines;
 *   - saleCoversOrder: whether a sale pays the order: a sale (not a return) in the order's currency whose
 *     lines hold every order line's quantity at the order line's unit price, paid at least the order line's
 *     total (an online discount of the line carried over, no more), and whose total is at least the order's
 *     (what the order asked for, whatever else was bought with it);
 *   - counterPaymentOf: the sale among a list that pays the order (a covering sale not cancelled since);
 *   - paidAtCounterEvent: the order event the server appends when it marks the order paid by such a sale.
 * The tablet shows the order paid once one of its own completed sales covers it (nothing else is written);
 * the server marks it paid only from the sale it checked, in the push that stores the sale.
 */
import type { OrderDocument, SaleDocument } from './documents.ts';
import type { OrderEvent } from './merge-order.ts';
import { multiplyByQuantity } from './money.ts';

export const PAID_AT_COUNTER_EVENT = 'paid_at_counter';

/** What the coverage reads of an order. */
export type PayableOrder = Pick<OrderDocument, 'id' | 'currency' | 'total' | 'lines'>;

/** What the coverage reads of a sale. */
export type PayingSale = Pick<SaleDocument, 'id' | 'kind' | 'currency' | 'lines' | 'totals' | 'pickupOrderId'>;

/** A cart line the counter takes from an order: the order's product, quantity (thousandths) and price. */
export interface OrderCounterLine {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly qty: number;
  readonly unitPrice: number;
  readonly taxRate: number;
  /** The line's online discount (unit price x quantity less the order line's total), carried to the cart line. */
  readonly discount: number;
}

/** Why a sale does not pay the order (for the manager's incident). */
export type CoverageGap =
  | { readonly kind: 'not-a-sale' }
  | { readonly kind: 'other-order'; readonly pickupOrderId: string | null }
  | { readonly kind: 'currency'; readonly expected: string; readonly actual: string }
  | { readonly kind: 'line-short'; readonly line: number; readonly sku: string; readonly unitPrice: number; readonly expectedQty: number; readonly coveredQty: number }
  | { readonly kind: 'line-underpaid'; readonly line: number; readonly sku: string; readonly expected: number; readonly actual: number }
  | { readonly kind: 'total-short'; readonly expected: number; readonly actual: number };

export type Coverage = { readonly ok: true } | { readonly ok: false; readonly gaps: CoverageGap[] };

/** The order's lines as the counter rings them up; a line of a product the catalog does not know is left out. */
export function orderLinesForCounter(order: Pick<OrderDocument, 'lines'>): OrderCounterLine[] {
  return order.lines
    .filter((line) => line.unknownProduct !== true && line.productId !== '')
    .map((line) => ({
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      qty: line.qty,
      unitPrice: line.unitPrice,
      taxRate: line.taxRate,
      discount: Math.max(0, multiplyByQuantity(line.unitPrice, line.qty) - line.total),
    }));
}

function productKey(line: { readonly productId: string; readonly sku: string }): string {
  return line.productId !== '' ? `p:${line.productId}` : `s:${line.sku}`;
}

/** Whether the sale pays the order (see the top of this file), and if not, every reason why. */
export function saleCoversOrder(order: PayableOrder, sale: PayingSale): Coverage {
  const gaps: CoverageGap[] = [];
  if (sale.kind !== 'sale') gaps.push({ kind: 'not-a-sale' });
  if (sale.pickupOrderId !== order.id) gaps.push({ kind: 'other-order', pickupOrderId: sale.pickupOrderId ?? null });
  if (sale.currency !== order.currency) gaps.push({ kind: 'currency', expected: order.currency, actual: sale.currency });
  // What the sale holds per product and unit price (quantity, and what was paid for it after discounts);
  // each order line takes its quantity and the paid amount in proportion (exact, in BigInt).
  const available = new Map<string, { qty: bigint; paid: bigint }>();
  for (const line of sale.lines) {
    if (line.qty <= 0) continue;
    const key = `${productKey(line)}|${line.unitPrice}`;
    const held = available.get(key) ?? { qty: 0n, paid: 0n };
    available.set(key, { qty: held.qty + BigInt(line.qty), paid: held.paid + BigInt(line.total) });
  }
  order.lines.forEach((line, index) => {
    const key = `${productKey(line)}|${line.unitPrice}`;
    const held = available.get(key) ?? { qty: 0n, paid: 0n };
    const wanted = BigInt(line.qty);
    const covered = held.qty < wanted ? held.qty : wanted;
    const paid = held.qty === 0n ? 0n : (held.paid * covered) / held.qty;
    available.set(key, { qty: held.qty - covered, paid: held.paid - paid });
    if (covered < wanted) gaps.push({ kind: 'line-short', line: index, sku: line.sku, unitPrice: line.unitPrice, expectedQty: line.qty, coveredQty: Number(covered) });
    else if (paid < BigInt(line.total)) gaps.push({ kind: 'line-underpaid', line: index, sku: line.sku, expected: line.total, actual: Number(paid) });
  });
  if (sale.totals.total < order.total) gaps.push({ kind: 'total-short', expected: order.total, actual: sale.totals.total });
  return gaps.length === 0 ? { ok: true } : { ok: false, gaps };
}

/** What counterPaymentOf reads of the sales (a cancellation names the sale it cancels). */
export type CounterSale = PayingSale & Pick<SaleDocument, 'reason' | 'originalSaleId'>;

/** The sale that pays the order at the counter: the first that covers it and was not cancelled since. */
export function counterPaymentOf<S extends CounterSale>(order: PayableOrder, sales: readonly S[]): S | undefined {
  const cancelled = new Set<string>();
  for (const sale of sales) if (sale.kind === 'return' && sale.reason === 'void' && typeof sale.originalSaleId === 'string') cancelled.add(sale.originalSaleId);
  return sales.find((sale) => sale.pickupOrderId === order.id && !cancelled.has(sale.id) && saleCoversOrder(order, sale).ok);
}

/** The order as the counter sees it: paid once a sale of this device pays it (the server will say the same). */
export function withCounterPayment<T extends PayableOrder & Pick<OrderDocument, 'paid'>>(order: T, sales: readonly CounterSale[]): T {
  if (order.paid) return order;
  return counterPaymentOf(order, sales) === undefined ? order : { ...order, paid: true };
}

/** The order event that records the payment at the counter, with the sale's id (so it is written once). */
export function paidAtCounterEvent(sale: Pick<SaleDocument, 'id' | 'createdAt' | 'staffId' | 'deviceId'>): OrderEvent {
  return { id: sale.id, type: PAID_AT_COUNTER_EVENT, at: sale.createdAt, staffId: sale.staffId, deviceId: sale.deviceId, saleId: sale.id };
}
