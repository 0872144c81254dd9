/*
 * Cancelling a completed sale: never a delete (sales are append-only facts, README "Sync protocol"), but a
 * reversing document the device writes and pushes like any sale: kind 'return', reason 'void', pointing at
 * the original by `originalSaleId` (and its receipt number, for the printed slip), with the manager who
 * approved it as `approverId`.
 *
 * Everything in it is the original turned around, so the two together net to zero:
 *   - lines:   qty negated, same unit price and (positive) discount, total negated; the server's check
 *              (sale-check.ts) reads a negative-qty line as unitPrice x qty + discount, which is exactly -total;
 *   - totals:  subtotal, discount, tax, total and cash rounding negated (tax.ts groups returned lines apart
 *              from sold ones, so the VAT of a reversal mirrors the sale's to the unit);
 *   - tenders: refunded the way they were paid: each card, QR, gift card, points and store credit tender
 *              negated; cash as ONE refund of the cash the drawer kept (cash handed over - change), so the
 *              cashier hands back what the customer really paid in cash and `change` is 0. One corner case
 *              keeps the cash tenders mirrored instead: a cash part rounded down to nothing (cash handed over
 *              and all of it handed back) still carries a cash rounding, which the server only accepts with
 *              cash tendered; there the reversal says the customer hands the "change" back (`change` < 0).
 *   - ledger:  every movement of the sale negated (stock back on the shelf, earned points taken back, points,
 *              gift card money and store credit given back), reason 'void', with ids derived from the
 *              reversal's id the way a sale derives its own, so writing it twice moves nothing twice.
 *
 * Pure and deterministic: the new id, receipt number, time and people come from the caller.
 */
import type { Narrowed, SaleDocument, SaleLedgerEntry, SaleLine, SaleTender } from './documents.ts';
import { mapNonEmpty } from './non-empty.ts';
import type { NonEmpty } from './non-empty.ts';
import { cashRoundingOf, pointsOf } from './sale-amounts.ts';
import type { CounterSaleTender, CounterSaleTotals } from './sale-document.ts';

/** The reason recorded on a cancellation (as opposed to a customer return). */
export const VOID_REASON = 'void';

/** The reversing document: a stored sale document (src/data/schemas/sales.json) with what a cancellation always has. */
export type SaleReversal = Narrowed<SaleDocument, {
  readonly kind: 'return';
  readonly reason: typeof VOID_REASON;
  readonly originalSaleId: string;
  /** The cancelled sale's receipt number, printed on the cancellation slip. */
  readonly originalNumber: string;
  /** Who approved the cancellation (the staff member themself when their role holds sale.void). */
  readonly approverId: string;
  readonly lines: NonEmpty<SaleLine>;
  readonly tenders: CounterSaleTender[];
  readonly totals: CounterSaleTotals;
  readonly change: number;
  readonly ledger: SaleLedgerEntry[];
}>;

export interface ReversalContext {
  /** UUIDv7 made by the caller. */
  readonly id: string;
  /** This device: the reversal is written here, whichever till rang the sale up. */
  readonly deviceId: string;
  /** The reversal's own receipt number. */
  readonly number: string;
  /** ISO 8601 time of the cancellation. */
  readonly createdAt: string;
  /** Who cancels. */
  readonly staffId: string;
  readonly approverId: string;
}

/** What a reversal needs of the original: a sale document as stored (extra fields are ignored). */
export type ReversibleSale = Pick<
  SaleDocument,
  'id' | 'kind' | 'storeId' | 'number' | 'customerId' | 'currency' | 'lines' | 'tenders' | 'totals' | 'change' | 'ledger'
>;

export type ReversalFailureReason =
  /** Only a sale can be cancelled (a return is not reversed by voiding it). */
  | 'not-a-sale'
  /** The sale already has its reversal. */
  | 'already-cancelled'
  /** Part of the sale came back already (sale-return.ts): return the rest instead of cancelling it all. */
  | 'has-returns'
  /** An id or time the document cannot carry. */
  | 'bad-context';

export type ReversalBuild =
  | { readonly ok: true; readonly reversal: SaleReversal }
  | { readonly ok: false; readonly reason: ReversalFailureReason; readonly detail: string };

const MAX_ID_LENGTH = 64;

/** -amount without a negative zero (IndexedDB would keep -0 and a strict comparison would trip on it). */
function negate(amount: number): number {
  return amount === 0 ? 0 : -amount;
}

function checkContext(context: ReversalContext): string | undefined {
  for (const key of ['id', 'deviceId', 'number', 'staffId', 'approverId'] as const) {
    const value = context[key];
    if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH) return `${key} must be 1-${MAX_ID_LENGTH} characters`;
  }
  // The longest derived ledger id is "<id>-giftcard-<tender index>" (see sale-document.ts).
  if (context.id.length > 40) return 'the reversal id must be at most 40 characters (a UUIDv7 is 36)';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(context.createdAt)) return 'createdAt must be an ISO 8601 date-time';
  return undefined;
}

