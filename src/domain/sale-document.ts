/*
 * A paid cart turned into the sale document the device writes to IndexedDB (before printing) and
 * pushes to the server: the wire shape of README "Sync protocol (v1)" and src/data/schemas/sales.json.
 * The server recomputes it with checkSale (sale-check.ts); the amounts here come from cartTotals and
 * paymentState, which follow the same rules, so a sale built here passes.
 *
 * Deterministic: everything that varies (the UUIDv7 id, the receipt number, the time) is given by the
 * caller, so the same cart and tenders give the same document on any device, and a test can say
 * exactly what is written. The embedded `ledger` holds the movements the sale causes, each with an id
 * derived from the sale's id, so writing the sale twice writes the same movements (idempotent by id):
 *   - stock:     one per line, refId productId, delta -qty (thousandths), reason 'sale'  (<id>-stock-<line>)
 *   - points:    earned by the attached customer, by loyalty.ts (floor(amount paid other than in points /
 *                amountPerPoint) with no tier, promotion or category rule), reason 'earn' (<id>-points-earn);
 *                a sale earning at a tier names it (`loyaltyTier`)
 *   - and what each tender moves, as its kind says (tender-kinds.ts): points redeemed -points, gift card
 *     money -amount, store credit -amount, reason 'redeem' (<id>-points|giftcard|credit-<tender index>)
 *   - gift cards:  +line total on the card a gift-card line sells or reloads, reason 'load'
 *                (<id>-giftcard-load-<line>, gift-card-sale.ts: the server applies it once the sale is paid)
 *
 * Cash rounding, when the store uses it, is kept as `totals.cashRounding` (paid - change = total +
 * cashRounding) and the change handed back as `change`.
 */
import type { CartLine, CartState } from './cart.ts';
import { cartTotals } from './cart-totals.ts';
import type { CartLineTotals, CashRounding } from './cart-totals.ts';
import type { Narrowed, SaleDocument, SaleLedgerEntry, SaleLine, SaleTotals } from './documents.ts';
import { isNonEmpty, mapNonEmpty } from './non-empty.ts';
import type { NonEmpty } from './non-empty.ts';
import { giftCardLoads } from './gift-card-sale.ts';
import { plainEarning, pointsEarnedBy } from './loyalty.ts';
import type { LoyaltyRules, LoyaltyTier } from './loyalty.ts';
import { kindOf, tenderOnWire } from './tender-kinds.ts';
import type { CounterSaleTender } from './tender-kinds.ts';
import { paymentState } from './tender.ts';
import type { PaymentProblem, Tender } from './tender.ts';
import type { TaxClass } from './tax-presets.ts';

export interface SaleContext {
  /** UUIDv7 made by the caller. */
  readonly id: string;
  readonly storeId: string;
  readonly deviceId: string;
  /** Receipt number (formatReceiptNumber). */
  readonly number: string;
  /** ISO 8601 time of completion, from the caller's clock. */
  readonly createdAt: string;
  readonly staffId: string;
  readonly currency: string;
}

export interface SaleRules {
  readonly taxClasses: readonly TaxClass[];
  readonly cashRounding?: CashRounding;
  /**
   * Loyalty earning: one point per `amountPerPoint` minor units paid (e.g. 10,000 VND); with the store's
   * full `rules` (loyalty.ts: categories that earn nothing, promotion days) and the customer's `tier` as this
   * till knows it (the sale then names it, `loyaltyTier`), and the catalog's categories.
   */
  readonly loyalty?: {
    readonly amountPerPoint: number;
    readonly rules?: LoyaltyRules;
    readonly tier?: LoyaltyTier;
    readonly categoryOf?: (productId: string) => string | undefined;
  };
}

/** A line as the counter writes it: the stored line, with the fields sales.json lets through unnamed typed (documents.ts). */
export type CounterSaleLine = SaleLine & {
  readonly priceIncludesTax: boolean;
  readonly unit: 'pcs' | 'kg';
  /** The price before a cashier's override, present only when overridden. */
  readonly listPrice?: number;
  /** The manager who approved this line's override or discount. */
  readonly approvedBy?: string;
  /** The gift card this line sells or reloads (its number). */
  readonly giftCardId?: string;
};

