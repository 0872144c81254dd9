/*
 * What a customer bought, as a return reads it, and how much of it has come back already: the one view of a
 * purchase that the tablet's return (sale-return.ts) and the server's check of a pushed return
 * (return-money.ts) share, so they price a returned item to the same unit.
 *
 * A purchase is an in-store sale (or the new items of an exchange) or an online order (its `orders` document,
 * or the signed summary on its packing slip): its lines by their index in the document, what paid for it
 * (tenders, cash net of change; an online order was paid online or not at all) and the points it earned.
 *
 * Pricing a returned part of a line, so that returning a line in parts gives back exactly the line's total:
 *   - a line is returned in whole pieces (qty a multiple of 1000), or all that is left of it at once (a
 *     weighed 0.375 kg comes back whole): the goods' price x quantity is then exact;
 *   - the line's discount is shared out cumulatively: after c of q thousandths have come back, floor(discount
 *     x c / q) of it has (all of it at c = q), and each return takes the difference;
 *   - so the returned line is {qty: -k, unitPrice, discount: its share, total: -(price x k) + share}, which is
 *     what the server's sale check reads a returned line as.
 * Points earned are taken back the same way, in proportion to the value of earning goods returned.
 */
import type { SaleDocument, SaleTender, TenderMethod } from './documents.ts';
import { multiplyByQuantity } from './money.ts';
import { pointsOf } from './sale-amounts.ts';

export interface PurchaseLine {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  /** Thousandths bought; 0 on a line that was not bought (a returned line of an exchange). */
  readonly qty: number;
  readonly unitPrice: number;
  readonly discount: number;
  readonly taxRate: number;
  readonly total: number;
  readonly priceIncludesTax: boolean;
  readonly unit: 'pcs' | 'kg';
  readonly giftCardId?: string;
}

/** A tender that paid for the purchase (cash: what the drawer kept). */
export interface PurchaseTender {
  readonly method: TenderMethod;
  readonly amount: number;
  readonly reference?: string;
  /** A card tender's terminal (card-terminals.ts): a refund to the card goes back on it. */
  readonly terminal?: string;
  readonly points?: number;
}

export interface Purchase {
  readonly source: 'sale' | 'order';
  readonly id: string;
  readonly number: string;
  readonly storeId: string;
  readonly purchasedAt: string;
  readonly customerId?: string;
  readonly currency: string;
  readonly lines: readonly PurchaseLine[];
  readonly tenders: readonly PurchaseTender[];
  /** An online order paid on the shop's site (its money is not in any drawer or card here). */
  readonly paidOnline: boolean;
  readonly pointsEarned: number;
}

/** What a sale document tells of a purchase (a stored sale fits). */
export type PurchasedSale = Pick<SaleDocument, 'id' | 'number' | 'storeId' | 'createdAt' | 'customerId' | 'currency' | 'lines' | 'tenders' | 'change' | 'ledger'>;

function unitOf(line: { readonly qty: number; readonly [key: string]: unknown }): 'pcs' | 'kg' {
  const unit = line['unit'];
  if (unit === 'pcs' || unit === 'kg') return unit;
  return line.qty % 1000 === 0 ? 'pcs' : 'kg';
}

/**
 * A sale as a purchase. `pointsEarned` is what the server applied (it knows); by default what the sale
 * embeds (what the tablet knows).
 */
export function purchaseOfSale(sale: PurchasedSale, pointsEarned?: number): Purchase {
  let cashKept = -(sale.change ?? 0);
  const tenders: PurchaseTender[] = [];
  for (const tender of sale.tenders) {
    if (tender.method === 'cash') cashKept += tender.amount;
    else if (tender.amount > 0) tenders.push(purchaseTenderOf(tender));
  }
  if (cashKept > 0) tenders.push({ method: 'cash', amount: cashKept });
  const earned = pointsEarned ?? (sale.ledger ?? []).find((entry) => entry.id === `${sale.id}-points-earn`)?.delta ?? 0;
  return {
    source: 'sale',
    id: sale.id,
    number: sale.number,
    storeId: sale.storeId,
    purchasedAt: sale.createdAt,
    ...(sale.customerId === undefined ? {} : { customerId: sale.customerId }),
    currency: sale.currency,
    lines: sale.lines.map((line) => ({
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      qty: Math.max(0, line.qty),
      unitPrice: line.unitPrice,
      discount: line.discount,
      taxRate: line.taxRate,
      total: line.total,
      priceIncludesTax: line.priceIncludesTax ?? true,
      unit: unitOf(line),
      ...(typeof line['giftCardId'] === 'string' ? { giftCardId: line['giftCardId'] } : {}),
    })),
    tenders,
    paidOnline: false,
    pointsEarned: Math.max(0, earned),
  };
}

