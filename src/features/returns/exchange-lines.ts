/*
 * The items that come into a return at the desk, made into what the domain's return (domain/sale-return.ts)
 * takes: an exchange's new items as sold lines (priced exactly as the counter's cart prices them, through
 * the cart's own totals), and the items a customer brings back without a receipt as unreceipted lines at
 * today's catalog price with their tax class. Also which ways the desk offers for each: the difference of an
 * exchange is paid like a sale (cash, the card terminal, bank QR, a gift card; points and store credit when
 * the customer is known); a return without receipt is refunded only
 * to the store's own money (store credit or a new gift card, as the store's refund methods allow), never in
 * cash, since nothing proves what was paid for it.
 */
import { cartTotals, taxClassOf } from '../../domain/cart-totals.ts';
import type { CartProduct, CartState } from '../../domain/cart.ts';
import type { ReturnPolicy } from '../../domain/return-policy.ts';
import { linesFromPurchase, linesWithoutReceipt, returnTotals } from '../../domain/return-lines.ts';
import { returnedSoFar } from '../../domain/returnable-purchase.ts';
import type { ReturnCondition, ReturnRequest, UnreceiptedLine } from '../../domain/sale-return.ts';
import { counterSaleLine } from '../../domain/sale-document.ts';
import type { CounterSaleLine } from '../../domain/sale-document.ts';
import type { TaxClass } from '../../domain/tax-presets.ts';
import type { TenderMethod } from '../../domain/tender.ts';
import { tenderKinds } from '../../domain/tender-kinds.ts';
import type { RestKind, ReturnReasonCode } from './return-draft.ts';

/** The tender forms the desk shows for the difference an exchange's customer pays, as the counter takes them. */
export const DIFFERENCE_METHODS: ReadonlySet<TenderMethod> = new Set<TenderMethod>(['cash', 'card', 'bank_qr', 'gift_card', 'points', 'store_credit']);

/**
 * Whether the difference may be paid by `method` now: a tender that belongs to a customer (points, store
 * credit: tenderKinds' needsCustomer) only when the purchase has one or the cashier attached one.
 */
export function paysDifference(method: TenderMethod, hasCustomer: boolean): boolean {
  return DIFFERENCE_METHODS.has(method) && (hasCustomer || !tenderKinds[method].needsCustomer);
}

/** The new items of an exchange as the document's sold lines (positive qty), priced as the counter prices its cart. */
export function newLinesOf(cart: CartState, taxClasses: readonly TaxClass[]): CounterSaleLine[] {
  const totals = cartTotals(cart, taxClasses);
  return cart.lines.map((line, index) => counterSaleLine(line, totals.lines[index]));
}

/** An item brought back without its receipt, chosen at the desk. */
export interface UnreceiptedChoice {
  readonly product: CartProduct;
  /** Thousandths (whole pieces). */
  readonly qty: number;
  readonly reason: ReturnReasonCode;
  readonly condition: ReturnCondition;
}

/** The domain's unreceipted line for a choice: the catalog's price today and the product's tax class. */
export function unreceiptedLineOf(choice: UnreceiptedChoice, taxClasses: readonly TaxClass[]): UnreceiptedLine {
  const { product } = choice;
  const taxClass = taxClassOf(taxClasses, product.taxClassId, product.name);
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    unitPrice: product.price,
    taxRate: taxClass.rateBasisPoints,
    priceIncludesTax: taxClass.pricesIncludeTax,
    unit: product.unit ?? (product.weighed ? 'kg' : 'pcs'),
    qty: choice.qty,
    reason: choice.reason,
    condition: choice.condition,
  };
}

/** Where a refund without receipt may go at this store: store credit or a new gift card, as its rules allow. */
export function noReceiptRestKinds(policy: ReturnPolicy): RestKind[] {
  const kinds: RestKind[] = ['store_credit', 'gift_card'];
  return kinds.filter((kind) => policy.refundMethods.has(kind));
}

/** Adds one piece of a product to the choices (a second scan of the same product counts it again). */
export function addUnreceipted(choices: readonly UnreceiptedChoice[], product: CartProduct): UnreceiptedChoice[] {
  const index = choices.findIndex((choice) => choice.product.id === product.id);
  if (index < 0) return [...choices, { product, qty: 1000, reason: 'changed-mind', condition: 'resellable' }];
  return choices.map((choice, at) => (at === index ? { ...choice, qty: choice.qty + 1000 } : choice));
}

/**
 * What the customer of an exchange pays (> 0) or gets back (< 0): the new items less the goods that come
 * back, priced by the domain as the return document prices them; undefined while the goods chosen cannot
 * come back (the plan then says why).
 */
export function exchangeDifference(request: ReturnRequest, policy: ReturnPolicy, newLines: readonly CounterSaleLine[]): number | undefined {
  const { purchase } = request;
  const earnsAll = () => true;
  const returned =
    purchase === undefined ? linesWithoutReceipt(request, policy) : linesFromPurchase(request, purchase, returnedSoFar(purchase, request.earlierReturns ?? [], earnsAll), policy, earnsAll);
  if ('ok' in returned) return undefined;
  return returnTotals([...returned.lines, ...newLines]).total;
}