/** The ids of the sales these documents cancel (reversals among them, whatever else is in the list). */
export function cancelledSaleIds(documents: readonly { readonly kind: string; readonly reason?: unknown; readonly originalSaleId?: unknown }[]): Set<string> {
  const ids = new Set<string>();
  for (const document of documents) {
    if (document.kind === 'return' && document.reason === VOID_REASON && typeof document.originalSaleId === 'string') ids.add(document.originalSaleId);
  }
  return ids;
}

function reverseLine(line: SaleLine): SaleLine {
  return {
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    qty: negate(line.qty),
    unitPrice: line.unitPrice,
    discount: line.discount,
    taxRate: line.taxRate,
    total: negate(line.total),
    priceIncludesTax: line.priceIncludesTax,
    unit: line['unit'],
  };
}

function reverseTender(tender: SaleTender): CounterSaleTender {
  const points = pointsOf(tender);
  return {
    method: tender.method,
    amount: negate(tender.amount),
    ...(tender.reference === undefined ? {} : { reference: tender.reference }),
    // A card is refunded on the terminal it was charged on: the Z report's card-by-terminal rows net out.
    ...(typeof tender.terminal === 'string' ? { terminal: tender.terminal } : {}),
    ...(points === undefined ? {} : { points }),
  };
}

/** Tenders refunded the way they were paid, and the reversal's `change` (see the file header). */
function refundTenders(original: ReversibleSale): { tenders: CounterSaleTender[]; change: number } {
  const change = original.change ?? 0;
  const cashKept = original.tenders.reduce((sum, tender) => sum + (tender.method === 'cash' ? tender.amount : 0), 0) - change;
  const rounded = cashRoundingOf(original.totals) !== 0;
  if (cashKept === 0 && rounded) return { tenders: original.tenders.map(reverseTender), change: negate(change) };
  const tenders: CounterSaleTender[] = [];
  let cashRefunded = false;
  for (const tender of original.tenders) {
    if (tender.method !== 'cash') {
      tenders.push(reverseTender(tender));
    } else if (!cashRefunded && cashKept !== 0) {
      tenders.push({ method: 'cash', amount: negate(cashKept) });
      cashRefunded = true;
    }
  }
  return { tenders, change: 0 };
}

function reverseLedger(original: ReversibleSale, id: string): SaleLedgerEntry[] {
  const derivedId = (entryId: string, index: number): string => {
    const derived = entryId.startsWith(`${original.id}-`) ? `${id}${entryId.slice(original.id.length)}` : '';
    return derived !== '' && derived.length <= MAX_ID_LENGTH ? derived : `${id}-void-${index}`;
  };
  return (original.ledger ?? []).map((entry, index) => ({
    id: derivedId(entry.id, index),
    kind: entry.kind,
    refId: entry.refId,
    delta: negate(entry.delta),
    reason: VOID_REASON,
  }));
}

/**
 * The document that cancels `original`, or why it cannot. `alreadyCancelled` is the caller's knowledge of
 * earlier reversals (cancelledSaleIds over the sales it has), `alreadyReturned` of partial returns
 * (returnedPurchaseIds, sale-return.ts): a sale with returns is not cancelled whole, its rest is returned.
 */
export function buildSaleReversal(
  original: ReversibleSale,
  context: ReversalContext,
  alreadyCancelled: ReadonlySet<string> = new Set(),
  alreadyReturned: ReadonlySet<string> = new Set(),
): ReversalBuild {
  const contextProblem = checkContext(context);
  if (contextProblem !== undefined) return { ok: false, reason: 'bad-context', detail: contextProblem };
  if (original.kind !== 'sale') return { ok: false, reason: 'not-a-sale', detail: `${original.number} is a ${original.kind}: only a sale can be cancelled` };
  if (alreadyCancelled.has(original.id)) return { ok: false, reason: 'already-cancelled', detail: `${original.number} is already cancelled` };
  if (alreadyReturned.has(original.id)) return { ok: false, reason: 'has-returns', detail: `part of ${original.number} was returned already: return the rest instead` };
  const { tenders, change } = refundTenders(original);
  const rounding = cashRoundingOf(original.totals);
  const reversal: SaleReversal = {
    id: context.id,
    kind: 'return',
    reason: VOID_REASON,
    originalSaleId: original.id,
    originalNumber: original.number,
    storeId: original.storeId,
    deviceId: context.deviceId,
    number: context.number,
    createdAt: context.createdAt,
    staffId: context.staffId,
    approverId: context.approverId,
    ...(original.customerId === undefined ? {} : { customerId: original.customerId }),
    currency: original.currency,
    lines: mapNonEmpty(original.lines, reverseLine),
    tenders,
    totals: {
      subtotal: negate(original.totals.subtotal),
      discount: negate(original.totals.discount),
      tax: negate(original.totals.tax),
      total: negate(original.totals.total),
      ...(rounding === 0 ? {} : { cashRounding: negate(rounding) }),
    },
    change,
    ledger: reverseLedger(original, context.id),
  };
  return { ok: true, reversal };
}
