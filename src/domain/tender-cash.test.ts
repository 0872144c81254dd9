import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestCashAmounts, VND_BANKNOTES } from './tender-cash.ts';

describe('quick cash buttons', () => {
  it('for 137,000 dong: exact, 140,000, 150,000, 200,000 and 500,000', () => {
    expect(suggestCashAmounts(137_000)).toEqual([137_000, 140_000, 150_000, 200_000, 500_000]);
  });

  it('for a round amount the exact amount is not repeated; large amounts go up by the big notes', () => {
    expect(suggestCashAmounts(50_000)).toEqual([50_000, 60_000, 100_000, 200_000, 500_000]);
    expect(suggestCashAmounts(1_250_000)).toEqual([1_250_000, 1_260_000, 1_300_000, 1_400_000, 1_500_000]);
    expect(suggestCashAmounts(8_500)).toEqual([8_500, 10_000, 20_000, 50_000, 100_000, 200_000]);
  });

  it('nothing due, nothing suggested; other currencies pass their own notes', () => {
    expect(suggestCashAmounts(0)).toEqual([]);
    expect(suggestCashAmounts(1_234, [500, 1_000, 2_000, 5_000], 3)).toEqual([1_234, 1_500, 2_000]);
    expect(() => suggestCashAmounts(1.5)).toThrow();
  });
});

describe('quick cash properties', () => {
  it('every suggestion covers the amount, the first is exact, they ascend without repeats, each is reachable with one note size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000_000 }), (due) => {
        const amounts = suggestCashAmounts(due);
        expect(amounts[0]).toBe(due);
        expect(amounts.length).toBeLessThanOrEqual(6);
        for (const [index, amount] of amounts.entries()) {
          expect(amount).toBeGreaterThanOrEqual(due);
          if (index > 0) {
            expect(amount).toBeGreaterThan(amounts[index - 1]!);
            expect(VND_BANKNOTES.some((note) => amount % note === 0 && amount - due < note)).toBe(true);
          }
        }
      }),
    );
  });
});
