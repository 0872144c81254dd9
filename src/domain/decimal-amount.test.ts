import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDecimalAmount, writeDecimalAmount } from './decimal-amount.ts';

describe('amounts an online shop sends as decimal text', () => {
  it('reads a VND price with zero decimals as whole dong, and a USD price as cents', () => {
    expect(readDecimalAmount('25000.00', 0)).toEqual({ ok: true, amount: 25_000 });
    expect(readDecimalAmount('240000.0000', 0)).toEqual({ ok: true, amount: 240_000 });
    expect(readDecimalAmount('19.99', 2)).toEqual({ ok: true, amount: 1999 });
    expect(readDecimalAmount('19.9', 2)).toEqual({ ok: true, amount: 1990 });
    expect(readDecimalAmount('19', 2)).toEqual({ ok: true, amount: 1900 });
    expect(readDecimalAmount('0.005', 3)).toEqual({ ok: true, amount: 5 });
    expect(readDecimalAmount('0.1', 4)).toEqual({ ok: true, amount: 1000 });
  });

  it('refuses half a dong, a tenth of a cent, exponents, separators and signs, saying what was wrong', () => {
    const half = readDecimalAmount('25000.50', 0);
    expect(half).toMatchObject({ ok: false, problem: 'lost-fraction' });
    expect(!half.ok && half.message).toMatch(/no minor unit/);
    expect(readDecimalAmount('19.999', 2)).toMatchObject({ ok: false, problem: 'lost-fraction' });
    for (const text of ['1e3', '25,000', ' 12', '+5', '', '.5', '5.', 'NaN', '١٢']) {
      expect(readDecimalAmount(text, 0), text).toMatchObject({ ok: false, problem: 'not-a-number' });
    }
    expect(readDecimalAmount('-5.00', 2)).toMatchObject({ ok: false, problem: 'negative' });
    expect(readDecimalAmount('-0.00', 2)).toEqual({ ok: true, amount: 0 });
    expect(readDecimalAmount('-5.00', 2, { allowNegative: true })).toEqual({ ok: true, amount: -500 });
    expect(readDecimalAmount('9007199254740992', 0)).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('reads back exactly what it writes, with any number of trailing zeros, for every currency digit count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 }), fc.constantFrom(0, 2, 3), fc.nat({ max: 6 }), (amount, digits, zeros) => {
        const written = writeDecimalAmount(amount, digits);
        const padded = zeros === 0 ? written : `${written}${digits === 0 ? '.' : ''}${'0'.repeat(zeros)}`;
        expect(readDecimalAmount(padded, digits)).toEqual({ ok: true, amount });
      }),
    );
  });

  it('never accepts a fraction finer than the currency has, whatever the digits', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.constantFrom(0, 2, 3), fc.integer({ min: 1, max: 9 }), (whole, digits, last) => {
        const text = `${whole}.${'0'.repeat(digits)}${last}`;
        expect(readDecimalAmount(text, digits)).toMatchObject({ ok: false, problem: 'lost-fraction' });
      }),
    );
  });
});
