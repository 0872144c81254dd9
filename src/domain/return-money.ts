/*
 * The server's look at a pushed return (sale-return.ts), against the purchase as the SERVER knows it (the
 * sale or online order from any store, what its returns have taken back so far across every store, the
 * money it applied for it): how much really came back, what money that allows, and which movements the
 * server applies. Pure: sync-server/src/policies/sale-returns.ts loads what it reads and writes what it says.
 *
 * Quantities. A returned line takes back up to what was bought less what every earlier return (and a
 * cancellation) took back; beyond that is an excess: the return happened at a counter (offline, it could not
 * know), so it is kept, its excess is reported for the manager, and the excess is worth nothing.
 *
 * Money. The server prices what came back itself, from the purchase (returnable-purchase.ts), whatever the
 * document says; an exchange's new items count against it. From that value, what left the till in cash, by
 * card or transfer (it happened), and what the customer paid in with a gift card, points or store credit,
 * follows the most the return may put on a gift card, store credit or points:
 *   allowance = value of the goods back - value of the new items - cash, card and transfer paid out
 *               + gift card, points and store credit spent on the difference
 * and the return's refund tenders of those kinds move balances in their order, each within the allowance
 * left, and:
 *   gift card   to a card that paid for the purchase: at most what it paid less what went back to it before;
 *               to any other card (a new one): only a gift-card number of ours;
 *   points      only to a purchase paid in points: at most the points it paid less those given back, and
 *               not more points than the amount is worth at the purchase's rate (rounded up);
 *   store credit to the return's customer;
 *   online      (online_refund) only for an order paid online: what the server asks the order's platform to
 *               refund (`onlineRefund`), never more than the allowance left, so goods are paid back once
 *               whichever way (sync-server/src/integrations/refunds sends it through the outbox).
 * Without a receipt the goods' value is the document's own, and only with a proven approval
 * (return.without_receipt); unproven, it is worth nothing. The points the purchase earned are taken back in
 * proportion to the value of earning goods that really came back (returnable-purchase.ts); an exchange's
 * new items earn as a sale does. Whatever a refund tender asked beyond this is not applied, and said why.
 *
 * Where: money given back to what paid for the purchase, and points taken back, move the balances of the
 * purchase's store (balances are per store); a new gift card or store credit moves the returning store's.
 */
import type { SaleDocument } from './documents.ts';
import { isGiftCardNumber } from './gift-card-number.ts';
import type { LoyaltyRules, LoyaltyTier } from './loyalty.ts';
import type { MoneyMovement } from './sale-ledger.ts';
import { notReturnable, withinReturnWindow } from './return-policy.ts';
import type { ReturnPolicy } from './return-policy.ts';
import { earningValueOf, pointsToTakeBack, returnedPart } from './returnable-purchase.ts';
import type { LineEarns, Purchase } from './returnable-purchase.ts';
import { exchangeEarning, returnStockEntries } from './return-lines.ts';
import { pointsOf } from './sale-amounts.ts';
import { computeTaxes } from './tax.ts';

/** What came back of a purchase before this return, as the server recorded it. */
export interface ReturnedBefore {
  /** Thousandths per purchase line, within what was bought. */
  readonly qty: readonly number[];
  /** Value of the earning goods that came back. */
  readonly earningValue: number;
  /** Money given back to the purchase's own gift cards, store credit and points, by `kind|refId` (points in points). */
  readonly givenBack: ReadonlyMap<string, number>;
}

/** The purchase as the server knows it. */
export interface KnownPurchase {
  /** With pointsEarned as the server applied them. */
  readonly purchase: Purchase;
  /** The gift-card, store-credit and points movements the server applied for it (spends are negative). */
  readonly applied: readonly MoneyMovement[];
  readonly before: ReturnedBefore;
}

export interface ReturnCheckContext {
  readonly policy: ReturnPolicy;
  readonly loyalty?: LoyaltyRules;
  /** The tier the new items of an exchange earn at (the server's decision). */
  readonly tier?: LoyaltyTier;
  readonly categoryOf?: (productId: string) => string | undefined;
  /** A return without receipt whose approval (return.without_receipt) the server verified. */
  readonly approvalProven: boolean;
}

/** One returned line as the server counts it. */
export interface ReturnedLineCount {
  /** The line's index in the return document. */
  readonly line: number;
  readonly originalLine: number;
  /** Thousandths the document returns. */
  readonly qty: number;
  /** Of which within what was bought less what came back before. */
  readonly within: number;
  /** The server's value of the part within (positive). */
  readonly value: number;
  readonly earns: boolean;
}

