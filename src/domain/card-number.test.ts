import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsCardNumber, findCardNumbers, maskCardNumbers, passesLuhn, startsLikeCardNetwork } from './card-number.ts';
import { hasValidGtinCheckDigit, makeEan13 } from './gtin.ts';

/** The Luhn check digit for a payload, the textbook way (double every second digit from the right). */
function luhnCheckDigit(payload: string): string {
  const digits = [...payload].reverse().map(Number);
  const sum = digits.reduce((total, digit, index) => total + (index % 2 === 0 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit), 0);
  return String((10 - (sum % 10)) % 10);
}

const NETWORK_PREFIXES = ['4', '51', '55', '2221', '2720', '34', '37', '3528', '3589', '300', '36', '38', '6011', '644', '65', '62', '8100', '8171', '9704'];

/**
 * A card number of a network: prefix, random digits, Luhn check digit. A 13- or 14-digit one that is also a
 * valid GTIN is read as a product code (the documented trade-off: such short PANs are obsolete), so it is left out.
 */
const cardNumber = fc
  .record({ prefix: fc.constantFrom(...NETWORK_PREFIXES), length: fc.integer({ min: 13, max: 19 }), seed: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }) })
  .map(({ prefix, length, seed }) => {
    const payload = (prefix + seed.join('')).slice(0, length - 1);
    return payload + luhnCheckDigit(payload);
  })
  .filter((pan) => pan.length > 14 || !hasValidGtinCheckDigit(pan));

const separator = fc.constantFrom(' ', '-', '.', '/', '_', '  ', ' - ', '\u00a0');

describe('a card number is recognised in any text, however it is written', () => {
  it('finds the test cards of every network the issue names', () => {
    for (const pan of ['4111111111111111', '5555555555554444', '2223003122003222', '378282246310005', '3530111333300000', '6200000000000005', '9704000000000018', '6011111111111117', '30569309025904']) {
      expect(passesLuhn(pan), pan).toBe(true);
      expect(findCardNumbers(`ref ${pan} ok`).map((match) => match.digits), pan).toEqual([pan]);
    }
  });

  it('sees through dots, slashes, underscores, spaces and a digit glued before or after', () => {
    for (const typed of ['4111.1111.1111.1111', '4111/1111/1111/1111', '4111_1111_1111_1111', '4111 1111 1111 1111', '4111111111111111 5', '41111111111111115', '94111111111111111', 'x4111-1111-1111-1111y']) {
      expect(findCardNumbers(typed).map((match) => match.digits), typed).toEqual(['4111111111111111']);
    }
  });

  it('property: any network card number with any separators between its digits is found, and masking leaves none', () => {
    fc.assert(
      fc.property(cardNumber, fc.array(separator, { minLength: 18, maxLength: 18 }), fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }), fc.string({ maxLength: 8 }), (pan, seps, use, before) => {
        const written = [...pan].map((digit, i) => (i > 0 && use[i - 1] === true ? (seps[i - 1] ?? '') : '') + digit).join('');
        const text = `${before.replace(/[\d\p{L}]/gu, '')} ${written} `;
        expect(findCardNumbers(text).map((match) => match.digits)).toContain(pan);
        const masked = maskCardNumbers(text);
        expect(masked.masked).toBeGreaterThan(0);
        expect(containsCardNumber(masked.text)).toBe(false);
        expect(masked.text).toContain(`${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`);
      }),
    );
  });

  it('masks to the first six and last four digits at most, keeping the rest of the text', () => {
    expect(maskCardNumbers('thẻ 4111 1111 1111 1111 hết hạn')).toEqual({ text: 'thẻ 411111******1111 hết hạn', masked: 1 });
    expect(maskCardNumbers('no card here 12345')).toEqual({ text: 'no card here 12345', masked: 0 });
  });
});

describe('codes a shop uses every day are never taken for a card number', () => {
  it('property: no EAN-13 product code trips it, whatever its prefix', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }), (digits) => {
        const ean = makeEan13(digits.join(''));
        expect(containsCardNumber(ean)).toBe(false);
        expect(containsCardNumber(`SKU ${ean}`)).toBe(false);
      }),
    );
  });

  it('a masked card number, a 12-digit RRN, a receipt number and numbers that fail Luhn pass', () => {
    for (const text of ['411111******1111', '412345678901', 'Q1-T2-000123', '4111111111111112', '1234567890123456789']) {
      expect(containsCardNumber(text), text).toBe(false);
    }
  });

  it('a number that passes Luhn but starts like no card network is not one', () => {
    const payload = '770012345678901';
    const number = payload + luhnCheckDigit(payload);
    expect(passesLuhn(number)).toBe(true);
    expect(startsLikeCardNetwork(number)).toBe(false);
    expect(containsCardNumber(number)).toBe(false);
  });

  it('property: no UUID and no ISO date-time trips it, alone or in a sentence', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (uuid, date) => {
        const iso = date.toISOString();
        for (const text of [uuid, uuid.toUpperCase(), `${uuid}-giftcard-3`, iso, iso.replace('T', ' ').slice(0, 19), `sale ${uuid} at ${iso}`]) {
          expect(containsCardNumber(text), text).toBe(false);
        }
      }),
    );
    // A UUID whose digit groups alone would make a Visa number that passes Luhn.
    expect(containsCardNumber('41111111-1111-1111-1111-000000000000')).toBe(false);
    expect(containsCardNumber('4111 1111 1111 1111 at 2024-06-01T09:15:00Z')).toBe(true);
  });

  it("a caller's own codes (gift cards) are excluded as whole runs", () => {
    const giftCard = '7700' + '4111111111111111';
    expect(containsCardNumber(giftCard)).toBe(true); // the card hidden at its end is found by default
    expect(containsCardNumber(giftCard, { isKnownCode: (digits) => digits.startsWith('7700') && digits.length === 20 })).toBe(false);
  });
});
