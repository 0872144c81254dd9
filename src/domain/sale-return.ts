/*
 * A customer return at the counter, or an exchange: the document the device writes (before printing) and
 * pushes like any sale, kind 'return', pointing at what it returns: `originalSaleId` for an in-store sale,
 * `orderId` for an online order (from the server, or from a packing slip checked offline), nothing without a
 * receipt. Like a cancellation (sale-reversal.ts) it never changes the original; unlike one it may take back
 * part of it:
 *   - returned lines: some lines or part of a line (whole pieces, or what is left of a weighed line), each
 *     with a reason and a condition, priced as returnable-purchase.ts prices a returned part (negative qty
 *     and total, its share of the line's discount), with `originalLine`, `returnReason` and `condition`;
 *     never more than was bought less what this tablet knows has come back already (the server checks it
 *     again across every store and flags what goes beyond, return-money.ts);
 *   - an exchange (reason 'exchange'): the new items as sold lines (positive qty) in the same document, so
 *     the two settle against each other and the customer pays or gets back only the difference;
 *   - tenders: what the customer still pays for an exchange (as a sale takes it), or the refund planned by
 *     return-refund.ts (to the original tender where possible, the rest as chosen), negative;
 *   - ledger: stock back for a resellable line (+qty, reason 'return'); a damaged one comes back and is
 *     written off (+qty 'return' and -qty 'damaged', <id>-writeoff-<line>); new items out (-qty 'sale');
 *     the gift card, store credit or points given back (+, 'refund'), or spent on the difference; the points
 *     earned on the returned goods taken back (<id>-points-clawback, reason 'clawback', in proportion to the
 *     value returned, returnable-purchase.ts), never below the customer's balance unless the caller allows
 *     it (the server then flags the overdraft); points the new items of an exchange earn (<id>-points-earn).
 * The store's rules (return-policy.ts) hold: the window, items that never come back, the refund methods;
 * the result says which approvals the return needs (without receipt, above the limit), and the document
 * names the first as `approvalFor`: the caller gets a holder of all of them (a manager typing their PIN,
 * named as approverId unless it is the cashier) before writing it, and the tablet's signing hook
 * (src/session/approval-keys.ts) proves it like a cancellation.
 *
 * Pure and deterministic: ids, receipt number, time and people come from the caller.
 */
import type { CashRounding } from './cart-totals.ts';
import type { Narrowed, SaleDocument, SaleLedgerEntry } from './documents.ts';
import { lineEarns } from './loyalty.ts';
import type { LoyaltyRules, LoyaltyTier } from './loyalty.ts';
import { isNonEmpty } from './non-empty.ts';
import type { NonEmpty } from './non-empty.ts';
import { planRefund } from './return-refund.ts';
import type { RefundChoice, RefundFailureReason } from './return-refund.ts';
import { exchangeEarning, linesFromPurchase, linesWithoutReceipt, returnStockEntries, returnTotals } from './return-lines.ts';
import type { ReturnDocumentLine, ReturnedLines, ReturnLineRequest, UnreceiptedLine } from './return-lines.ts';
import { returnApprovalsNeeded, withinReturnWindow } from './return-policy.ts';
import type { ReturnPolicy } from './return-policy.ts';
import { earningValueOf, pointsToTakeBack, returnedSoFar } from './returnable-purchase.ts';
import type { EarlierReturn, LineEarns, Purchase, ReturnedSoFar } from './returnable-purchase.ts';
import type { CounterSaleLine, CounterSaleTotals } from './sale-document.ts';
import { kindOf, tenderOnWire } from './tender-kinds.ts';
import type { CounterSaleTender } from './tender-kinds.ts';
import { paymentState } from './tender.ts';
import type { Tender } from './tender.ts';

export type { ReturnCondition, ReturnDocumentLine, ReturnLineRequest, UnreceiptedLine } from './return-lines.ts';
export { exchangeEarning, returnStockEntries } from './return-lines.ts';

export type SaleReturn = Narrowed<
  SaleDocument,
  {
    readonly kind: 'return';
    readonly reason: 'return' | 'exchange';
    readonly lines: NonEmpty<ReturnDocumentLine>;
    readonly tenders: CounterSaleTender[];
    readonly totals: CounterSaleTotals;
    readonly change: number;
    readonly ledger: SaleLedgerEntry[];
  }
