/*
 * The cart at the counter: an immutable value and the things a cashier does to it, in the shop's
 * words. Every operation returns a new cart (the old one is untouched), so a screen can keep the
 * previous cart for undo, a parked cart is plain JSON, and a test can replay any sequence exactly.
 *
 * What a line holds: the product as it was when rung up (id, sku, name, tax class, weighed), its
 * quantity in thousandths of the unit (1000 = one piece or one kg), the unit price (the catalog's, a
 * scale label's, or a cashier's override) and its own discount. A cart discount sits on the cart and is
 * spread over the lines only when totals are computed (cart-totals.ts), so it follows every later
 * change of the lines.
 *
 * User input never throws: a refused operation answers {ok: false, reason, detail} with a stable reason
 * the screen translates, and the cart it was given stays as it was. Only programming errors throw.
 *
 * Manager approval: a discount above `maxDiscountBasisPoints` of what it applies to, or a price override
 * that moves the price by more than `overrideNeedsApprovalAbove` (or below a known cost), answers
 * {ok: false, reason: 'needs-approval', needsApproval: true}. The screen then asks a manager (the staff
 * issue checks the PIN) and calls again with `approvedBy`; the approver is kept on the line or cart
 * for the audit log and the receipt.
 *
 * Undo: every change keeps the previous state in a bounded history (`historyLimit`, default 50), so
 * undo(change(cart)) gives back exactly the cart that was changed, as long as the history was not full.
 */
import { applyBasisPoints, multiplyByQuantity } from './money.ts';
import { MAX_QUANTITY_THOUSANDTHS, parseQuantity } from './cart-quantity.ts';
import type { QuantityFailureReason } from './cart-quantity.ts';

/** Highest price a line may carry, as in the sales schema. */
export const MAX_UNIT_PRICE = 1_000_000_000_000;
export const DEFAULT_HISTORY_LIMIT = 50;

/** What the catalog says about a product, as far as the cart needs it (a products document fits). */
export interface CartProduct {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  /** Per piece, or per kg for weighed goods; minor units. 0 = an open-price item the cashier prices. */
  readonly price: number;
  readonly taxClassId: string;
  readonly weighed: boolean;
  readonly unit?: 'pcs' | 'kg';
  /** Purchase cost when the store shares it: selling below it needs a manager. */
  readonly cost?: number;
}

/** A discount: a share in basis points (1000 = 10 %) or an amount in minor units. */
export type Discount = { readonly kind: 'percent'; readonly basisPoints: number } | { readonly kind: 'amount'; readonly amount: number };

export interface CartLine {
  /** Stable within the cart ("L1", "L2", ...), never reused, so screens and undo can point at a line. */
  readonly lineId: string;
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly taxClassId: string;
  readonly weighed: boolean;
  readonly unit: 'pcs' | 'kg';
  /** Thousandths of the unit: 2000 = 2 pieces, 375 = 0.375 kg. Always positive in a sale. */
  readonly qty: number;
  /** The price the line is sold at (after any override), per piece or per kg. */
  readonly unitPrice: number;
  /** The price before any override: the catalog's, or the one printed on a scale label. */
  readonly listPrice: number;
  readonly cost?: number;
  /** True when the price came from a price-embedded label (such a line is never merged). */
  readonly priceFromLabel?: boolean;
  /** Set when the cashier changed the price; approvedBy is the manager who allowed it, if one had to. */
  readonly priceOverride?: { readonly approvedBy?: string };
  readonly discount?: Discount;
  readonly discountApprovedBy?: string;
  /** On a line that sells or reloads a gift card: the card's number (gift-card-number.ts); such a line is never merged. */
  readonly giftCardId?: string;
}

/** Everything about a cart except its undo history. */
export interface CartState {
  readonly lines: readonly CartLine[];
  readonly discount?: Discount;
  readonly discountApprovedBy?: string;
  readonly customerId?: string;
  /** Number of the next line ("L" + n), so line ids are never reused, even after undo. */
  readonly nextLineNumber: number;
}

export interface Cart extends CartState {
  /** Previous states, oldest first, at most historyLimit of them. */
  readonly history: readonly CartState[];
  readonly historyLimit: number;
}

/** The store's limits on what a cashier may do alone (config.permissions), all in basis points. */
export interface PriceRules {
  /** Largest line or cart discount, as a share of what it applies to, without a manager. */
  readonly maxDiscountBasisPoints: number;
  /** Largest price change, as a share of the list price, without a manager. */
  readonly overrideNeedsApprovalAbove: number;
}

