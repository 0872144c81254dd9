import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { giftCardQuickAmounts } from './gift-card-amounts.ts';
import { banknotesFor } from './tender-cash.ts';

describe('the amounts a cashier taps to put on a gift card', () => {
  it('are the store’s own list when it has one, sorted and without repeats', () => {
    expect(giftCardQuickAmounts({ giftCardAmounts: [500_000, 200_000, 500_000] }, banknotesFor('VND'))).toEqual([200_000, 500_000]);
  });

  it('are otherwise built from the banknotes: 100,000 to 2,000,000 dong in a Vietnamese store', () => {
    expect(giftCardQuickAmounts({}, banknotesFor('VND'))).toEqual([100_000, 200_000, 500_000, 1_000_000, 2_000_000]);
    expect(giftCardQuickAmounts({ giftCardAmounts: [0, -5] }, banknotesFor('VND'))).toEqual([100_000, 200_000, 500_000, 1_000_000, 2_000_000]);
    expect(giftCardQuickAmounts(undefined, [])).toEqual([]);
  });

  it('are always positive whole amounts in increasing order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 12 }), (notes) => {
        const amounts = giftCardQuickAmounts(undefined, notes);
        expect(amounts.every((amount) => Number.isSafeInteger(amount) && amount > 0)).toBe(true);
        expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);
        expect(new Set(amounts).size).toBe(amounts.length);
      }),
    );
  });
});