>;

export interface ReturnRequest {
  /** The purchase (its receipt, order or checked packing slip); absent for a return without receipt. */
  readonly purchase?: Purchase;
  /** Returns of it this tablet knows (its sales collection): what came back already. */
  readonly earlierReturns?: readonly EarlierReturn[];
  readonly lines?: readonly ReturnLineRequest[];
  readonly unreceiptedLines?: readonly UnreceiptedLine[];
  /** An exchange: the new items, priced as the cart prices them (positive qty). */
  readonly newLines?: readonly CounterSaleLine[];
  /** An exchange costing more than what came back: how the customer pays the difference. */
  readonly payments?: readonly Tender[];
  readonly refund: RefundChoice;
  /** The customer of the return (default: the purchase's). */
  readonly customerId?: string;
  /** The customer's points as this till sees them; with it, points are never taken back below zero... */
  readonly customerPoints?: number;
  /** ...unless a manager allows it (the server then flags the overdraft). */
  readonly allowNegativePoints?: boolean;
  /** A product's category, from the catalog (items that never come back, goods that earn no points). */
  readonly categoryOf?: (productId: string) => string | undefined;
}

export interface ReturnRules {
  readonly policy: ReturnPolicy;
  readonly cashRounding?: CashRounding;
  /** The store's loyalty programme: what the new items of an exchange earn, which goods earned points. */
  readonly loyalty?: LoyaltyRules;
  /** The customer's tier as this till knows it. */
  readonly tier?: LoyaltyTier;
}

export interface ReturnContext {
  /** UUIDv7 made by the caller (at most 40 characters: ledger ids derive from it). */
  readonly id: string;
  readonly storeId: string;
  readonly deviceId: string;
  readonly number: string;
  readonly createdAt: string;
  readonly staffId: string;
  /** The currency of a return without receipt (otherwise the purchase's). */
  readonly currency: string;
  /** Who approved, when the return needs it and the cashier's role does not hold it. */
  readonly approverId?: string;
}

export type ReturnFailureReason =
  | RefundFailureReason
  | 'bad-context'
  /** No line to take back. */
  | 'nothing-to-return'
  /** A line the purchase does not have. */
  | 'unknown-line'
  /** More than was bought less what came back, or part of a weighed line. */
  | 'too-many'
  /** An item of a category (or a product) the store never takes back, or a gift card. */
  | 'not-returnable'
  | 'outside-window'
  /** The purchase was cancelled: nothing of it is left to return. */
  | 'already-cancelled'
  /** An online order not paid online: its payment was a sale at the counter, return from that receipt. */
  | 'paid-at-counter'
  /** A line without a reason, or with a condition other than resellable or damaged. */
  | 'bad-reason'
  /** The customer pays the difference of an exchange, and the payments do not cover it. */
  | 'not-paid'
  /** Taking back the points earned would put the customer below zero. */
  | 'points-already-spent'
  | 'too-large';

export type ReturnBuild =
  | {
      readonly ok: true;
      readonly document: SaleReturn;
      /** The permissions the return needs a holder of (return-policy.ts): get them before writing it. */
      readonly approvalsNeeded: readonly string[];
      /** Money given back to the customer (0 when they pay the difference). */
      readonly refunded: number;
      readonly pointsTakenBack: number;
    }
  | { readonly ok: false; readonly reason: ReturnFailureReason; readonly detail: string };

const MAX_ID_LENGTH = 64;
const MAX_LINES = 1000;
const MAX_TENDERS = 50;

function fail(reason: ReturnFailureReason, detail: string): ReturnBuild {
  return { ok: false, reason, detail };
}

function checkContext(context: ReturnContext): string | undefined {
  for (const key of ['id', 'storeId', 'deviceId', 'number', 'staffId'] as const) {
    const value = context[key];
    if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH) return `${key} must be 1-${MAX_ID_LENGTH} characters`;
  }
  if (context.approverId !== undefined && (context.approverId === '' || context.approverId.length > MAX_ID_LENGTH)) return `approverId must be 1-${MAX_ID_LENGTH} characters`;
  if (context.id.length > 40) return 'the return id must be at most 40 characters (a UUIDv7 is 36)';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(context.createdAt)) return 'createdAt must be an ISO 8601 date-time';
  if (!/^[A-Z]{3}$/.test(context.currency)) return 'currency must be an ISO 4217 code';
  return undefined;
}

