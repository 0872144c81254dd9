import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCardNumbers, passesLuhn, startsLikeCardNetwork } from './card-number.ts';
import { dammCheckDigit, formatGiftCardNumber, generateGiftCardNumber, GIFT_CARD_DIGITS, isGiftCardNumber, parseGiftCardNumber, passesDamm } from './gift-card-number.ts';

/** A seeded byte stream (xorshift32) standing in for the random source, so fast-check can drive and replay it. */
function bytesFrom(seed: number): (length: number) => Uint8Array {
  let state = seed | 1;
  return (length) =>
    Uint8Array.from({ length }, () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return state & 0xff;
    });
}

describe('gift-card numbers: random, checked by their own digit, never a bank card', () => {
  it('the Damm check digit is the textbook one (572 -> 4) and catches every single wrong digit and neighbour swap', () => {
    expect(dammCheckDigit('572')).toBe('4');
    expect(passesDamm('5724')).toBe(true);
    const number = generateGiftCardNumber();
    for (let i = 0; i < number.length; i += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        if (String(digit) === number[i]) continue;
        expect(passesDamm(number.slice(0, i) + String(digit) + number.slice(i + 1))).toBe(false);
      }
      if (i + 1 < number.length && number[i] !== number[i + 1]) {
        expect(passesDamm(number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2))).toBe(false);
      }
    }
  });

  it('a card sold today has 19 digits, starts with 7, prints in groups of four and reads back from what the cashier types', () => {
    const number = generateGiftCardNumber();
    expect(number).toMatch(/^7\d{18}$/);
    expect(number).toHaveLength(GIFT_CARD_DIGITS);
    expect(formatGiftCardNumber(number)).toMatch(/^7\d{3} \d{4} \d{4} \d{4} \d{3}$/);
    expect(parseGiftCardNumber(formatGiftCardNumber(number))).toBe(number);
    expect(parseGiftCardNumber(formatGiftCardNumber(number).replace(/ /g, '-'))).toBe(number);
    const typo = number.slice(0, 5) + String((Number(number[5]) + 1) % 10) + number.slice(6);
    expect(parseGiftCardNumber(typo)).toBeUndefined();
  });

  it('two thousand cards are two thousand different numbers (the random source is used, not a counter)', () => {
    const numbers = new Set(Array.from({ length: 2000 }, () => generateGiftCardNumber()));
    expect(numbers.size).toBe(2000);
  });

  it('PROPERTY: whatever the random bytes, a generated number is ours, never Luhn-valid, never starts like a card network, and the card-number filter never trips on it, bare or printed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const number = generateGiftCardNumber(bytesFrom(seed));
        expect(isGiftCardNumber(number)).toBe(true);
        expect(passesLuhn(number)).toBe(false);
        expect(startsLikeCardNetwork(number)).toBe(false);
        expect(findCardNumbers(number)).toEqual([]);
        expect(findCardNumbers(formatGiftCardNumber(number))).toEqual([]);
        expect(findCardNumbers(`thẻ quà tặng ${formatGiftCardNumber(number)} nạp 500.000đ`)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('a bank card number, a Luhn-valid run or a number of the wrong length is not a gift card', () => {
    expect(isGiftCardNumber('4111111111111111')).toBe(false);
    const number = generateGiftCardNumber();
    expect(isGiftCardNumber(number.slice(0, -1) + String((Number(number.at(-1)) + 1) % 10))).toBe(false);
    expect(isGiftCardNumber(`4${number.slice(1, -1)}${dammCheckDigit(`4${number.slice(1, -1)}`)}`)).toBe(false);
    expect(isGiftCardNumber(generateGiftCardNumber().slice(0, 18))).toBe(false);
  });
});
