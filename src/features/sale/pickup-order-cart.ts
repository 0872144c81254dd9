/*
 * An unpaid online order handed from the pickup screen (session/counter-handoff-store.ts) goes into the cart
 * at the order's own prices, not today's catalog prices: each line as the catalog's product (its tax class,
 * unit) sold at the order line's price and quantity, on a line of its own (never merged with a scanned item,
 * so the upsell's items stay at their own price), with the line's online discount as the line's discount (the
 * shop granted it: no manager needed), and the order's customer attached. A product no longer in the catalog
 * is left out (the sale then does not cover the order, and the order stays unpaid).
 */
import type { CatalogDatabase } from '../../catalog/catalog-database.ts';
import { attachCustomer, lineDiscount, ringUpLine } from '../../domain/cart.ts';
import type { Cart, PriceRules } from '../../domain/cart.ts';
import type { PickupOrderForCounter } from '../../session/counter-handoff-store.ts';
import { cartProductOf } from '../../catalog/scanned-product.ts';

/** The order's own discounts were granted by the shop, not by the cashier: no limit applies to them. */
const ORDER_DISCOUNT_RULES: PriceRules = { maxDiscountBasisPoints: 10_000, overrideNeedsApprovalAbove: 10_000 };

export async function cartWithPickupOrder(cart: Cart, catalog: CatalogDatabase, order: PickupOrderForCounter): Promise<{ cart: Cart; missing: string[] }> {
  let next = cart;
  const missing: string[] = [];
  for (const line of order.lines) {
    const product = await catalog.products.get(line.productId);
    if (product === undefined) {
      missing.push(line.name);
      continue;
    }
    const atOrderPrice = { ...cartProductOf(product), price: line.unitPrice };
    // A piece line carries the order's price as a label price (one line, never merged); a weighed one its weight.
    const result = ringUpLine(next, atOrderPrice, product.weighed ? { qty: line.qty } : { qty: line.qty, labelPrice: line.unitPrice });
    if (!result.ok) {
      missing.push(line.name);
      continue;
    }
    next = result.cart;
    const added = next.lines.at(-1);
    if (line.discount > 0 && added !== undefined) {
      const discounted = lineDiscount(next, added.lineId, { kind: 'amount', amount: line.discount }, ORDER_DISCOUNT_RULES);
      if (discounted.ok) next = discounted.cart;
      else missing.push(line.name);
    }
  }
  if (order.customerId !== null) next = attachCustomer(next, order.customerId);
  return { cart: next, missing };
}