/** A tender as the counter writes it (tender-kinds.ts); reference = card terminal reference, transfer content, or gift card id. */
export type { CounterSaleTender };

export type CounterSaleTotals = SaleTotals & { readonly cashRounding?: number };

/**
 * A sale as the counter completes it: a stored sale document (src/data/schemas/sales.json, so it is written as
 * it stands), narrowed to what every counter sale has: its change and its ledger, always.
 */
export type CompletedSale = Narrowed<
  SaleDocument,
  {
    readonly kind: 'sale';
    readonly lines: NonEmpty<CounterSaleLine>;
    readonly tenders: CounterSaleTender[];
    readonly totals: CounterSaleTotals;
    readonly change: number;
    readonly ledger: SaleLedgerEntry[];
  }
>;

export type SaleFailureReason =
  /** Nothing to sell. */
  | 'empty-cart'
  /** The tenders do not complete the payment (see problems, or remaining). */
  | 'not-paid'
  /** Points or store credit without a customer attached. */
  | 'customer-required'
  /** More lines (1,000) or tenders (50) than one sale document holds. */
  | 'too-large'
  /** An id, number or other context value the document cannot carry. */
  | 'bad-context';

export type SaleBuild =
  | { readonly ok: true; readonly sale: CompletedSale }
  | { readonly ok: false; readonly reason: SaleFailureReason; readonly detail: string; readonly problems?: readonly PaymentProblem[] };

const MAX_ID_LENGTH = 64;
const MAX_LINES = 1000;
const MAX_TENDERS = 50;

function checkContext(context: SaleContext): string | undefined {
  for (const key of ['id', 'storeId', 'deviceId', 'number', 'staffId'] as const) {
    const value = context[key];
    if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH) return `${key} must be 1-${MAX_ID_LENGTH} characters`;
  }
  // The longest derived ledger id is "<id>-giftcard-<tender index>" or "<id>-stock-<line index>".
  if (context.id.length > 40) return 'the sale id must be at most 40 characters (a UUIDv7 is 36)';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(context.createdAt)) return 'createdAt must be an ISO 8601 date-time';
  if (!/^[A-Z]{3}$/.test(context.currency)) return 'currency must be an ISO 4217 code';
  return undefined;
}

function ledgerOf(cart: CartState, tenders: readonly Tender[], id: string): SaleLedgerEntry[] {
  const ledger: SaleLedgerEntry[] = cart.lines.map((line, index) => ({
    id: `${id}-stock-${index}`,
    kind: 'stock',
    refId: line.productId,
    delta: -line.qty,
    reason: 'sale',
  }));
  const customerId = cart.customerId;
  tenders.forEach((tender, index) => {
    const entry = kindOf(tender).ledgerEntry(tender, { saleId: id, index, ...(customerId === undefined ? {} : { customerId }) });
    if (entry !== undefined) ledger.push(entry);
  });
  return ledger;
}

/** The points the built sale earns its customer (loyalty.ts, the rule the server derives them by), as a ledger entry. */
function earningOf(sale: CompletedSale, rules: SaleRules): SaleLedgerEntry | undefined {
  const loyalty = rules.loyalty;
  if (sale.customerId === undefined || loyalty === undefined) return undefined;
  const amountPerPoint = loyalty.amountPerPoint;
  if (!Number.isSafeInteger(amountPerPoint) || amountPerPoint <= 0) throw new Error(`Loyalty amountPerPoint must be a positive integer, got ${amountPerPoint}`);
  const earning = pointsEarnedBy(sale, { ...(loyalty.rules ?? plainEarning(amountPerPoint)), amountPerPoint }, {
    ...(loyalty.tier === undefined ? {} : { tier: loyalty.tier }),
    ...(loyalty.categoryOf === undefined ? {} : { categoryOf: loyalty.categoryOf }),
  });
  return earning.points > 0 ? { id: `${sale.id}-points-earn`, kind: 'points', refId: sale.customerId, delta: earning.points, reason: 'earn' } : undefined;
}

