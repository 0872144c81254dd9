/*
 * What the cashier has chosen so far for one return: per line of the purchase how much comes back, why and
 * in what state; where the money goes; the customer store credit goes to. Turned into the domain's
 * ReturnRequest (domain/sale-return.ts) here, so the screen only keeps choices and the domain decides.
 */
import { parseGiftCardNumber } from '../../domain/gift-card-number.ts';
import type { ReturnPolicy } from '../../domain/return-policy.ts';
import type { RefundChoice } from '../../domain/return-refund.ts';
import type { Purchase } from '../../domain/returnable-purchase.ts';
import type { ReturnCondition, ReturnLineRequest, ReturnRequest } from '../../domain/sale-return.ts';

/** Why a customer brings an item back: the codes stored on the line (returnReason), worded by the screen. */
export const RETURN_REASONS = ['changed-mind', 'wrong-size', 'defective', 'not-as-described', 'other'] as const;
export type ReturnReasonCode = (typeof RETURN_REASONS)[number];

export interface LineChoice {
  /** Thousandths to take back (0: the line stays with the customer). */
  readonly qty: number;
  readonly reason: ReturnReasonCode;
  readonly condition: ReturnCondition;
}

export type RestKind = 'cash' | 'store_credit' | 'gift_card';
/** Where the rest may go: a kind above, or back online by the shop for an order paid online (online-refund.ts). */
export type RestChoice = RestKind | 'online';

export interface ReturnDraft {
  readonly lines: Readonly<Record<number, LineChoice>>;
  readonly toOriginal: boolean;
  readonly rest: RestChoice;
  /** The new gift card's number, scanned, when the rest goes on one. */
  readonly giftCardId: string;
  /** A customer attached at the counter (store credit needs one), when the purchase names none. */
  readonly customerId?: string;
}

export const NO_CHOICE: LineChoice = { qty: 0, reason: 'changed-mind', condition: 'resellable' };

/** Where the rest of a refund may go at this store, for this purchase (an order paid online never gets cash). */
export function restKindsFor(policy: ReturnPolicy, purchase: Pick<Purchase, 'paidOnline'>): RestKind[] {
  const kinds: RestKind[] = ['cash', 'store_credit', 'gift_card'];
  return kinds.filter((kind) => policy.refundMethods.has(kind) && !(kind === 'cash' && purchase.paidOnline));
}

/**
 * Every way the rest may go, in the order offered: the kinds above, then 'online' for an order paid online
 * when the store refunds to the original tender (the shop refunds it; that is its original tender).
 */
export function restChoicesFor(policy: ReturnPolicy, purchase: Pick<Purchase, 'source' | 'paidOnline'>): RestChoice[] {
  const online = purchase.source === 'order' && purchase.paidOnline && policy.refundMethods.has('original_tender');
  return online ? [...restKindsFor(policy, purchase), 'online'] : restKindsFor(policy, purchase);
}

/** Whether the store refunds to the original tender and this purchase has one the counter can pay back. */
export function canRefundToOriginal(policy: ReturnPolicy, purchase: Pick<Purchase, 'tenders' | 'paidOnline'>): boolean {
  return policy.refundMethods.has('original_tender') && !purchase.paidOnline && purchase.tenders.length > 0;
}

/**
 * The draft a purchase opens with: nothing chosen, the money back the way it came when the store allows, the
 * rest on the first way the store allows for this purchase (so a store that only refunds to the original
 * tender opens an order paid online on its online refund, never on store credit it does not allow). With no
 * way left for the rest (the original tender only, for a purchase paid at the counter) the rest is never
 * offered and only matters when the original tenders cannot take it all, which the domain then refuses.
 */
export function freshDraft(policy: ReturnPolicy, purchase: Purchase): ReturnDraft {
  const rest = restChoicesFor(policy, purchase)[0] ?? 'store_credit';
  return { lines: {}, toOriginal: canRefundToOriginal(policy, purchase), rest, giftCardId: '' };
}

export function refundChoiceOf(draft: ReturnDraft): RefundChoice {
  const rest = draft.rest === 'gift_card' ? { kind: 'gift_card' as const, giftCardId: parseGiftCardNumber(draft.giftCardId) ?? draft.giftCardId.trim() } : { kind: draft.rest };
  return { toOriginal: draft.toOriginal, rest };
}

/** The domain's request for this draft: the lines with a quantity, in the purchase's order. */
export function requestOfDraft(purchase: Purchase, draft: ReturnDraft, extra: Pick<ReturnRequest, 'earlierReturns' | 'categoryOf' | 'customerPoints'> = {}): ReturnRequest {
  const lines: ReturnLineRequest[] = Object.entries(draft.lines)
    .map(([index, choice]) => ({ originalLine: Number(index), qty: choice.qty, reason: choice.reason, condition: choice.condition }))
    .filter((line) => line.qty > 0)
    .sort((a, b) => a.originalLine - b.originalLine);
  const customerId = purchase.customerId ?? draft.customerId;
  return {
    purchase,
    lines,
    refund: refundChoiceOf(draft),
    ...(customerId === undefined ? {} : { customerId }),
    ...extra,
  };
}
