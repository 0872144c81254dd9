/*
 * The lines of a return document (sale-return.ts) and what follows from them alone: returned lines priced
 * from the purchase (returnable-purchase.ts) or, without receipt, from the catalog; the document's totals as
 * the server's sale check computes them; the stock movements (resellable back, damaged back and written off,
 * an exchange's new items out); and the points an exchange's new items earn. The server checks a pushed
 * return with the same functions (return-money.ts).
 */
import type { SaleLedgerEntry } from './documents.ts';
import { earningMultiplier, lineEarns, pointsFor } from './loyalty.ts';
import type { LoyaltyRules, LoyaltyTier } from './loyalty.ts';
import { multiplyByQuantity, sumMinorUnits } from './money.ts';
import { notReturnable } from './return-policy.ts';
import type { ReturnPolicy } from './return-policy.ts';
import { returnedPart, returnQuantityProblem } from './returnable-purchase.ts';
import type { LineEarns, Purchase, PurchaseLine, ReturnedSoFar } from './returnable-purchase.ts';
import { lineAmounts } from './sale-check.ts';
import type { CounterSaleLine } from './sale-document.ts';
import { computeTaxes } from './tax.ts';

export type ReturnCondition = 'resellable' | 'damaged';

/** A line of a return document: a returned line carries its original line, reason and condition. */
export type ReturnDocumentLine = CounterSaleLine & {
  readonly originalLine?: number;
  readonly returnReason?: string;
  readonly condition?: ReturnCondition;
};

/** A line of the purchase to take back. */
export interface ReturnLineRequest {
  /** Its index among the purchase's lines. */
  readonly originalLine: number;
  /** Thousandths: whole pieces, or all that is left of the line. */
  readonly qty: number;
  readonly reason: string;
  readonly condition: ReturnCondition;
}

/** An item brought back without its receipt: the catalog's product at today's price. */
export interface UnreceiptedLine {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly unitPrice: number;
  readonly taxRate: number;
  readonly priceIncludesTax: boolean;
  readonly unit: 'pcs' | 'kg';
  readonly qty: number;
  readonly reason: string;
  readonly condition: ReturnCondition;
}

/** Why a line cannot come back. */
export interface LineRefusal {
  readonly ok: false;
  readonly reason: 'unknown-line' | 'not-returnable' | 'bad-reason' | 'too-many';
  readonly detail: string;
}

function refuse(reason: LineRefusal['reason'], detail: string): LineRefusal {
  return { ok: false, reason, detail };
}

/** What the lines of a return are made from. */
export interface ReturnedLinesRequest {
  readonly lines?: readonly ReturnLineRequest[];
  readonly unreceiptedLines?: readonly UnreceiptedLine[];
  readonly categoryOf?: (productId: string) => string | undefined;
}

function reasonProblem(reason: string, condition: string): string | undefined {
  if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 64) return 'every returned line needs a reason (1-64 characters)';
  if (condition !== 'resellable' && condition !== 'damaged') return `a returned item is resellable or damaged, not ${String(condition)}`;
  return undefined;
}

export interface ReturnedLines {
  readonly lines: ReturnDocumentLine[];
  /** Value of the earning goods among them (positive). */
  readonly earningValue: number;
}

/** The returned lines of a return with its purchase, or why one cannot come back. */
export function linesFromPurchase(request: ReturnedLinesRequest, purchase: Purchase, soFar: ReturnedSoFar, policy: ReturnPolicy, earns: LineEarns): ReturnedLines | LineRefusal {
  const taken = [...soFar.qty];
  const lines: ReturnDocumentLine[] = [];
  let earningValue = 0;
  for (const wanted of request.lines ?? []) {
    const bought: PurchaseLine | undefined = Number.isInteger(wanted.originalLine) ? purchase.lines[wanted.originalLine] : undefined;
    if (bought === undefined) return refuse('unknown-line', `${purchase.number} has no line ${String(wanted.originalLine + 1)}`);
    const refused = notReturnable(bought, request.categoryOf?.(bought.productId), policy);
    if (refused !== undefined) return refuse('not-returnable', `${bought.name}: ${refused}`);
    const badReason = reasonProblem(wanted.reason, wanted.condition);
    if (badReason !== undefined) return refuse('bad-reason', `${bought.name}: ${badReason}`);
    const before = taken[wanted.originalLine] ?? 0;
    const tooMany = returnQuantityProblem(bought, before, wanted.qty);
    if (tooMany !== undefined) return refuse('too-many', tooMany);
    taken[wanted.originalLine] = before + wanted.qty;
    const part = returnedPart(bought, before, wanted.qty);
    if (earns(bought)) earningValue -= part.total;
    lines.push({
      productId: bought.productId,
      sku: bought.sku,
      name: bought.name,
      qty: part.qty,
      unitPrice: bought.unitPrice,
      discount: part.discount,
      taxRate: bought.taxRate,
      total: part.total,
      priceIncludesTax: bought.priceIncludesTax,
      unit: bought.unit,
      originalLine: wanted.originalLine,
      returnReason: wanted.reason.trim(),
      condition: wanted.condition,
    });
  }
  return { lines, earningValue };
}