function purchaseTenderOf(tender: SaleTender): PurchaseTender {
  const points = pointsOf(tender);
  return {
    method: tender.method,
    amount: tender.amount,
    ...(tender.reference === undefined ? {} : { reference: tender.reference }),
    ...(typeof tender.terminal === 'string' ? { terminal: tender.terminal } : {}),
    ...(points === undefined ? {} : { points }),
  };
}

/** What an online order tells of a purchase: its `orders` document, or the summary signed on its packing slip. */
export interface PurchasedOrder {
  /** The order's id (a packing slip's summary calls it orderId: pass that). */
  readonly id: string;
  readonly number: string;
  readonly storeId: string;
  readonly placedAt: string;
  readonly customerId?: string;
  readonly currency: string;
  readonly paid: boolean;
  readonly lines: ReadonlyArray<{ readonly productId: string; readonly sku: string; readonly name: string; readonly qty: number; readonly unitPrice: number; readonly taxRate: number; readonly total: number }>;
}

/** An online order as a purchase: prices include VAT, and a line's total below price x qty is its discount. */
export function purchaseOfOrder(order: PurchasedOrder): Purchase {
  return {
    source: 'order',
    id: order.id,
    number: order.number,
    storeId: order.storeId,
    purchasedAt: order.placedAt,
    ...(order.customerId === undefined ? {} : { customerId: order.customerId }),
    currency: order.currency,
    lines: order.lines.map((line) => {
      const gross = multiplyByQuantity(line.unitPrice, line.qty);
      const discount = Math.max(0, gross - line.total);
      return {
        productId: line.productId,
        sku: line.sku,
        name: line.name,
        qty: line.qty,
        unitPrice: line.unitPrice,
        discount,
        taxRate: line.taxRate,
        total: gross - discount,
        priceIncludesTax: true,
        unit: line.qty % 1000 === 0 ? 'pcs' : 'kg',
      };
    }),
    tenders: [],
    paidOnline: order.paid,
    pointsEarned: 0,
  };
}

/** The pool a tender's money goes back to: a gift card or card by its reference, anything else by its kind. */
export function poolKey(tender: { readonly method: TenderMethod; readonly reference?: string }): string {
  return tender.method === 'gift_card' || tender.method === 'card' ? `${tender.method}:${tender.reference ?? ''}` : tender.method;
}

/** What went back to one pool: the amount, and the points (on the points pool). */
export interface Refunded {
  readonly amount: number;
  readonly points: number;
}

/** How much of a purchase has come back (by earlier returns and a cancellation). */
export interface ReturnedSoFar {
  /** Thousandths returned per purchase line (never counted beyond what was bought). */
  readonly qty: readonly number[];
  /** Value of the earning goods returned (what points are taken back in proportion to). */
  readonly earningValue: number;
  readonly refunded: ReadonlyMap<string, Refunded>;
  readonly pointsClawedBack: number;
  /** The purchase was cancelled (a reversal, reason 'void'): nothing is left to return. */
  readonly cancelled: boolean;
}

/** What earlier returns tell (a stored return document fits). */
export type EarlierReturn = Pick<SaleDocument, 'id' | 'kind' | 'reason' | 'originalSaleId' | 'orderId' | 'lines' | 'tenders' | 'ledger'>;

/** Whether a document returns (or cancels) this purchase. */
export function returnsPurchase(document: Pick<SaleDocument, 'kind' | 'originalSaleId' | 'orderId'>, purchase: Pick<Purchase, 'source' | 'id'>): boolean {
  if (document.kind !== 'return') return false;
  return purchase.source === 'sale' ? document.originalSaleId === purchase.id : document.orderId === purchase.id;
}

/** A line of the purchase earns points (the caller's rule: not a gift card, not of a category that earns nothing). */
export type LineEarns = (line: PurchaseLine) => boolean;

export const earnsUnlessGiftCard: LineEarns = (line) => line.giftCardId === undefined;

/** The value of the purchase's earning goods (what its points were earned on, before tenders). */
export function earningValueOf(purchase: Pick<Purchase, 'lines'>, earns: LineEarns = earnsUnlessGiftCard): number {
  return purchase.lines.reduce((sum, line) => sum + (line.qty > 0 && earns(line) ? line.total : 0), 0);
}