/** Why an operation was refused. Stable machine codes: add new ones, never rename. */
export type CartFailureReason =
  | QuantityFailureReason
  /** No line with that id (it was removed, or undo took it away). */
  | 'unknown-line'
  /** A weighed item needs its weight, from the scale label or typed. */
  | 'weight-required'
  /** A price that is not a whole number of minor units between 0 and MAX_UNIT_PRICE. */
  | 'bad-price'
  /** A discount that is not a whole amount or a share between 0 and 100 %. */
  | 'bad-discount'
  /** A discount larger than what it applies to. */
  | 'discount-too-large'
  /** Allowed only with a manager's approval: call again with approvedBy. */
  | 'needs-approval';

export type CartResult =
  | { readonly ok: true; readonly cart: Cart }
  | { readonly ok: false; readonly reason: CartFailureReason; readonly detail: string; readonly needsApproval?: true };

function refuse(reason: CartFailureReason, detail: string): CartResult {
  return reason === 'needs-approval' ? { ok: false, reason, detail, needsApproval: true } : { ok: false, reason, detail };
}

/** A new, empty cart. */
export function emptyCart(historyLimit = DEFAULT_HISTORY_LIMIT): Cart {
  if (!Number.isSafeInteger(historyLimit) || historyLimit < 0) throw new Error(`History limit must be a whole number >= 0, got ${historyLimit}`);
  return { lines: [], nextLineNumber: 1, history: [], historyLimit };
}

function stateOf(cart: Cart): CartState {
  const { history: _history, historyLimit: _limit, ...state } = cart;
  return state;
}

/** The cart after a change: the state before it joins the history (dropping the oldest when full). */
function change(cart: Cart, next: CartState): Cart {
  const history = cart.historyLimit === 0 ? [] : [...cart.history, stateOf(cart)].slice(-cart.historyLimit);
  return { ...next, history, historyLimit: cart.historyLimit };
}

function ok(cart: Cart, next: CartState): CartResult {
  return { ok: true, cart: change(cart, next) };
}

/** The previous state of the cart, or the same cart when there is nothing to undo. */
export function undo(cart: Cart): Cart {
  const previous = cart.history.at(-1);
  if (previous === undefined) return cart;
  return { ...previous, history: cart.history.slice(0, -1), historyLimit: cart.historyLimit };
}

export function canUndo(cart: Cart): boolean {
  return cart.history.length > 0;
}

function omit<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

function isPrice(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= MAX_UNIT_PRICE;
}

function findLine(cart: CartState, lineId: string): CartLine | undefined {
  return cart.lines.find((line) => line.lineId === lineId);
}

function replaceLine(cart: Cart, line: CartLine): CartResult {
  return ok(cart, { ...stateOf(cart), lines: cart.lines.map((each) => (each.lineId === line.lineId ? line : each)) });
}

/** unitPrice x qty of a line, before any discount. */
export function lineGross(line: CartLine): number {
  return multiplyByQuantity(line.unitPrice, line.qty);
}

/** What a discount takes off `base`, capped at the base so a line never goes below zero. */
export function discountAmount(discount: Discount | undefined, base: number): number {
  if (discount === undefined || base <= 0) return 0;
  const amount = discount.kind === 'percent' ? applyBasisPoints(base, discount.basisPoints) : discount.amount;
  return Math.min(amount, base);
}

/** A line's amount after its own discount, before the cart discount. */
export function lineAfterOwnDiscount(line: CartLine): number {
  const gross = lineGross(line);
  return gross - discountAmount(line.discount, gross);
}

export interface RingUpOptions {
  /** Thousandths of the unit: the weight in grams from a scale label (grams = thousandths of a kg), or pieces x 1000. */
  readonly qty?: number;
  /**
   * A price printed on a price-embedded label: the line is sold at it, one label = one line. A weighed
   * item whose label carries its weight too is sold by that weight at the catalog's price per kg (the
   * weight is what stock needs), so the label price is then ignored.
   */
  readonly labelPrice?: number;
  /**
   * A gift card sold or reloaded: the card's number and the amount put on it (the line's price, one piece).
   * The card holds that value once the sale is paid (the server derives it from the paid line).
   */
  readonly giftCard?: { readonly id: string; readonly amount: number };
}

/**
 * A scanned or searched product goes into the cart. The same piece product again adds to its line (the
 * latest plain line for it: not overridden, not discounted, not label-priced); a weighed item is always
 * a new line with its own weight, which it must have (reason 'weight-required' asks the screen for it).
 */
