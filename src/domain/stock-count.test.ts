import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countAdjustments, countSummary, countVariances } from './stock-count.ts';

const quantity = fc.integer({ min: 0, max: 10_000_000_000 });
const counts = fc.uniqueArray(fc.record({ productId: fc.string({ minLength: 1, maxLength: 8 }), counted: quantity }), { selector: (c) => c.productId, maxLength: 30 });
const books = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: -1_000_000, max: 10_000_000_000 }));

describe('a stock count', () => {
  it('shows the shelf against the books: 48 on the books, 45 counted is 3 missing', () => {
    const variances = countVariances([{ productId: 'milk', counted: 45_000 }, { productId: 'rice', counted: 12_500 }], (id) => (id === 'milk' ? 48_000 : undefined));
    expect(variances).toEqual([
      { productId: 'milk', expected: 48_000, counted: 45_000, variance: -3_000 },
      { productId: 'rice', expected: 0, counted: 12_500, variance: 12_500 },
    ]);
    expect(countSummary(variances)).toEqual({ products: 2, off: 2, net: 9_500, missing: 3_000 });
  });

  it('after its adjustments every counted product holds exactly what was counted (property)', () => {
    fc.assert(
      fc.property(counts, books, (counted, onHand) => {
        const look = (id: string) => (Object.hasOwn(onHand, id) ? onHand[id] : undefined);
        const adjustments = new Map(countAdjustments(countVariances(counted, look)).map((a) => [a.productId, a.delta]));
        for (const { productId, counted: found } of counted) expect((look(productId) ?? 0) + (adjustments.get(productId) ?? 0)).toBe(found);
      }),
    );
  });

  it('writes nothing for a product counted as the books say, and applying the count twice finds nothing more to adjust (property)', () => {
    fc.assert(
      fc.property(counts, books, (counted, onHand) => {
        const look = (id: string) => (Object.hasOwn(onHand, id) ? onHand[id] : undefined);
        const after = new Map<string, number>();
        for (const a of countAdjustments(countVariances(counted, look))) {
          expect(a.delta).not.toBe(0);
          after.set(a.productId, (look(a.productId) ?? 0) + a.delta);
        }
        const again = countAdjustments(countVariances(counted, (id) => after.get(id) ?? look(id)));
        expect(again).toEqual([]);
      }),
    );
  });

  it('its summary adds up: the net variance is what was found minus what the books held (property)', () => {
    fc.assert(
      fc.property(counts, books, (counted, onHand) => {
        const variances = countVariances(counted, (id) => (Object.hasOwn(onHand, id) ? onHand[id] : undefined));
        const summary = countSummary(variances);
        expect(summary.net).toBe(variances.reduce((s, v) => s + v.counted, 0) - variances.reduce((s, v) => s + v.expected, 0));
        expect(summary.off).toBe(countAdjustments(variances).length);
        expect(summary.missing).toBeGreaterThanOrEqual(Math.max(0, -summary.net));
      }),
    );
  });
});
