/*
 * How the money of a return goes back to the customer: the refund tenders of a return document (negative
 * amounts), planned from what paid for the purchase and what earlier returns already gave back.
 *
 * To the original tender where the counter can, in this order, each up to what it paid less what went back
 * to it before:
 *   points, the gift card(s), store credit   first: a customer who paid half in points must not get that
 *                                            half back in cash (points -> cash would be a way to cash out)
 *   card                                     by the terminal, referring to the original payment's reference
 *   cash                                     from the drawer
 * A bank transfer is never sent back at the counter. What is left (and everything when the store does not
 * refund to the original tender, when the purchase is unknown or was paid online) goes to the one place the
 * cashier chose: cash, the customer's store credit, or a new gift card. The store's refundMethods say which
 * are allowed; an order paid online is refunded as store credit or a gift card, or online by the shop ('online':
 * an online_refund tender naming the order's number; the server asks the order's platform for the refund it
 * derives from the return it checked, sync-server/src/integrations/refunds). Online is the original tender of
 * an order paid online, so it needs the store to allow 'original_tender'.
 *
 * Cash refunded is rounded down to the store's cash step (the few dong below a step stay with the store and
 * are the document's cashRounding, so paid out + rounding = the refund to the unit); a refund smaller than a
 * step is paid exactly.
 */
import type { CashRounding } from './cart-totals.ts';
import { isGiftCardNumber } from './gift-card-number.ts';
import { roundToStep } from './money.ts';
import type { Purchase, ReturnedSoFar } from './returnable-purchase.ts';
import { poolKey, pointsToGiveBack } from './returnable-purchase.ts';
import type { ReturnPolicy } from './return-policy.ts';
import type { CounterSaleTender } from './tender-kinds.ts';

/** Where the money the original tenders cannot take goes. */
export type RefundDestination =
  | { readonly kind: 'cash' }
  | { readonly kind: 'store_credit' }
  | { readonly kind: 'gift_card'; readonly giftCardId: string }
  /** Back to the online payment of an order paid online, by the shop's platform. */
  | { readonly kind: 'online' };

export interface RefundChoice {
  /** Back the way it was paid where the counter can (the store must allow 'original_tender'). */
  readonly toOriginal: boolean;
  /** The rest, or all of it. */
  readonly rest: RefundDestination;
}

export type RefundFailureReason =
  /** The store does not refund this way (or, for an order paid online, only as store credit or a gift card). */
  | 'refund-method-not-allowed'
  /** Store credit belongs to a customer: none is attached. */
  | 'customer-required'
  /** The new gift card's number is not one of ours (typo, or a bank card). */
  | 'bad-gift-card';

export type RefundPlan =
  | { readonly ok: true; readonly tenders: CounterSaleTender[]; readonly cashRounding: number }
  | { readonly ok: false; readonly reason: RefundFailureReason; readonly detail: string };

export interface RefundInput {
  /** What to give back (> 0). */
  readonly amount: number;
  /** The purchase, when there is one (a return with its receipt). */
  readonly purchase?: Purchase;
  readonly soFar?: ReturnedSoFar;
  readonly choice: RefundChoice;
  readonly policy: ReturnPolicy;
  /** The customer of the return (store credit goes to them). */
  readonly customerId?: string;
  readonly cashRounding?: CashRounding;
}

const ORIGINAL_ORDER = ['points', 'gift_card', 'store_credit', 'card', 'cash'] as const;

function refuse(reason: RefundFailureReason, detail: string): RefundPlan {
  return { ok: false, reason, detail };
}