/** The balance a refund tender puts money back on (the points go back to the buyer). */
function refundEntry(id: string, tender: CounterSaleTender, index: number, customerId: string | undefined, buyerId: string | undefined): SaleLedgerEntry | undefined {
  if (tender.method === 'gift_card' && tender.reference !== undefined) return { id: `${id}-giftcard-${index}`, kind: 'giftcard', refId: tender.reference, delta: -tender.amount, reason: 'refund' };
  if (tender.method === 'store_credit' && customerId !== undefined) return { id: `${id}-credit-${index}`, kind: 'credit', refId: customerId, delta: -tender.amount, reason: 'refund' };
  if (tender.method === 'points' && buyerId !== undefined && tender.points !== undefined) return { id: `${id}-points-${index}`, kind: 'points', refId: buyerId, delta: tender.points, reason: 'refund' };
  return undefined;
}

/** Builds the return (or exchange) document, or says why it cannot be made (see the file header). */
export function buildSaleReturn(request: ReturnRequest, context: ReturnContext, rules: ReturnRules): ReturnBuild {
  const contextProblem = checkContext(context);
  if (contextProblem !== undefined) return fail('bad-context', contextProblem);
  const { purchase } = request;
  const { policy } = rules;
  const earns: LineEarns = (line) => (rules.loyalty === undefined ? line.giftCardId === undefined : lineEarns(line, rules.loyalty, request.categoryOf));
  let soFar: ReturnedSoFar | undefined;
  let returned: ReturnedLines | Extract<ReturnBuild, { ok: false }>;
  if (purchase !== undefined) {
    if (purchase.source === 'order' && !purchase.paidOnline) return fail('paid-at-counter', `order ${purchase.number} was paid at the counter: return it from that sale's receipt`);
    soFar = returnedSoFar(purchase, request.earlierReturns ?? [], earns);
    if (soFar.cancelled) return fail('already-cancelled', `${purchase.number} was cancelled: nothing of it is left to return`);
    if (!withinReturnWindow(purchase.purchasedAt, context.createdAt, policy)) return fail('outside-window', `${purchase.number} was bought more than ${String(policy.windowDays)} days ago`);
    returned = linesFromPurchase(request, purchase, soFar, policy, earns);
  } else {
    returned = linesWithoutReceipt(request, policy);
  }
  if ('ok' in returned) return returned;
  const newLines = (request.newLines ?? []).map((line): ReturnDocumentLine => ({ ...line }));
  if (newLines.some((line) => line.qty <= 0)) return fail('too-many', 'a new item of an exchange has a positive quantity');
  if (returned.lines.length === 0) return fail('nothing-to-return', 'choose at least one item to take back');
  const all = [...returned.lines, ...newLines];
  if (!isNonEmpty(all)) return fail('nothing-to-return', 'choose at least one item to take back');
  const lines: NonEmpty<ReturnDocumentLine> = [all[0], ...all.slice(1)];
  if (lines.length > MAX_LINES) return fail('too-large', `a return holds at most ${MAX_LINES} lines`);

  const id = context.id;
  const customerId = request.customerId ?? purchase?.customerId;
  const totals = returnTotals(lines);
  const ledger = returnStockEntries(id, lines);
  let tenders: CounterSaleTender[] = [];
  let change = 0;
  let cashRounding = 0;
  const payments = request.payments ?? [];
  if (totals.total > 0) {
    if (customerId === undefined && payments.some((payment) => kindOf(payment).needsCustomer)) return fail('customer-required', 'points and store credit belong to a customer: attach one first');
    const payment = paymentState(totals.total, payments, rules.cashRounding);
    if (!payment.canComplete) return fail('not-paid', payment.problems.length > 0 ? payment.problems.map((p) => p.detail).join('; ') : `${payment.remaining} still to pay for the exchange`);
    tenders = payments.map(tenderOnWire);
    change = payment.change;
    cashRounding = payment.cashRounding;
    payments.forEach((tender, index) => {
      const entry = kindOf(tender).ledgerEntry(tender, { saleId: id, index, ...(customerId === undefined ? {} : { customerId }) });
      if (entry !== undefined) ledger.push(entry);
    });
  } else if (totals.total < 0) {
    const plan = planRefund({
      amount: -totals.total,
      ...(purchase === undefined ? {} : { purchase }),
      ...(soFar === undefined ? {} : { soFar }),
      choice: request.refund,
      policy,
      ...(customerId === undefined ? {} : { customerId }),
      ...(rules.cashRounding === undefined ? {} : { cashRounding: rules.cashRounding }),
    });
    if (!plan.ok) return plan;
    tenders = plan.tenders;
    cashRounding = plan.cashRounding;
    tenders.forEach((tender, index) => {
      const entry = refundEntry(id, tender, index, customerId, purchase?.customerId);
      if (entry !== undefined) ledger.push(entry);
    });
  }
  if (tenders.length > MAX_TENDERS) return fail('too-large', `a return holds at most ${MAX_TENDERS} tenders`);

  let pointsTakenBack = 0;
  if (purchase?.customerId !== undefined && soFar !== undefined) {
    pointsTakenBack = pointsToTakeBack(purchase.pointsEarned, earningValueOf(purchase, earns), soFar.earningValue, returned.earningValue);
    const available = request.customerPoints;
    if (pointsTakenBack > 0 && available !== undefined && pointsTakenBack > available && request.allowNegativePoints !== true) {
      return fail('points-already-spent', `${pointsTakenBack} points were earned on these items and the customer has ${available} left: a manager must allow taking them below zero`);
    }
    if (pointsTakenBack > 0) ledger.push({ id: `${id}-points-clawback`, kind: 'points', refId: purchase.customerId, delta: -pointsTakenBack, reason: 'clawback' });
  }
  const earnedByNew = exchangeEarning(newLines, payments, context.createdAt, rules, request.categoryOf);
  if (customerId !== undefined && earnedByNew > 0) ledger.push({ id: `${id}-points-earn`, kind: 'points', refId: customerId, delta: earnedByNew, reason: 'earn' });

  const document: SaleReturn = {
    id,
    kind: 'return',
    reason: newLines.length > 0 ? 'exchange' : 'return',
    ...(purchase === undefined ? {} : purchase.source === 'sale' ? { originalSaleId: purchase.id } : { orderId: purchase.id }),
    ...(purchase === undefined ? {} : { originalNumber: purchase.number }),
    storeId: context.storeId,
    deviceId: context.deviceId,
    number: context.number,
    createdAt: context.createdAt,
    staffId: context.staffId,
    ...(context.approverId === undefined ? {} : { approverId: context.approverId }),
    ...(customerId === undefined ? {} : { customerId }),
    ...(customerId !== undefined && earnedByNew > 0 && rules.tier !== undefined ? { loyaltyTier: rules.tier.id } : {}),
    currency: purchase?.currency ?? context.currency,
    lines,
    tenders,
    totals: { ...totals, ...(cashRounding === 0 ? {} : { cashRounding }) },
    change,
    ledger,
  };
  const refunded = Math.max(0, -totals.total - cashRounding);
  const approvalsNeeded = returnApprovalsNeeded(purchase !== undefined, refunded, policy);
  // The approver proves the first permission (the tablet's signing hook reads approvalFor) and must hold them all.
  const approved: SaleReturn = approvalsNeeded[0] === undefined ? document : { ...document, approvalFor: approvalsNeeded[0] };
  return { ok: true, document: approved, approvalsNeeded, refunded, pointsTakenBack };
}

/** The ids of the purchases these documents return in part (returns other than cancellations). */
export function returnedPurchaseIds(documents: readonly Pick<SaleDocument, 'kind' | 'reason' | 'originalSaleId' | 'orderId'>[]): Set<string> {
  const ids = new Set<string>();
  for (const document of documents) {
    if (document.kind !== 'return' || document.reason === 'void') continue;
    if (typeof document.originalSaleId === 'string') ids.add(document.originalSaleId);
    if (typeof document.orderId === 'string') ids.add(document.orderId);
  }
  return ids;
}

export type { SaleDocument };
