/*
 * Paying for a sale: the tenders a customer uses, in any number and mix, and where the payment stands.
 *
 * The one rule that shapes everything: only cash may exceed what is due, because only cash can be
 * handed back as change. A card, a QR transfer, a gift card, points or store credit pay at most what is
 * still due; addTender refuses more with the largest amount that would fit.
 *
 * Cash rounding (optional, when the store rounds cash to a step such as 500 VND): non-cash tenders pay
 * their exact part; what is left for cash is rounded to the step once cash is tendered, and the
 * difference is `cashRounding` (so paid - change = due + cashRounding). Without cash, nothing is rounded.
 *
 * Amounts are positive integers in minor units. These functions are for sales; refunds are the returns
 * issue's (a negative due is refused as a programming error).
 */
import { roundToStep, sumMinorUnits } from './money.ts';
import { MAX_UNIT_PRICE } from './cart.ts';
import type { CashRounding } from './cart-totals.ts';
import { kindOf } from './tender-kinds.ts';
import type { Tender, TenderDetailFailureReason, TenderMethod } from './tender-kinds.ts';

/** The kinds of tender and their shapes are the tender-kinds table's (tender-kinds.ts). */
export type { Tender, TenderMethod };

export type TenderFailureReason =
  | TenderDetailFailureReason
  /** Not a positive whole amount. */
  | 'bad-amount'
  /** A tender other than cash for more than is still due. */
  | 'only-cash-gives-change';

export type TenderResult =
  | { readonly ok: true; readonly tenders: readonly Tender[] }
  | { readonly ok: false; readonly reason: TenderFailureReason; readonly detail: string; readonly largestAllowed?: number };

export type PaymentProblemReason = 'non-cash-exceeds-due' | 'bad-amount';

export interface PaymentProblem {
  readonly reason: PaymentProblemReason;
  readonly detail: string;
}

export interface PaymentState {
  /** The sale's total (exact, before any cash rounding). */
  readonly due: number;
  /** Everything tendered, cash as handed over. */
  readonly paid: number;
  readonly cashPaid: number;
  readonly nonCashPaid: number;
  /** Still to pay: exact, or rounded once cash is tendered and the store rounds cash. */
  readonly remaining: number;
  /** Still to pay if the rest comes in cash (rounded when the store rounds cash). */
  readonly remainingInCash: number;
  /** Cash to hand back; never negative, and never more than the cash tendered. */
  readonly change: number;
  /** Rounding of the cash part (paid - change = due + cashRounding); 0 without cash or rounding. */
  readonly cashRounding: number;
  readonly canComplete: boolean;
  readonly problems: readonly PaymentProblem[];
}

function isAmount(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount > 0 && amount <= MAX_UNIT_PRICE * 1000;
}

function assertDue(totalDue: number): void {
  if (!Number.isSafeInteger(totalDue) || totalDue < 0) throw new Error(`Amount due must be a whole amount >= 0, got ${String(totalDue)}`);
}

function nonCashSum(tenders: readonly Tender[]): number {
  return sumMinorUnits(tenders.filter((tender) => tender.method !== 'cash').map((tender) => tender.amount));
}

/** Checks one tender on its own (amount, then its kind's details); the reference comes back trimmed. */
export function checkTender<Method extends TenderMethod>(
  tender: Tender<Method>,
): { ok: true; tender: Tender<Method> } | { ok: false; reason: TenderFailureReason; detail: string } {
  if (!isAmount(tender.amount)) return { ok: false, reason: 'bad-amount', detail: `${String(tender.amount)} is not a positive whole amount` };
  return kindOf(tender).check(tender);
}

/**
 * The customer pays (part of) `totalDue` with one more tender. Cash may be any amount; any other tender
 * at most what is still due after the tenders already taken (`largestAllowed` says how much).
 */
export function addTender(tenders: readonly Tender[], tender: Tender, totalDue: number): TenderResult {
  assertDue(totalDue);
  const checked = checkTender(tender);
  if (!checked.ok) return checked;
  if (!kindOf(tender).givesChange) {
    const alreadyPaid = sumMinorUnits(tenders.map((each) => each.amount));
    const largestAllowed = Math.max(0, totalDue - alreadyPaid);
    if (tender.amount > largestAllowed) {
      return {
        ok: false,
        reason: 'only-cash-gives-change',
        detail: `only cash may pay more than is due; at most ${largestAllowed} by ${tender.method}`,
        largestAllowed,
      };
    }
  }
  return { ok: true, tenders: [...tenders, checked.tender] };
}

/** Takes back the tender at `index` (e.g. the card terminal declined after all). */
export function removeTender(tenders: readonly Tender[], index: number): readonly Tender[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= tenders.length) return tenders;
  return tenders.filter((_, position) => position !== index);
}

/** Where the payment of `totalDue` stands with these tenders (see the file header for cash rounding). */
export function paymentState(totalDue: number, tenders: readonly Tender[], cashRounding?: CashRounding): PaymentState {
  assertDue(totalDue);
  const problems: PaymentProblem[] = [];
  tenders.forEach((tender, index) => {
    if (!isAmount(tender.amount)) problems.push({ reason: 'bad-amount', detail: `tender ${index + 1}: ${String(tender.amount)} is not a positive whole amount` });
  });
  if (problems.length > 0) {
    return { due: totalDue, paid: 0, cashPaid: 0, nonCashPaid: 0, remaining: totalDue, remainingInCash: totalDue, change: 0, cashRounding: 0, canComplete: false, problems };
  }
  const cashPaid = sumMinorUnits(tenders.filter((tender) => tender.method === 'cash').map((tender) => tender.amount));
  const nonCashPaid = nonCashSum(tenders);
  const leftForCash = totalDue - nonCashPaid;
  if (leftForCash < 0) {
    problems.push({ reason: 'non-cash-exceeds-due', detail: `${nonCashPaid} paid other than in cash for ${totalDue} due: only cash may exceed it` });
  }
  const owed = Math.max(0, leftForCash);
  const roundedOwed = cashRounding === undefined || owed === 0 ? owed : roundToStep(owed, cashRounding.step, cashRounding.mode);
  const cashDue = cashPaid > 0 ? roundedOwed : owed;
  const rounding = cashDue - owed;
  return {
    due: totalDue,
    paid: cashPaid + nonCashPaid,
    cashPaid,
    nonCashPaid,
    remaining: Math.max(0, cashDue - cashPaid),
    remainingInCash: Math.max(0, roundedOwed - cashPaid),
    change: Math.max(0, cashPaid - cashDue),
    cashRounding: rounding,
    canComplete: problems.length === 0 && cashPaid >= cashDue,
    problems,
  };
}
