import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountShare, pointsToGiveBack, pointsToTakeBack, purchaseOfOrder, returnedPart, returnQuantityProblem } from './returnable-purchase.ts';
import type { PurchaseLine } from './returnable-purchase.ts';

const line = (qty: number, unitPrice: number, discount: number): PurchaseLine => ({
  productId: 'p',
  sku: 'S',
  name: 'Hàng',
  qty,
  unitPrice,
  discount,
  taxRate: 800,
  total: Math.round((unitPrice * qty) / 1000) - discount,
  priceIncludesTax: true,
  unit: qty % 1000 === 0 ? 'pcs' : 'kg',
});

/** Any way to cut n pieces into returns of whole pieces. */
const partsOf = (pieces: number): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 1, max: pieces }), { minLength: 1, maxLength: pieces }).map((cuts) => {
    const parts: number[] = [];
    let left = pieces;
    for (const cut of cuts) {
      if (left === 0) break;
      const part = Math.min(cut, left);
      parts.push(part);
      left -= part;
    }
    if (left > 0) parts.push(left);
    return parts;
  });

describe('pricing what comes back', () => {
  it('PROPERTY: a line returned in any parts gives back exactly its total, each part within its price and never a negative discount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }).chain((pieces) => fc.tuple(fc.constant(pieces), fc.integer({ min: 0, max: 5_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), partsOf(pieces))), ([pieces, price, share, parts]) => {
        const bought = line(pieces * 1000, price, Math.floor(price * pieces * share));
        let before = 0;
        let back = 0;
        for (const part of parts) {
          expect(returnQuantityProblem(bought, before, part * 1000)).toBeUndefined();
          const returned = returnedPart(bought, before, part * 1000);
          expect(returned.discount).toBeGreaterThanOrEqual(0);
          expect(-returned.total).toBeLessThanOrEqual(price * part);
          back -= returned.total;
          before += part * 1000;
        }
        expect(back).toBe(bought.total);
        expect(returnQuantityProblem(bought, before, 1000)).toMatch(/only 0/);
      }),
    );
  });

  it('the discount share is cumulative: 10,000 over three pieces goes 3,333 / 3,333 / 3,334', () => {
    const bought = line(3000, 125_000, 10_000);
    expect([discountShare(bought, 1000), discountShare(bought, 2000), discountShare(bought, 3000)]).toEqual([3333, 6666, 10_000]);
  });

  it('PROPERTY: points given back and taken back in any parts add up to exactly what was paid or earned', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 10 }), (points, amount, cuts) => {
        let before = 0;
        let given = 0;
        let taken = 0;
        for (const cut of cuts) {
          const part = Math.min(cut, amount - before);
          if (part <= 0) break;
          given += pointsToGiveBack(points, amount, before, part);
          taken += pointsToTakeBack(points, amount, before, part);
          before += part;
        }
        if (before < amount) {
          given += pointsToGiveBack(points, amount, before, amount - before);
          taken += pointsToTakeBack(points, amount, before, amount - before);
        }
        expect(given).toBe(points);
        expect(taken).toBe(points);
      }),
    );
  });

  it('an online order: a line total below price x quantity is its discount; prices include VAT', () => {
    const order = purchaseOfOrder({ id: 'o', number: '#1', storeId: 's', placedAt: '2025-11-20T00:00:00Z', currency: 'VND', paid: true, lines: [{ productId: 'p', sku: 'S', name: 'Áo', qty: 2000, unitPrice: 125_000, taxRate: 800, total: 240_000 }] });
    expect(order.lines[0]).toMatchObject({ discount: 10_000, total: 240_000, priceIncludesTax: true, unit: 'pcs' });
    expect(order.tenders).toEqual([]);
    expect(order.paidOnline).toBe(true);
  });
});
