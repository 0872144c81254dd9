/*
 * A stock count (issue 14): the manager enters what is on the shelf, the screen shows each product's
 * variance against the stock the server holds, and applying it writes one 'count' adjustment per product
 * whose variance is not zero, so that stock on hand becomes exactly what was counted. The same function
 * shows the variance in the back office (from the server's preview) and decides the entries on the server,
 * against the balances read inside the write transaction (sales since the preview are accounted for).
 * Quantities are integer thousandths of the unit.
 */

export interface CountedProduct {
  productId: string;
  counted: number;
}

export interface CountVariance {
  productId: string;
  /** Stock on hand before the count (a product never stocked here holds 0). */
  expected: number;
  counted: number;
  /** counted - expected: positive when more was found than the books say. */
  variance: number;
}

/** Each counted product's variance against `onHand` (undefined for a product with no stock figure yet: 0). */
export function countVariances(counted: readonly CountedProduct[], onHand: (productId: string) => number | undefined): CountVariance[] {
  return counted.map(({ productId, counted: found }) => {
    const expected = onHand(productId) ?? 0;
    return { productId, expected, counted: found, variance: found - expected };
  });
}

/** The adjustments a count writes: the non-zero variances (a product counted as the books say writes nothing). */
export function countAdjustments(variances: readonly CountVariance[]): Array<{ productId: string; delta: number }> {
  return variances.filter((v) => v.variance !== 0).map((v) => ({ productId: v.productId, delta: v.variance }));
}

/** The count's totals for its summary: products counted, products off, the net variance and units missing. */
export function countSummary(variances: readonly CountVariance[]): { products: number; off: number; net: number; missing: number } {
  let off = 0;
  let net = 0;
  let missing = 0;
  for (const v of variances) {
    if (v.variance !== 0) off += 1;
    net += v.variance;
    if (v.variance < 0) missing -= v.variance;
  }
  return { products: variances.length, off, net, missing };
}
