import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ROUNDING_MODES, assertSafeInteger, divideAndRound, toSafeInteger } from './rounding.ts';

const abs = (value: bigint): bigint => (value < 0n ? -value : value);

describe('rounding a money fraction to a whole minor unit', () => {
  it('rounds half a dong away from zero for both a sale and its return', () => {
    expect(divideAndRound(25n, 10n, 'halfAwayFromZero')).toBe(3n);
    expect(divideAndRound(-25n, 10n, 'halfAwayFromZero')).toBe(-3n);
    expect(divideAndRound(24n, 10n, 'halfAwayFromZero')).toBe(2n);
  });

  it("rounds ties to even in banker's rounding", () => {
    expect(divideAndRound(25n, 10n, 'halfEven')).toBe(2n);
    expect(divideAndRound(35n, 10n, 'halfEven')).toBe(4n);
    expect(divideAndRound(-25n, 10n, 'halfEven')).toBe(-2n);
    expect(divideAndRound(26n, 10n, 'halfEven')).toBe(3n);
  });

  it('truncates toward zero or pushes away from zero on request', () => {
    expect(divideAndRound(29n, 10n, 'towardZero')).toBe(2n);
    expect(divideAndRound(-29n, 10n, 'towardZero')).toBe(-2n);
    expect(divideAndRound(21n, 10n, 'awayFromZero')).toBe(3n);
    expect(divideAndRound(-21n, 10n, 'awayFromZero')).toBe(-3n);
    expect(divideAndRound(20n, 10n, 'awayFromZero')).toBe(2n);
  });

  it('mirrors every amount exactly when it is negated (returns mirror sales), in every mode', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.constantFrom(...ROUNDING_MODES), (n, d, mode) => {
        expect(divideAndRound(-n, d, mode)).toBe(-divideAndRound(n, d, mode));
      }),
    );
  });

  it('never lands further than one step from the exact value, and at most half a step in the nearest modes', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.constantFrom(...ROUNDING_MODES), (n, d, mode) => {
        const q = divideAndRound(n, d, mode);
        const error = abs(q * d - n);
        expect(error < d).toBe(true);
        if (mode === 'halfAwayFromZero' || mode === 'halfEven') expect(2n * error <= d).toBe(true);
        if (mode === 'towardZero') expect(abs(q * d) <= abs(n)).toBe(true);
        if (mode === 'awayFromZero') expect(abs(q * d) >= abs(n)).toBe(true);
      }),
    );
  });

  it('refuses a zero or negative denominator and results beyond the safe integer range', () => {
    expect(() => divideAndRound(1n, 0n, 'halfEven')).toThrow(/positive denominator/);
    expect(() => toSafeInteger(2n ** 53n, 'Total')).toThrow(/Total is out of the safe integer range/);
    expect(toSafeInteger(-(2n ** 53n) + 1n, 'Total')).toBe(Number.MIN_SAFE_INTEGER);
    expect(() => assertSafeInteger(0.5, 'Price')).toThrow(/Price must be a safe integer/);
  });
});
