import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMoney,
  allocateByWeights,
  applyBasisPoints,
  money,
  multiplyByQuantity,
  roundToStep,
  subtractMoney,
  sumMinorUnits,
  sumMoney,
} from './money.ts';
import { ROUNDING_MODES } from './rounding.ts';
import { getCurrency } from './currency.ts';

/** -x without producing -0, which toEqual tells apart from 0. */
const negate = (value: number): number => (value === 0 ? 0 : -value);
const signedAmount = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });

describe('money values', () => {
  it('adds up a basket of VND prices and takes a coupon off', () => {
    const basket = [money(25_000, 'VND'), money(18_500, 'VND'), money(42_000, 'VND')];
    expect(sumMoney(basket, 'VND')).toEqual({ amount: 85_500, currency: 'VND' });
    expect(subtractMoney(sumMoney(basket, 'VND'), money(10_000, 'VND'))).toEqual({ amount: 75_500, currency: 'VND' });
    expect(addMoney(money(1_999, 'USD'), money(1, 'USD'))).toEqual({ amount: 2_000, currency: 'USD' });
    expect(sumMoney([], 'EUR')).toEqual({ amount: 0, currency: 'EUR' });
  });

  it('refuses fractions of a minor unit, floats that lost precision, and unknown currencies', () => {
    expect(() => money(25_000.5, 'VND')).toThrow(/Amount \(integer minor units\) must be a safe integer, got 25000.5/);
    expect(() => money(2 ** 53, 'VND')).toThrow(/safe integer/);
    expect(() => money(Number.NaN, 'VND')).toThrow(/safe integer, got NaN/);
    expect(() => money(100, 'ABC')).toThrow(/Unknown currency code "ABC"/);
  });

  it('never mixes dong and dollars', () => {
    expect(() => addMoney(money(25_000, 'VND'), money(100, 'USD'))).toThrow(/Cannot combine VND and USD/);
    expect(() => sumMoney([money(1, 'VND'), money(1, 'USD')], 'VND')).toThrow(/Cannot combine VND and USD/);
  });

  it('sums exactly even when an intermediate total passes 2^53, and refuses a total that does', () => {
    expect(sumMinorUnits([Number.MAX_SAFE_INTEGER, 10, -20])).toBe(Number.MAX_SAFE_INTEGER - 10);
    expect(sumMinorUnits([-Number.MAX_SAFE_INTEGER, -10, 20])).toBe(-Number.MAX_SAFE_INTEGER + 10);
    expect(() => sumMinorUnits([Number.MAX_SAFE_INTEGER, 1])).toThrow(/Sum of amounts is out of the safe integer range/);
    expect(Object.is(sumMinorUnits([-0, -0]), 0)).toBe(true);
  });

  it('sums exactly what a BigInt sum gives, for everyday and for extreme amounts', () => {
    const anyAmount = fc.oneof(signedAmount, fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(fc.array(anyAmount, { maxLength: 12 }), (amounts) => {
        const exact = amounts.reduce((sum, amount) => sum + BigInt(amount), 0n);
        if (exact > BigInt(Number.MAX_SAFE_INTEGER) || exact < BigInt(Number.MIN_SAFE_INTEGER)) {
          expect(() => sumMinorUnits(amounts)).toThrow(/out of the safe integer range/);
        } else {
          expect(sumMinorUnits(amounts)).toBe(Number(exact));
        }
      }),
    );
  });
});