export function ringUpLine(cart: Cart, product: CartProduct, options: RingUpOptions = {}): CartResult {
  if (!isPrice(product.price)) return refuse('bad-price', `product ${product.id} has no valid price (${String(product.price)})`);
  const qtyGiven = options.qty;
  const labelPrice = product.weighed && qtyGiven !== undefined ? undefined : options.labelPrice;
  if (labelPrice !== undefined && !isPrice(labelPrice)) return refuse('bad-price', `label price ${String(labelPrice)} is not a valid amount`);
  if (qtyGiven !== undefined) {
    if (!Number.isSafeInteger(qtyGiven) || qtyGiven < 0) return refuse('not-a-number', `quantity ${String(qtyGiven)} is not whole thousandths`);
    if (qtyGiven === 0) return refuse('zero', 'a quantity of zero');
    if (qtyGiven > MAX_QUANTITY_THOUSANDTHS) return refuse('too-large', `quantity ${qtyGiven} is more than any line may hold`);
    if (!product.weighed && qtyGiven % 1000 !== 0) return refuse('pieces-are-whole', `${qtyGiven} thousandths of a piece`);
  }
  // A weighed item with only a price on its label is sold as one labelled pack.
  if (product.weighed && qtyGiven === undefined && labelPrice === undefined) {
    return refuse('weight-required', `${product.name} is sold by weight: scan its scale label or type the weight`);
  }
  const giftCard = options.giftCard;
  if (giftCard !== undefined && (!isPrice(giftCard.amount) || giftCard.amount === 0 || product.weighed)) {
    return refuse('bad-price', `a gift card is loaded with a positive whole amount, not ${String(giftCard.amount)}`);
  }
  const qty = product.weighed && qtyGiven === undefined ? 1000 : (qtyGiven ?? 1000);
  const state = stateOf(cart);

  if (!product.weighed && labelPrice === undefined && giftCard === undefined) {
    const same = cart.lines.findLast(
      (line) =>
        line.productId === product.id && !line.weighed && line.priceOverride === undefined && line.discount === undefined && line.priceFromLabel !== true && line.giftCardId === undefined,
    );
    if (same !== undefined) {
      if (same.qty + qty > MAX_QUANTITY_THOUSANDTHS) return refuse('too-large', `${product.name}: more than any line may hold`);
      return replaceLine(cart, { ...same, qty: same.qty + qty });
    }
  }

  const price = giftCard?.amount ?? labelPrice ?? product.price;
  const line: CartLine = {
    lineId: `L${cart.nextLineNumber}`,
    productId: product.id,
    sku: product.sku,
    name: product.name,
    taxClassId: product.taxClassId,
    weighed: product.weighed,
    unit: product.unit ?? (product.weighed ? 'kg' : 'pcs'),
    qty,
    unitPrice: price,
    listPrice: price,
    ...(product.cost === undefined ? {} : { cost: product.cost }),
    ...(labelPrice === undefined ? {} : { priceFromLabel: true }),
    ...(giftCard === undefined ? {} : { giftCardId: giftCard.id }),
  };
  return ok(cart, { ...state, lines: [...cart.lines, line], nextLineNumber: cart.nextLineNumber + 1 });
}

/** The quantity typed for a line: "0,375" kg for a weighed item, "3" for pieces. */
export function setQuantity(cart: Cart, lineId: string, typed: string): CartResult {
  const line = findLine(cart, lineId);
  if (line === undefined) return refuse('unknown-line', `no line ${lineId} in the cart`);
  const parsed = parseQuantity(typed, line.weighed);
  if (!parsed.ok) return refuse(parsed.reason, parsed.detail);
  return replaceLine(cart, { ...line, qty: parsed.qty });
}

/** Voids a line before the sale completes. */
export function removeLine(cart: Cart, lineId: string): CartResult {
  if (findLine(cart, lineId) === undefined) return refuse('unknown-line', `no line ${lineId} in the cart`);
  return ok(cart, { ...stateOf(cart), lines: cart.lines.filter((line) => line.lineId !== lineId) });
}

function checkDiscount(discount: Discount, base: number): CartResult | 'fine' {
  if (discount.kind === 'percent') {
    if (!Number.isSafeInteger(discount.basisPoints) || discount.basisPoints < 0 || discount.basisPoints > 10_000) {
      return refuse('bad-discount', `a percentage must be 0-100 % (0-10000 basis points), got ${String(discount.basisPoints)}`);
    }
    return 'fine';
  }
  if (!Number.isSafeInteger(discount.amount) || discount.amount < 0) {
    return refuse('bad-discount', `a discount must be a whole amount >= 0, got ${String(discount.amount)}`);
  }
  if (discount.amount > base) return refuse('discount-too-large', `a discount of ${discount.amount} on ${base}`);
  return 'fine';
}

