/*
 * Purchases as the returns desk reads them, for its unit tests (return-draft, online-refund): a sale of this
 * store paid in cash, and the same lines as an order paid online.
 */
import type { Purchase, PurchaseLine } from '../../domain/returnable-purchase.ts';

/** A line of whole pieces (qty in thousandths), VAT 8% included in the price, no discount. */
export function piecesLine(name: string, qty: number, unitPrice: number): PurchaseLine {
  return { productId: `p-${name.toLowerCase()}`, sku: name, name, qty, unitPrice, discount: 0, taxRate: 800, total: (unitPrice * qty) / 1000, priceIncludesTax: true, unit: 'pcs' };
}

/** A sale of this store with these lines, paid in cash to the dong. */
export function cashSaleOf(lines: readonly PurchaseLine[]): Purchase {
  return {
    source: 'sale',
    id: 's-1',
    number: 'Q1-T03-000001',
    storeId: 'store-q1',
    purchasedAt: '2026-12-01T03:00:00.000Z',
    currency: 'VND',
    lines,
    tenders: [{ method: 'cash', amount: lines.reduce((sum, line) => sum + line.total, 0) }],
    paidOnline: false,
    pointsEarned: 0,
  };
}

/** The same lines as an online order, paid online. */
export function paidOnlineOrderOf(sale: Purchase): Purchase {
  return { ...sale, source: 'order', id: 'o-1', number: 'W1', tenders: [], paidOnline: true };
}