describe('price times quantity', () => {
  it('prices 0.375 kg of pork at 129,000 VND/kg exactly and rounds weighed bananas to the dong', () => {
    expect(multiplyByQuantity(129_000, 375)).toBe(48_375);
    // 35,900 x 0.457 = 16,406.3
    expect(multiplyByQuantity(35_900, 457)).toBe(16_406);
    // 1,001 x 0.5 = 500.5: half a dong goes up on the sale and down on the return.
    expect(multiplyByQuantity(1_001, 500)).toBe(501);
    expect(multiplyByQuantity(1_001, -500)).toBe(-501);
    expect(multiplyByQuantity(1_001, 500, 'towardZero')).toBe(500);
  });

  it('rings up three pieces as three times the price', () => {
    expect(multiplyByQuantity(18_500, 3_000)).toBe(55_500);
  });

  it('is never more than half a dong off the exact product, and exact for whole pieces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: -1_000_000, max: 1_000_000 }), (unitPrice, qty) => {
        const result = multiplyByQuantity(unitPrice, qty);
        const error = BigInt(result) * 1000n - BigInt(unitPrice) * BigInt(qty);
        expect(2n * (error < 0n ? -error : error) <= 1000n).toBe(true);
        expect(multiplyByQuantity(unitPrice, qty * 1000)).toBe(negate(negate(unitPrice * qty)));
      }),
    );
  });

  it('gives a return exactly the negative of the sale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(...ROUNDING_MODES), (unitPrice, qty, mode) => {
        const sale = multiplyByQuantity(unitPrice, qty, mode);
        expect(multiplyByQuantity(unitPrice, -qty, mode)).toBe(negate(sale));
        expect(multiplyByQuantity(-unitPrice, qty, mode)).toBe(negate(sale));
      }),
    );
  });

  it('refuses a product it cannot hold exactly', () => {
    expect(() => multiplyByQuantity(Number.MAX_SAFE_INTEGER, 2_000)).toThrow(/Price x quantity is out of the safe integer range/);
    expect(() => multiplyByQuantity(1_000, 1.5)).toThrow(/Quantity \(thousandths of the unit\) must be a safe integer/);
  });
});

describe('percentages in basis points', () => {
  it('takes 15 % off a 45,000 VND shirt and rounds 8 % of 12,345 dong to the nearest dong', () => {
    expect(applyBasisPoints(45_000, 1_500)).toBe(6_750);
    expect(applyBasisPoints(12_345, 800)).toBe(988); // 987.6
    expect(applyBasisPoints(12_345, 800, 'towardZero')).toBe(987);
    expect(applyBasisPoints(-12_345, 800)).toBe(-988);
    expect(applyBasisPoints(50, 100)).toBe(1); // 0.5 rounds away from zero
  });

  it('stays within half a unit of the exact percentage and mirrors negative amounts', () => {
    fc.assert(
      fc.property(signedAmount, fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        const result = applyBasisPoints(amount, bp);
        const error = BigInt(result) * 10_000n - BigInt(amount) * BigInt(bp);
        expect(2n * (error < 0n ? -error : error) <= 10_000n).toBe(true);
        expect(applyBasisPoints(negate(amount), bp)).toBe(negate(result));
      }),
    );
  });
});

