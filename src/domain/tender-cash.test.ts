import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { banknotesOf, listCurrencies } from './currency.ts';
import { banknotesFor, suggestCashAmounts, VND_BANKNOTES } from './tender-cash.ts';

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

describe('the banknotes the quick amounts are built from', () => {
  it('are the Vietnamese notes from 10,000 to 500,000 dong for a store selling in dong', () => {
    expect(banknotesFor('VND')).toEqual([10_000, 20_000, 50_000, 100_000, 200_000, 500_000]);
    expect(VND_BANKNOTES).toEqual(banknotesOf('VND'));
  });

  it("follow the store's own list when its config names one, and ignore a malformed one", () => {
    expect(banknotesFor('VND', [100_000, 50_000, 100_000])).toEqual([50_000, 100_000]);
    expect(banknotesFor('VND', [])).toEqual(VND_BANKNOTES);
    expect(banknotesFor('VND', [50_000, -1])).toEqual(VND_BANKNOTES);
    expect(banknotesFor('VND', [50_000.5])).toEqual(VND_BANKNOTES);
    expect(banknotesFor('VND', '50000')).toEqual(VND_BANKNOTES);
    expect(banknotesFor('USD')).toEqual([100, 500, 1_000, 2_000, 5_000, 10_000]);
    expect(banknotesFor('XYZ')).toEqual([]);
    expect(suggestCashAmounts(12_345, banknotesFor('XYZ'))).toEqual([12_345]);
  });

  it('every currency lists positive whole notes, smallest first, each above its cash step', () => {
    for (const currency of listCurrencies()) {
      const notes = banknotesOf(currency.code);
      expect(notes.every((note) => Number.isSafeInteger(note) && note > currency.cashStep)).toBe(true);
      expect([...notes].sort((a, b) => a - b)).toEqual(notes);
      expect(new Set(notes).size).toBe(notes.length);
    }
  });
});

describe('quick cash amounts in any currency', () => {
  const currencies = listCurrencies().map((currency) => currency.code);
  const notesOfAStore = fc.oneof(
    fc.constantFrom(...currencies).map((code) => banknotesFor(code)),
    fc.uniqueArray(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 12 }),
  );

  it('offer the exact amount first, then ascending amounts each the least multiple of one note that covers the bill', () => {
    fc.assert(
      fc.property(notesOfAStore, fc.integer({ min: 1, max: 10_000_000_000 }), (notes, due) => {
        const amounts = suggestCashAmounts(due, notes);
        expect(amounts[0]).toBe(due);
        for (const [index, amount] of amounts.entries()) {
          if (index === 0) continue;
          expect(amount).toBeGreaterThan(amounts[index - 1]!);
          expect(notes.some((note) => amount % note === 0 && amount - due < note)).toBe(true);
        }
      }),
    );
  });

  it('whatever single note covers the bill, a button at most that note is offered', () => {
    fc.assert(
      fc.property(notesOfAStore, fc.integer({ min: 1, max: 10_000_000 }), (notes, due) => {
        const amounts = suggestCashAmounts(due, notes);
        for (const note of notes.filter((each) => each >= due)) {
          expect(amounts.some((amount) => amount >= due && amount <= note)).toBe(true);
        }
      }),
    );
  });
});