export interface ReturnCheck {
  readonly movements: MoneyMovement[];
  /** Money asked for and not applied, and why. */
  readonly problems: string[];
  readonly counted: ReturnedLineCount[];
  /** Lines returning more than was left: the manager's to look at. */
  readonly excess: Array<{ readonly line: number; readonly originalLine: number; readonly returned: number; readonly bought: number; readonly returnedBefore: number; readonly excess: number }>;
  /** The store's rules the return broke (window, items that never come back, stock not as its lines say). */
  readonly rules: string[];
  /** The server's value of the goods that came back. */
  readonly valueBack: number;
  /** What the order's platform is asked to refund online (0: nothing), within the allowance. */
  readonly onlineRefund: number;
}

const NON_MONEY = new Set(['cash', 'card', 'bank_qr']);

function grossOf(lines: ReadonlyArray<{ readonly amount: number; readonly rateBasisPoints: number; readonly pricesIncludeTax: boolean }>): number {
  return lines.length === 0 ? 0 : computeTaxes(lines).totals.gross;
}

function earnsFor(context: ReturnCheckContext): LineEarns {
  const loyalty = context.loyalty;
  return (line) => {
    if (line.giftCardId !== undefined) return false;
    const category = loyalty === undefined || loyalty.nonEarningCategories.size === 0 ? undefined : context.categoryOf?.(line.productId);
    return category === undefined || loyalty === undefined || !loyalty.nonEarningCategories.has(category);
  };
}

/** Counts the returned lines against the purchase: what is within, its value, and the excess. */
function countLines(ret: SaleDocument, known: KnownPurchase, earns: LineEarns): Pick<ReturnCheck, 'counted' | 'excess'> {
  const taken = [...known.before.qty];
  const counted: ReturnedLineCount[] = [];
  const excess: ReturnCheck['excess'][number][] = [];
  ret.lines.forEach((line, index) => {
    if (line.qty >= 0) return;
    const originalLine = line['originalLine'];
    const bought = typeof originalLine === 'number' ? known.purchase.lines[originalLine] : undefined;
    const qty = -line.qty;
    if (bought === undefined || typeof originalLine !== 'number') {
      excess.push({ line: index, originalLine: typeof originalLine === 'number' ? originalLine : -1, returned: qty, bought: 0, returnedBefore: 0, excess: qty });
      return;
    }
    const before = taken[originalLine] ?? 0;
    const within = Math.max(0, Math.min(qty, bought.qty - before));
    taken[originalLine] = before + within;
    const value = within === 0 ? 0 : -returnedPart(bought, before, within).total;
    counted.push({ line: index, originalLine, qty, within, value, earns: earns(bought) });
    if (within < qty) excess.push({ line: index, originalLine, returned: qty, bought: bought.qty, returnedBefore: before, excess: qty - within });
  });
  return { counted, excess };
}

/** The rules of the store a return broke (kept and flagged, never refused: it happened). */
function brokenRules(ret: SaleDocument, known: KnownPurchase | undefined, context: ReturnCheckContext): string[] {
  const broken: string[] = [];
  if (known !== undefined && !withinReturnWindow(known.purchase.purchasedAt, ret.createdAt, context.policy)) {
    broken.push(`returned after the store's ${String(context.policy.windowDays)} days (bought ${known.purchase.purchasedAt})`);
  }
  ret.lines.forEach((line, index) => {
    if (line.qty >= 0) return;
    const originalLine = line['originalLine'];
    const bought = known !== undefined && typeof originalLine === 'number' ? known.purchase.lines[originalLine] : undefined;
    const refused = notReturnable(bought ?? { productId: line.productId }, context.categoryOf?.(line.productId), context.policy);
    if (refused !== undefined) broken.push(`lines/${index}: ${refused}`);
  });
  const expected = new Map(returnStockEntries(ret.id, ret.lines).map((entry) => [entry.id, entry]));
  const stock = (ret.ledger ?? []).filter((entry) => entry.kind === 'stock');
  const same = stock.length === expected.size && stock.every((entry) => {
    const wanted = expected.get(entry.id);
    return wanted !== undefined && wanted.refId === entry.refId && wanted.delta === entry.delta;
  });
  if (!same) broken.push('its stock movements are not those of its lines (resellable back, damaged back and written off, new items out)');
  return broken;
}