/**
 * A cart line as a sale document stores it, with its amounts from the cart's totals (cart-totals.ts); an
 * exchange's new items are written the same way (features/returns, domain/sale-return.ts).
 */
export function counterSaleLine(line: CartLine, amounts: CartLineTotals | undefined): CounterSaleLine {
  const approvedBy = line.priceOverride?.approvedBy ?? line.discountApprovedBy;
  return {
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    qty: line.qty,
    unitPrice: line.unitPrice,
    discount: amounts?.discount ?? 0,
    taxRate: amounts?.rateBasisPoints ?? 0,
    total: amounts?.total ?? 0,
    priceIncludesTax: amounts?.pricesIncludeTax ?? true,
    unit: line.unit,
    ...(line.priceOverride === undefined ? {} : { listPrice: line.listPrice }),
    ...(approvedBy === undefined ? {} : { approvedBy }),
    ...(line.giftCardId === undefined ? {} : { giftCardId: line.giftCardId }),
  };
}

/** The sale document for a paid cart, or why the cart cannot be completed yet. */
export function buildSaleDocument(cart: CartState, tenders: readonly Tender[], context: SaleContext, rules: SaleRules): SaleBuild {
  const contextProblem = checkContext(context);
  if (contextProblem !== undefined) return { ok: false, reason: 'bad-context', detail: contextProblem };
  if (cart.lines.length === 0) return { ok: false, reason: 'empty-cart', detail: 'a sale needs at least one line' };
  if (cart.lines.length > MAX_LINES || tenders.length > MAX_TENDERS) {
    return { ok: false, reason: 'too-large', detail: `a sale holds at most ${MAX_LINES} lines and ${MAX_TENDERS} tenders: split it` };
  }
  if (cart.customerId === undefined && tenders.some((tender) => kindOf(tender).needsCustomer)) {
    return { ok: false, reason: 'customer-required', detail: 'points and store credit belong to a customer: attach one first' };
  }
  const totals = cartTotals(cart, rules.taxClasses, rules.cashRounding);
  const payment = paymentState(totals.total, tenders, rules.cashRounding);
  if (!payment.canComplete) {
    const detail = payment.problems.length > 0 ? payment.problems.map((problem) => problem.detail).join('; ') : `${payment.remaining} still to pay`;
    return { ok: false, reason: 'not-paid', detail, problems: payment.problems };
  }

  if (!isNonEmpty(cart.lines)) return { ok: false, reason: 'empty-cart', detail: 'a sale needs at least one line' };
  const lines = mapNonEmpty(cart.lines, (line, index) => counterSaleLine(line, totals.lines[index]));
  const sale: CompletedSale = {
    id: context.id,
    kind: 'sale',
    storeId: context.storeId,
    deviceId: context.deviceId,
    number: context.number,
    createdAt: context.createdAt,
    staffId: context.staffId,
    ...(cart.customerId === undefined ? {} : { customerId: cart.customerId }),
    currency: context.currency,
    lines,
    tenders: tenders.map(tenderOnWire),
    totals: {
      subtotal: totals.subtotal,
      discount: totals.discount,
      tax: totals.tax,
      total: totals.total,
      ...(payment.cashRounding === 0 ? {} : { cashRounding: payment.cashRounding }),
    },
    change: payment.change,
    ...(cart.discountApprovedBy === undefined ? {} : { discountApprovedBy: cart.discountApprovedBy }),
    ...(cart.customerId === undefined || rules.loyalty?.tier === undefined ? {} : { loyaltyTier: rules.loyalty.tier.id }),
    ledger: ledgerOf(cart, tenders, context.id),
  };
  const earned = earningOf(sale, rules);
  const loads = giftCardLoads(sale);
  if (earned === undefined && loads.length === 0) return { ok: true, sale };
  return { ok: true, sale: { ...sale, ledger: [...sale.ledger, ...loads, ...(earned === undefined ? [] : [earned])] } };
}