/** True when taking `amount` off `base` is a larger share than `limitBasisPoints` (exact, no rounding). */
function exceedsShare(amount: number, base: number, limitBasisPoints: number): boolean {
  return BigInt(amount) * 10_000n > BigInt(base) * BigInt(limitBasisPoints);
}

function isZero(discount: Discount): boolean {
  return discount.kind === 'percent' ? discount.basisPoints === 0 : discount.amount === 0;
}

/**
 * A discount on one line (on its price x quantity). A zero discount removes it. Above the store's
 * limit it needs `approvedBy`.
 */
export function lineDiscount(cart: Cart, lineId: string, discount: Discount, rules: PriceRules, approvedBy?: string): CartResult {
  const line = findLine(cart, lineId);
  if (line === undefined) return refuse('unknown-line', `no line ${lineId} in the cart`);
  const gross = lineGross(line);
  const problem = checkDiscount(discount, gross);
  if (problem !== 'fine') return problem;
  if (isZero(discount)) return replaceLine(cart, omit(line, 'discount', 'discountApprovedBy'));
  const needsApproval = exceedsShare(discountAmount(discount, gross), gross, rules.maxDiscountBasisPoints);
  if (needsApproval && !approvedBy) return refuse('needs-approval', `a discount above ${rules.maxDiscountBasisPoints / 100} % on ${line.name}`);
  const updated = { ...omit(line, 'discountApprovedBy'), discount };
  return replaceLine(cart, needsApproval && approvedBy ? { ...updated, discountApprovedBy: approvedBy } : updated);
}

/**
 * A discount on the whole cart, applied after line discounts and spread over the lines in proportion
 * to their amounts when totals are computed. A zero discount removes it.
 */
export function cartDiscount(cart: Cart, discount: Discount, rules: PriceRules, approvedBy?: string): CartResult {
  const base = cart.lines.reduce((sum, line) => sum + lineAfterOwnDiscount(line), 0);
  const problem = checkDiscount(discount, base);
  if (problem !== 'fine') return problem;
  const state = omit(stateOf(cart), 'discount', 'discountApprovedBy');
  if (isZero(discount)) return ok(cart, state);
  const needsApproval = exceedsShare(discountAmount(discount, base), base, rules.maxDiscountBasisPoints);
  if (needsApproval && !approvedBy) return refuse('needs-approval', `a cart discount above ${rules.maxDiscountBasisPoints / 100} %`);
  return ok(cart, needsApproval && approvedBy ? { ...state, discount, discountApprovedBy: approvedBy } : { ...state, discount });
}

/** Would changing a line's price to `newPrice` need a manager? (Open-price items, list price 0, never do.) */
export function overrideNeedsApproval(line: CartLine, newPrice: number, rules: PriceRules): boolean {
  if (line.cost !== undefined && newPrice < line.cost) return true;
  if (line.listPrice === 0) return false;
  return exceedsShare(Math.abs(newPrice - line.listPrice), line.listPrice, rules.overrideNeedsApprovalAbove);
}

/** The cashier sells a line at another price. Back at the list price, the override disappears. */
export function overridePrice(cart: Cart, lineId: string, newPrice: number, rules: PriceRules, approvedBy?: string): CartResult {
  const line = findLine(cart, lineId);
  if (line === undefined) return refuse('unknown-line', `no line ${lineId} in the cart`);
  if (!isPrice(newPrice)) return refuse('bad-price', `${String(newPrice)} is not a valid price`);
  const plain = omit(line, 'priceOverride');
  if (newPrice === line.listPrice) return replaceLine(cart, { ...plain, unitPrice: newPrice });
  const needsApproval = overrideNeedsApproval(line, newPrice, rules);
  if (needsApproval && !approvedBy) return refuse('needs-approval', `${line.name} from ${line.listPrice} to ${newPrice} needs a manager`);
  const priceOverride = needsApproval && approvedBy ? { approvedBy } : {};
  return replaceLine(cart, { ...plain, unitPrice: newPrice, priceOverride });
}

/** The customer for loyalty points, store credit and the receipt. */
export function attachCustomer(cart: Cart, customerId: string): Cart {
  if (customerId === '') throw new Error('attachCustomer needs a customer id');
  if (cart.customerId === customerId) return cart;
  return change(cart, { ...stateOf(cart), customerId });
}

export function detachCustomer(cart: Cart): Cart {
  if (cart.customerId === undefined) return cart;
  return change(cart, omit(stateOf(cart), 'customerId'));
}
