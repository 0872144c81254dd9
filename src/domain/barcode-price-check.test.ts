// The price/weight check digit inside scale labels: the GS1 weighting tables and real label vectors.
import { describe, expect, it } from 'vitest';
import { PRICE_CHECK_WEIGHTS, priceCheckDigit } from './barcode-price-check.ts';

const table = (weight: (d: number) => number) => Array.from({ length: 10 }, (_, d) => weight(d)).join(' ');

describe('price/weight check digit', () => {
  it('uses the weighting tables printed in the GS1 General Specifications', () => {
    expect(table(PRICE_CHECK_WEIGHTS.twoMinus)).toBe('0 2 4 6 8 9 1 3 5 7');
    expect(table(PRICE_CHECK_WEIGHTS.three)).toBe('0 3 6 9 2 5 8 1 4 7');
    expect(table(PRICE_CHECK_WEIGHTS.fivePlus)).toBe('0 5 1 6 2 7 3 8 4 9');
    expect(table(PRICE_CHECK_WEIGHTS.fiveMinus)).toBe('0 5 9 4 8 3 7 2 6 1');
  });

  it('gives the check digits printed on real scale labels', () => {
    // Four digits: 2875 -> 9 (label 2001235 9 2875 4). Five digits from German scale labels.
    expect(priceCheckDigit('2875')).toBe(9);
    expect(priceCheckDigit('14685')).toBe(6);
    expect(priceCheckDigit('00502')).toBe(5);
    expect(priceCheckDigit('00828')).toBe(4);
    expect(priceCheckDigit('00782')).toBe(0);
    expect(priceCheckDigit('00000')).toBe(0);
  });

  it('catches any single changed digit of a price (every 4-digit price, every 11th 5-digit one)', () => {
    const missed: string[] = [];
    const sweep = (length: number, step: number) => {
      for (let value = 0; value < 10 ** length; value += step) {
        const digits = String(value).padStart(length, '0');
        const check = priceCheckDigit(digits);
        for (let position = 0; position < length; position++) {
          for (let shift = 1; shift < 10; shift++) {
            const changed = digits.slice(0, position) + String((Number(digits[position]) + shift) % 10) + digits.slice(position + 1);
            if (priceCheckDigit(changed) === check) missed.push(`${digits} -> ${changed}`);
          }
        }
      }
    };
    sweep(4, 1);
    sweep(5, 11);
    expect(missed).toEqual([]);
  });

  it('refuses fields it has no algorithm for', () => {
    expect(() => priceCheckDigit('123')).toThrow(/4 or 5 digits/);
    expect(() => priceCheckDigit('123456')).toThrow(/4 or 5 digits/);
  });
});