describe('spreading a cart discount over the lines', () => {
  it('spreads 10,000 VND off a 100,000 VND cart in proportion to the lines', () => {
    expect(allocateByWeights(10_000, [45_000, 30_000, 25_000])).toEqual([4_500, 3_000, 2_500]);
  });

  it('gives the odd dong to the line with the largest remainder, then to the earlier line', () => {
    // 10,000 over three equal lines: 3,333.33 each; one dong left over goes to the first line.
    expect(allocateByWeights(10_000, [35_000, 35_000, 35_000])).toEqual([3_334, 3_333, 3_333]);
    // 100 over 1:2 -> 33.3 and 66.7: the larger remainder (0.7) gets the extra unit.
    expect(allocateByWeights(100, [1, 2])).toEqual([33, 67]);
    expect(allocateByWeights(5, [0, 3, 0])).toEqual([0, 5, 0]);
  });

  it('takes a returned discount back exactly as it was given', () => {
    expect(allocateByWeights(-10_000, [35_000, 35_000, 35_000])).toEqual([-3_334, -3_333, -3_333]);
  });

  it('gives the same parts for small and huge amounts as the largest-remainder method worked in BigInt', () => {
    const reference = (total: number, weights: readonly number[]): number[] => {
      const sum = weights.reduce((acc, weight) => acc + BigInt(weight), 0n);
      const magnitude = BigInt(Math.abs(total));
      const parts = weights.map((weight) => (magnitude * BigInt(weight)) / sum);
      const remainders = weights.map((weight) => (magnitude * BigInt(weight)) % sum);
      let leftover = magnitude - parts.reduce((acc, part) => acc + part, 0n);
      const order = weights.map((_, index) => index).sort((a, b) => (remainders[a] === remainders[b] ? a - b : remainders[a]! > remainders[b]! ? -1 : 1));
      for (const index of order) {
        if (leftover === 0n) break;
        parts[index] = parts[index]! + 1n;
        leftover -= 1n;
      }
      return parts.map((part) => negate(negate(Number(total < 0 ? -part : part))));
    };
    const size = fc.constantFrom(100, 100_000_000, Number.MAX_SAFE_INTEGER);
    fc.assert(
      fc.property(size, size, fc.integer(), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (totalMax, weightMax, rawTotal, rawWeights) => {
        const total = rawTotal % totalMax;
        const weights = rawWeights.map((weight) => weight % weightMax);
        if (!weights.some((weight) => weight > 0)) weights.push(1);
        expect(allocateByWeights(total, weights)).toEqual(reference(total, weights));
      }),
    );
  });

  it('always sums to the whole, never misses an exact share by a unit or more, and gives nothing to zero weights', () => {
    fc.assert(
      fc.property(signedAmount, fc.array(fc.integer({ min: 0, max: 1_000_000_000_000 }), { minLength: 1, maxLength: 30 }), (total, rawWeights) => {
        const weights = rawWeights.some((weight) => weight > 0) ? rawWeights : [...rawWeights, 1];
        const parts = allocateByWeights(total, weights);
        expect(parts).toHaveLength(weights.length);
        expect(sumMinorUnits(parts)).toBe(total);
        const weightSum = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
        parts.forEach((part, index) => {
          const weight = BigInt(weights[index] ?? 0);
          const scaledError = BigInt(part) * weightSum - BigInt(total) * weight; // (part - exact share) x weightSum
          expect((scaledError < 0n ? -scaledError : scaledError) < weightSum).toBe(true);
          if (weight === 0n) expect(part).toBe(0);
        });
        expect(allocateByWeights(negate(total), weights)).toEqual(parts.map(negate));
      }),
    );
  });

  it('refuses weights it cannot be proportional to', () => {
    expect(() => allocateByWeights(100, [])).toThrow(/empty list of weights/);
    expect(() => allocateByWeights(100, [10, -5])).toThrow(/must not be negative, got -5/);
    expect(() => allocateByWeights(100, [0, 0])).toThrow(/Cannot allocate 100 over weights that are all zero/);
    expect(allocateByWeights(0, [0, 0])).toEqual([0, 0]);
    expect(() => allocateByWeights(100.5, [1])).toThrow(/safe integer/);
  });
});

describe('cash rounding', () => {
  it('rounds a 12,300 VND cash total to the nearest 500 dong, and a refund the same way', () => {
    const step = getCurrency('VND').cashStep;
    expect(roundToStep(12_300, step)).toBe(12_500);
    expect(roundToStep(12_200, step)).toBe(12_000);
    expect(roundToStep(12_250, step)).toBe(12_500);
    expect(roundToStep(-12_250, step)).toBe(-12_500);
    expect(roundToStep(12_499, step, 'towardZero')).toBe(12_000);
    expect(roundToStep(12_001, step, 'awayFromZero')).toBe(12_500);
    expect(roundToStep(12_000, step, 'awayFromZero')).toBe(12_000);
  });

  it('rounds Singapore cash to 5 cents', () => {
    expect(roundToStep(1_997, getCurrency('SGD').cashStep)).toBe(1_995);
    expect(roundToStep(1_998, getCurrency('SGD').cashStep)).toBe(2_000);
  });

  it('lands on a multiple of the step, within one step (half a step when nearest), symmetric for refunds', () => {
    fc.assert(
      fc.property(signedAmount, fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(...ROUNDING_MODES), (amount, step, mode) => {
        const rounded = roundToStep(amount, step, mode);
        expect(rounded % step === 0).toBe(true);
        const error = Math.abs(rounded - amount);
        expect(error < step).toBe(true);
        if (mode === 'halfAwayFromZero' || mode === 'halfEven') expect(2 * error <= step).toBe(true);
        expect(roundToStep(negate(amount), step, mode)).toBe(negate(rounded));
      }),
    );
  });

  it('refuses a step that is not a positive whole amount', () => {
    expect(() => roundToStep(12_300, 0)).toThrow(/Rounding step must be positive/);
    expect(() => roundToStep(12_300, 0.5)).toThrow(/Rounding step must be a safe integer/);
  });
});