/** The returned lines of a return without receipt: today's catalog price, no discount. */
export function linesWithoutReceipt(request: ReturnedLinesRequest, policy: ReturnPolicy): ReturnedLines | LineRefusal {
  const lines: ReturnDocumentLine[] = [];
  for (const item of request.unreceiptedLines ?? []) {
    const refused = notReturnable(item, request.categoryOf?.(item.productId), policy);
    if (refused !== undefined) return refuse('not-returnable', `${item.name}: ${refused}`);
    const badReason = reasonProblem(item.reason, item.condition);
    if (badReason !== undefined) return refuse('bad-reason', `${item.name}: ${badReason}`);
    if (!Number.isSafeInteger(item.qty) || item.qty <= 0 || (item.unit === 'pcs' && item.qty % 1000 !== 0)) return refuse('too-many', `${item.name}: ${String(item.qty)} is not a quantity to return`);
    const gross = multiplyByQuantity(item.unitPrice, item.qty);
    lines.push({
      productId: item.productId,
      sku: item.sku,
      name: item.name,
      qty: -item.qty,
      unitPrice: item.unitPrice,
      discount: 0,
      taxRate: item.taxRate,
      total: -gross,
      priceIncludesTax: item.priceIncludesTax,
      unit: item.unit,
      returnReason: item.reason.trim(),
      condition: item.condition,
    });
  }
  return { lines, earningValue: 0 };
}

/** The totals of a return's lines, as the server's sale check computes them. */
export function returnTotals(lines: readonly ReturnDocumentLine[]): { subtotal: number; discount: number; tax: number; total: number } {
  const amounts = lines.map(lineAmounts);
  const taxes = computeTaxes(lines.map((line) => ({ amount: line.total, rateBasisPoints: line.taxRate, pricesIncludeTax: line.priceIncludesTax })));
  return {
    subtotal: sumMinorUnits(amounts.map((a) => a.gross)),
    discount: sumMinorUnits(amounts.map((a) => a.discount)),
    tax: taxes.totals.tax,
    total: taxes.totals.gross,
  };
}

/** The stock movements of a return's lines: back (and written off when damaged), new items out. */
export function returnStockEntries(id: string, lines: ReadonlyArray<{ readonly productId: string; readonly qty: number; readonly condition?: unknown }>): SaleLedgerEntry[] {
  const entries: SaleLedgerEntry[] = [];
  lines.forEach((line, index) => {
    if (line.qty > 0) {
      entries.push({ id: `${id}-stock-${index}`, kind: 'stock', refId: line.productId, delta: -line.qty, reason: 'sale' });
      return;
    }
    entries.push({ id: `${id}-stock-${index}`, kind: 'stock', refId: line.productId, delta: -line.qty, reason: 'return' });
    if (line.condition === 'damaged') entries.push({ id: `${id}-writeoff-${index}`, kind: 'stock', refId: line.productId, delta: line.qty, reason: 'damaged' });
  });
  return entries;
}

/** Points the new items of an exchange earn: their earning value less what was paid for them in points. */
export function exchangeEarning(
  newLines: readonly { readonly productId: string; readonly qty: number; readonly total: number; readonly giftCardId?: unknown }[],
  payments: readonly { readonly method: string; readonly amount: number }[],
  at: string,
  rules: { readonly loyalty?: LoyaltyRules; readonly tier?: LoyaltyTier },
  categoryOf?: (productId: string) => string | undefined,
): number {
  const loyalty = rules.loyalty;
  if (loyalty === undefined || newLines.length === 0) return 0;
  const value = newLines.reduce((sum, line) => sum + (line.qty > 0 && lineEarns(line, loyalty, categoryOf) ? line.total : 0), 0);
  const inPoints = payments.reduce((sum, payment) => sum + (payment.method === 'points' && payment.amount > 0 ? payment.amount : 0), 0);
  return pointsFor(value - inPoints, earningMultiplier(at, loyalty, rules.tier), loyalty.amountPerPoint);
}
