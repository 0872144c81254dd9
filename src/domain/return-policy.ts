/*
 * A store's return rules, from its config (`returnPolicy`), read the same way by the tablet (which applies
 * them at the counter) and the server (which flags a pushed return that broke them: it happened, so it is
 * kept):
 *   windowDays                 how many days after the purchase an item may come back (none: no limit)
 *   nonReturnableCategories    product categories that never come back (fresh food, ...)
 *   nonReturnableProductIds    single products that never come back
 *   refundMethods              how money may go back: 'original_tender' (the way it was paid, where the
 *                              counter can: cash, the card terminal by reference, the gift card, the points,
 *                              the store credit), 'cash', 'store_credit', 'gift_card' (a new card); absent:
 *                              all of them
 *   managerApprovalAbove       a refund of more than this (minor units) needs 'refund.above_limit'
 *   requireReceipt             kept for older configs: a return without its purchase always needs
 *                              'return.without_receipt', whatever this says
 * A gift card is money, not goods: a line that sold one never comes back (its balance is refunded as such).
 */
import { PERMISSIONS } from './permissions.ts';

export type RefundMethod = 'original_tender' | 'cash' | 'store_credit' | 'gift_card';

export const REFUND_METHODS: readonly RefundMethod[] = ['original_tender', 'cash', 'store_credit', 'gift_card'];

export interface ReturnPolicy {
  /** Days after the purchase; undefined = no limit. */
  readonly windowDays?: number;
  readonly nonReturnableCategories: ReadonlySet<string>;
  readonly nonReturnableProductIds: ReadonlySet<string>;
  readonly refundMethods: ReadonlySet<RefundMethod>;
  /** A refund above this amount needs a manager; undefined = never. */
  readonly approvalAbove?: number;
}

const DAY_MS = 86_400_000;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry !== '') : [];
}

function whole(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** The return rules of config.returnPolicy; a missing policy limits nothing but still asks approvals for a refund without receipt. */
export function returnPolicyOf(raw: Readonly<Record<string, unknown>> | undefined): ReturnPolicy {
  const methods = strings(raw?.['refundMethods']).filter((method): method is RefundMethod => (REFUND_METHODS as readonly string[]).includes(method));
  const windowDays = whole(raw?.['windowDays']);
  const approvalAbove = whole(raw?.['managerApprovalAbove']);
  return {
    ...(windowDays === undefined ? {} : { windowDays }),
    nonReturnableCategories: new Set(strings(raw?.['nonReturnableCategories'])),
    nonReturnableProductIds: new Set(strings(raw?.['nonReturnableProductIds'])),
    refundMethods: new Set(Array.isArray(raw?.['refundMethods']) ? methods : REFUND_METHODS),
    ...(approvalAbove === undefined ? {} : { approvalAbove }),
  };
}

/** Whether `returnedAt` is within the window after `purchasedAt` (both ISO 8601). */
export function withinReturnWindow(purchasedAt: string, returnedAt: string, policy: Pick<ReturnPolicy, 'windowDays'>): boolean {
  if (policy.windowDays === undefined) return true;
  const bought = Date.parse(purchasedAt);
  const back = Date.parse(returnedAt);
  if (Number.isNaN(bought) || Number.isNaN(back)) return false;
  return back - bought <= policy.windowDays * DAY_MS;
}

/** Why a product cannot come back, or undefined when it can. */
export function notReturnable(line: { readonly productId: string; readonly giftCardId?: unknown }, category: string | undefined, policy: ReturnPolicy): string | undefined {
  if (typeof line.giftCardId === 'string') return 'a gift card is money: its balance is refunded, the card line never comes back';
  if (policy.nonReturnableProductIds.has(line.productId)) return `product ${line.productId} cannot be returned at this store`;
  if (category !== undefined && policy.nonReturnableCategories.has(category)) return `${category} cannot be returned at this store`;
  return undefined;
}

/**
 * The permissions a return needs a holder of, in the order a proof names them (approval-proof.ts binds the
 * first; whoever proves it must hold all of them): without its purchase, 'return.without_receipt'; giving
 * back more than the store's limit, 'refund.above_limit'.
 */
export function returnApprovalsNeeded(withReceipt: boolean, refunded: number, policy: Pick<ReturnPolicy, 'approvalAbove'>): string[] {
  const needed: string[] = [];
  if (!withReceipt) needed.push(PERMISSIONS.returnWithoutReceipt);
  if (policy.approvalAbove !== undefined && refunded > policy.approvalAbove) needed.push(PERMISSIONS.refundAboveLimit);
  return needed;
}