/** The returns of a purchase among `documents` (the tablet's, or those the server holds), added up. */
export function returnedSoFar(purchase: Purchase, documents: readonly EarlierReturn[], earns: LineEarns = earnsUnlessGiftCard): ReturnedSoFar {
  const qty = purchase.lines.map(() => 0);
  let earningValue = 0;
  let pointsClawedBack = 0;
  let cancelled = false;
  const refunded = new Map<string, Refunded>();
  for (const document of documents) {
    if (!returnsPurchase(document, purchase)) continue;
    if (document.reason === 'void') {
      cancelled = true;
      purchase.lines.forEach((line, index) => {
        qty[index] = line.qty;
      });
      earningValue = earningValueOf(purchase, earns);
    } else {
      for (const line of document.lines) {
        const index = line['originalLine'];
        const bought = typeof index === 'number' ? purchase.lines[index] : undefined;
        if (bought === undefined || line.qty >= 0) continue;
        const back = Math.min(-line.qty, bought.qty - (qty[index as number] ?? 0));
        qty[index as number] = (qty[index as number] ?? 0) + back;
        if (earns(bought)) earningValue += -line.total;
      }
    }
    for (const tender of document.tenders) {
      if (tender.amount >= 0) continue;
      const key = poolKey(tender);
      const before = refunded.get(key) ?? { amount: 0, points: 0 };
      refunded.set(key, { amount: before.amount - tender.amount, points: before.points + (pointsOf(tender) ?? 0) });
    }
    for (const entry of document.ledger ?? []) if (entry.id === `${document.id}-points-clawback` || (document.reason === 'void' && entry.id === `${document.id}-points-earn`)) pointsClawedBack -= entry.delta;
  }
  return { qty, earningValue, refunded, pointsClawedBack, cancelled };
}

/** Why `qty` thousandths of a purchase line cannot come back now, or undefined when they can. */
export function returnQuantityProblem(line: PurchaseLine, alreadyReturned: number, qty: number): string | undefined {
  const left = line.qty - alreadyReturned;
  if (!Number.isSafeInteger(qty) || qty <= 0) return `${String(qty)} is not a quantity to return`;
  if (line.qty <= 0) return `${line.name} was not bought on this purchase`;
  if (qty > left) return `${line.name}: ${qty / 1000} to return, but only ${left / 1000} of ${line.qty / 1000} bought ${left === line.qty ? 'are' : 'are left to'} return`;
  if (qty % 1000 !== 0 && qty !== left) return `${line.name}: a part of a piece or of a weighed item comes back whole (${left / 1000} ${line.unit})`;
  return undefined;
}

/** The discount of the first `returned` thousandths of a line (cumulative share, all of it when all came back). */
export function discountShare(line: Pick<PurchaseLine, 'qty' | 'discount'>, returned: number): number {
  if (returned >= line.qty || line.qty <= 0) return returned >= line.qty ? line.discount : 0;
  return Number((BigInt(line.discount) * BigInt(returned)) / BigInt(line.qty));
}

/** The returned part as a line of the return document: negative qty and total (see the file header). */
export function returnedPart(line: PurchaseLine, alreadyReturned: number, qty: number): { readonly qty: number; readonly discount: number; readonly total: number } {
  const gross = multiplyByQuantity(line.unitPrice, qty);
  const discount = discountShare(line, alreadyReturned + qty) - discountShare(line, alreadyReturned);
  return { qty: -qty, discount, total: discount - gross };
}

/** Points to take back for returning earning goods worth `value` after `before` came back (cumulative, floor). */
export function pointsToTakeBack(earned: number, totalEarningValue: number, before: number, value: number): number {
  if (earned <= 0 || totalEarningValue <= 0 || value <= 0) return 0;
  const share = (returned: number): bigint => (BigInt(earned) * BigInt(Math.min(Math.max(0, returned), totalEarningValue))) / BigInt(totalEarningValue);
  return Number(share(before + value) - share(before));
}

/** Points given back for `amount` refunded to a points tender of `paidAmount` for `paidPoints`, after `before` was (cumulative, floor). */
export function pointsToGiveBack(paidPoints: number, paidAmount: number, before: number, amount: number): number {
  if (paidPoints <= 0 || paidAmount <= 0 || amount <= 0) return 0;
  const share = (refunded: number): bigint => (BigInt(paidPoints) * BigInt(Math.min(Math.max(0, refunded), paidAmount))) / BigInt(paidAmount);
  return Number(share(before + amount) - share(before));
}