/** Spends of an exchange's difference paid with a gift card, points or store credit (as a sale's). */
function spends(ret: SaleDocument): MoneyMovement[] {
  const movements: MoneyMovement[] = [];
  ret.tenders.forEach((tender, index) => {
    if (tender.amount <= 0) return;
    if (tender.method === 'gift_card' && tender.reference !== undefined) movements.push({ id: `${ret.id}-giftcard-${index}`, kind: 'giftcard', refId: tender.reference, delta: -tender.amount, reason: 'redeem' });
    if (tender.method === 'store_credit' && ret.customerId !== undefined) movements.push({ id: `${ret.id}-credit-${index}`, kind: 'credit', refId: ret.customerId, delta: -tender.amount, reason: 'redeem' });
    const points = pointsOf(tender);
    if (tender.method === 'points' && ret.customerId !== undefined && points !== undefined && points > 0) movements.push({ id: `${ret.id}-points-${index}`, kind: 'points', refId: ret.customerId, delta: -points, reason: 'redeem' });
  });
  return movements;
}

/** The server's verdict on a pushed return (see the file header). `known` is undefined without a receipt or when the purchase is unknown. */
export function checkReturn(ret: SaleDocument, known: KnownPurchase | undefined, context: ReturnCheckContext): ReturnCheck {
  const problems: string[] = [];
  const earns = earnsFor(context);
  const referenced = typeof ret.originalSaleId === 'string' || typeof ret.orderId === 'string';
  let counted: ReturnedLineCount[] = [];
  let excess: ReturnCheck['excess'] = [];
  let valueBack = 0;
  if (known !== undefined) {
    ({ counted, excess } = countLines(ret, known, earns));
    valueBack = -grossOf(
      counted.filter((c) => c.value > 0).map((c) => {
        const bought = known.purchase.lines[c.originalLine]!;
        return { amount: -c.value, rateBasisPoints: bought.taxRate, pricesIncludeTax: bought.priceIncludesTax };
      }),
    );
    if (known.purchase.source === 'order' && !known.purchase.paidOnline) {
      problems.push(`order ${known.purchase.number} was not paid online: its refund comes from the sale that took its payment, not from the order`);
      valueBack = 0;
    }
  } else if (referenced) {
    problems.push(`the purchase ${String(ret.originalSaleId ?? ret.orderId)} is not known to the server: this return gives no money back`);
  } else if (context.approvalProven) {
    valueBack = -grossOf(ret.lines.filter((l) => l.qty < 0).map((l) => ({ amount: l.total, rateBasisPoints: l.taxRate, pricesIncludeTax: l.priceIncludesTax ?? true })));
  } else {
    problems.push('a return without receipt puts money on a gift card, store credit or points only with a proven approval (return.without_receipt)');
  }

  const newValue = grossOf(ret.lines.filter((l) => l.qty > 0).map((l) => ({ amount: l.total, rateBasisPoints: l.taxRate, pricesIncludeTax: l.priceIncludesTax ?? true })));
  let paidOut = 0;
  let spentIn = 0;
  for (const tender of ret.tenders) {
    if (NON_MONEY.has(tender.method)) paidOut -= tender.amount;
    else if (tender.amount > 0) spentIn += tender.amount;
  }
  paidOut += ret.change ?? 0;
  let allowance = valueBack - newValue - paidOut + spentIn;

  const purchase = known?.purchase;
  const buyerId = purchase?.customerId;
  const movements: MoneyMovement[] = spends(ret);
  const pools = poolsOfApplied(known);
  const home = purchase?.storeId;
  let onlineRefund = 0;
  ret.tenders.forEach((tender, index) => {
    if (tender.amount >= 0 || NON_MONEY.has(tender.method)) return;
    const asked = -tender.amount;
    const where = `tenders/${index}`;
    if (tender.method === 'gift_card') {
      const card = tender.reference ?? '';
      const pool = pools.get(`giftcard|${card}`);
      if (pool === undefined && !isGiftCardNumber(card)) {
        problems.push(`${where}: ${card} is neither a card that paid for the purchase nor a gift-card number of ours: nothing put on it`);
        return;
      }
      const room = pool === undefined ? Number.MAX_SAFE_INTEGER : pool - (known?.before.givenBack.get(`giftcard|${card}`) ?? 0) - givenInThis(movements, 'giftcard', card);
      const amount = Math.max(0, Math.min(asked, allowance, room));
      allowance -= amount;
      if (amount < asked) problems.push(`${where}: ${asked} asked back to gift card ${card}, ${amount} given (${room < asked ? 'more than the card paid' : 'more than the goods back are worth'})`);
      if (amount > 0) movements.push({ id: `${ret.id}-giftcard-${index}`, kind: 'giftcard', refId: card, delta: amount, reason: 'refund', ...(pool !== undefined && home !== undefined ? { storeId: home } : {}) });
    } else if (tender.method === 'online_refund') {
      if (purchase?.source !== 'order' || !purchase.paidOnline) {
        problems.push(`${where}: only an order paid online is refunded online: nothing asked of the shop`);
        return;
      }
      const amount = Math.max(0, Math.min(asked, allowance));
      allowance -= amount;
      if (amount < asked) problems.push(`${where}: ${asked} asked back online, ${amount} asked of the shop (more than the goods back are worth)`);
      onlineRefund += amount;
    } else if (tender.method === 'store_credit') {
      if (ret.customerId === undefined) {
        problems.push(`${where}: store credit without a customer goes nowhere`);
        return;
      }
      const amount = Math.max(0, Math.min(asked, allowance));
      allowance -= amount;
      if (amount < asked) problems.push(`${where}: ${asked} asked as store credit, ${amount} given (more than the goods back are worth)`);
      const original = pools.has(`credit|${ret.customerId}`) && home !== undefined;
      if (amount > 0) movements.push({ id: `${ret.id}-credit-${index}`, kind: 'credit', refId: ret.customerId, delta: amount, reason: 'refund', ...(original ? { storeId: home } : {}) });
    } else if (tender.method === 'points') {
      const paidPoints = buyerId === undefined ? undefined : pools.get(`points|${buyerId}`);
      const paidAmount = (purchase?.tenders ?? []).reduce((sum, t) => sum + (t.method === 'points' ? t.amount : 0), 0);
      if (buyerId === undefined || paidPoints === undefined || paidAmount <= 0) {
        problems.push(`${where}: points go back only to a purchase paid in points`);
        return;
      }
      const amount = Math.max(0, Math.min(asked, allowance));
      const left = paidPoints - (known?.before.givenBack.get(`points|${buyerId}`) ?? 0) - givenInThis(movements, 'points', buyerId, 'refund');
      const worth = Number((BigInt(paidPoints) * BigInt(amount) + BigInt(paidAmount - 1)) / BigInt(paidAmount));
      const points = Math.max(0, Math.min(pointsOf(tender) ?? 0, left, worth));
      allowance -= amount;
      if (points < (pointsOf(tender) ?? 0)) problems.push(`${where}: ${String(pointsOf(tender))} points asked back, ${points} given`);
      if (points > 0) movements.push({ id: `${ret.id}-points-${index}`, kind: 'points', refId: buyerId, delta: points, reason: 'refund', ...(home === undefined ? {} : { storeId: home }) });
    }
  });

  if (known !== undefined && buyerId !== undefined) {
    const value = counted.reduce((sum, c) => sum + (c.earns ? c.value : 0), 0);
    const back = pointsToTakeBack(known.purchase.pointsEarned, earningValueOf(known.purchase, earns), known.before.earningValue, value);
    if (back > 0) movements.push({ id: `${ret.id}-points-clawback`, kind: 'points', refId: buyerId, delta: -back, reason: 'clawback', ...(home === undefined ? {} : { storeId: home }) });
  }
  if (ret.customerId !== undefined) {
    const earned = exchangeEarning(ret.lines.filter((l) => l.qty > 0), ret.tenders, ret.createdAt, context, context.categoryOf);
    if (earned > 0) movements.push({ id: `${ret.id}-points-earn`, kind: 'points', refId: ret.customerId, delta: earned, reason: 'earn' });
  }
  return { movements, problems, counted, excess, rules: brokenRules(ret, known, context), valueBack, onlineRefund };
}

function givenInThis(movements: readonly MoneyMovement[], kind: MoneyMovement['kind'], refId: string, reason = 'refund'): number {
  return movements.reduce((sum, m) => sum + (m.kind === kind && m.refId === refId && m.reason === reason && m.delta > 0 ? m.delta : 0), 0);
}

/** What the purchase's gift cards, store credit and points paid (as the server applied it), by `kind|refId`. */
function poolsOfApplied(known: KnownPurchase | undefined): Map<string, number> {
  const pools = new Map<string, number>();
  for (const movement of known?.applied ?? []) {
    if (movement.delta >= 0) continue;
    const key = `${movement.kind}|${movement.refId}`;
    pools.set(key, (pools.get(key) ?? 0) - movement.delta);
  }
  return pools;
}

/** The `kind|refId` pool a return's movement gives back to (a refund), or takes back from (a clawback of earned points). */
export function givenBackKey(movement: Pick<MoneyMovement, 'kind' | 'refId' | 'reason'>): string | undefined {
  if (movement.reason === 'refund') return `${movement.kind}|${movement.refId}`;
  if (movement.reason === 'clawback') return `earn|${movement.refId}`;
  return undefined;
}