/** The refund tenders for `amount`, or why the chosen way is not allowed. */
export function planRefund(input: RefundInput): RefundPlan {
  const { amount, purchase, choice, policy } = input;
  if (!Number.isSafeInteger(amount) || amount <= 0) return { ok: true, tenders: [], cashRounding: 0 };
  if (choice.toOriginal && !policy.refundMethods.has('original_tender')) return refuse('refund-method-not-allowed', 'this store does not refund to the original tender');
  const tenders: CounterSaleTender[] = [];
  let left = amount;
  let cash = 0;
  if (choice.toOriginal && purchase !== undefined) {
    const pools = poolsOf(purchase);
    for (const method of ORIGINAL_ORDER) {
      for (const [key, pool] of pools) {
        if (left === 0 || pool.method !== method) continue;
        const before = input.soFar?.refunded.get(key) ?? { amount: 0, points: 0 };
        const take = Math.min(pool.amount - before.amount, left);
        if (take <= 0) continue;
        if (method === 'points') {
          const points = pointsToGiveBack(pool.points, pool.amount, before.amount, take);
          if (points <= 0) continue;
          tenders.push({ method: 'points', amount: -take, points });
        } else if (method === 'gift_card' && pool.reference === undefined) {
          // Another store's sale comes without its cards' numbers (routes/purchases.ts): that part goes to the rest.
          continue;
        } else if (method === 'gift_card' || method === 'card') {
          tenders.push({ method, amount: -take, ...(pool.reference === undefined ? {} : { reference: pool.reference }), ...(pool.terminal === undefined ? {} : { terminal: pool.terminal }) });
        } else if (method === 'store_credit') {
          if (purchase.customerId === undefined) continue;
          tenders.push({ method, amount: -take });
        } else {
          cash += take;
        }
        left -= take;
      }
    }
  }
  if (left > 0) {
    const rest = destinationProblem(choice.rest, input);
    if (rest !== undefined) return rest;
    if (choice.rest.kind === 'cash') cash += left;
    else if (choice.rest.kind === 'store_credit') tenders.push({ method: 'store_credit', amount: -left });
    else if (choice.rest.kind === 'online') tenders.push({ method: 'online_refund', amount: -left, ...(purchase === undefined ? {} : { reference: purchase.number }) });
    else tenders.push({ method: 'gift_card', amount: -left, reference: choice.rest.giftCardId });
  }
  let cashRounding = 0;
  if (cash > 0) {
    const rounded = input.cashRounding === undefined ? cash : roundToStep(cash, input.cashRounding.step, 'towardZero');
    const paidOut = rounded > 0 ? rounded : cash;
    cashRounding = cash - paidOut;
    tenders.push({ method: 'cash', amount: -paidOut });
  }
  return { ok: true, tenders, cashRounding };
}

interface Pool {
  readonly method: Purchase['tenders'][number]['method'];
  readonly reference?: string;
  /** The terminal a card pool was charged on (the last one named, should one slip's reference be on two). */
  readonly terminal?: string;
  readonly amount: number;
  readonly points: number;
}

/** What paid for the purchase, by pool (poolKey), in the order the tenders were taken. */
export function poolsOf(purchase: Pick<Purchase, 'tenders'>): Map<string, Pool> {
  const pools = new Map<string, Pool>();
  for (const tender of purchase.tenders) {
    const key = poolKey(tender);
    const pool = pools.get(key);
    pools.set(key, {
      method: tender.method,
      ...(tender.reference === undefined ? {} : { reference: tender.reference }),
      ...(tender.terminal === undefined ? (pool?.terminal === undefined ? {} : { terminal: pool.terminal }) : { terminal: tender.terminal }),
      amount: (pool?.amount ?? 0) + tender.amount,
      points: (pool?.points ?? 0) + (tender.points ?? 0),
    });
  }
  return pools;
}

function destinationProblem(rest: RefundDestination, input: RefundInput): RefundPlan | undefined {
  const { policy, purchase } = input;
  if (purchase?.paidOnline === true && rest.kind === 'cash') {
    return refuse('refund-method-not-allowed', `order ${purchase.number} was paid online: refund it as store credit or a gift card (or online, by the shop)`);
  }
  if (rest.kind === 'online') {
    if (purchase?.source !== 'order' || !purchase.paidOnline) return refuse('refund-method-not-allowed', 'only an order paid online can be refunded online');
    if (!policy.refundMethods.has('original_tender')) return refuse('refund-method-not-allowed', 'this store does not refund to the original tender (an online refund is one)');
    return undefined;
  }
  if (!policy.refundMethods.has(rest.kind)) return refuse('refund-method-not-allowed', `this store does not refund by ${rest.kind.replace('_', ' ')}`);
  if (rest.kind === 'store_credit' && input.customerId === undefined) return refuse('customer-required', 'store credit belongs to a customer: attach one first');
  if (rest.kind === 'gift_card' && !isGiftCardNumber(rest.giftCardId)) return refuse('bad-gift-card', `${rest.giftCardId} is not a gift-card number of this store: scan the new card again`);
  return undefined;
}
