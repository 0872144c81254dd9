import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passesLuhn, startsLikeCardNetwork } from './card-number.ts';
import { hasValidGtinCheckDigit, makeEan13 } from './gtin.ts';
import { checkTerminalReference } from './tender-reference.ts';

/** The Luhn check digit for a payload, computed the textbook way (double every second digit from the right). */
function luhnCheckDigit(payload: string): string {
  const digits = [...payload].reverse().map(Number);
  const sum = digits.reduce((total, digit, index) => total + (index % 2 === 0 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit), 0);
  return String((10 - (sum % 10)) % 10);
}

describe('a cashier records the card terminal reference', () => {
  it('keeps an approval code or RRN from the slip, trimmed', () => {
    expect(checkTerminalReference('  APPR 123456 ')).toEqual({ ok: true, reference: 'APPR 123456' });
    expect(checkTerminalReference('412345678901')).toEqual({ ok: true, reference: '412345678901' }); // 12-digit RRN, not Luhn
    expect(checkTerminalReference('411111******1111')).toMatchObject({ ok: true }); // a masked card number is fine
    expect(checkTerminalReference('4111111111111112')).toMatchObject({ ok: true }); // 16 digits that fail Luhn
    expect(checkTerminalReference('8938505974194')).toMatchObject({ ok: true }); // a product's EAN-13 read off the box
  });

  it('the refusal says how many digits, never the digits themselves', () => {
    const refused = checkTerminalReference('4111.1111.1111.1111');
    expect(refused).toEqual({ ok: false, reason: 'looks-like-card-number', detail: '16 digits that pass the card-number check: never record a card number, use the approval code' });
  });

  it('refuses anything that may be a card number, however it is written, with a reason to show', () => {
    for (const typed of ['4111111111111111', '4111 1111 1111 1111', '5555-5555-5555-4444', 'card 378282246310005 ok', 'x4111111111111111', '4111.1111.1111.1111', '4111/1111/1111/1111', '4111_1111_1111_1111', 'APPR 4111111111111111 5', '9704 0000 0000 0018']) {
      expect(checkTerminalReference(typed)).toMatchObject({ ok: false, reason: 'looks-like-card-number' });
    }
  });

  it('refuses an empty, overlong or non-printable reference', () => {
    expect(checkTerminalReference(' ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkTerminalReference('A'.repeat(101))).toMatchObject({ ok: false, reason: 'too-long' });
    expect(checkTerminalReference('Mã số 123')).toMatchObject({ ok: false, reason: 'bad-characters' });
  });
});

const NETWORK_PREFIXES = ['4', '51', '55', '2221', '2720', '34', '37', '3528', '62', '6011', '65', '9704'];

describe('Luhn properties', () => {
  /** A card number of a network, 13-19 digits, that is not also a product code (card-number.ts). */
  const cardNumberArb = fc
    .tuple(fc.constantFrom(...NETWORK_PREFIXES), fc.integer({ min: 13, max: 19 }), fc.stringMatching(/^[0-9]{19}$/))
    .map(([prefix, length, seed]) => {
      const payload = (prefix + seed).slice(0, length - 1);
      return payload + luhnCheckDigit(payload);
    })
    .filter((pan) => pan.length > 14 || !hasValidGtinCheckDigit(pan));
  const payloadArb = fc.stringMatching(/^[0-9]{11,18}$/);

  it('every network card number with a valid check digit is refused, grouped by any separator the slip or the cashier uses', () => {
    fc.assert(
      fc.property(cardNumberArb, fc.constantFrom('', ' ', '-', '.', '/', '_', ' - '), (pan, separator) => {
        expect(passesLuhn(pan)).toBe(true);
        const grouped = pan.match(/.{1,4}/g)!.join(separator);
        expect(checkTerminalReference(`REF ${grouped}`)).toMatchObject({ ok: false, reason: 'looks-like-card-number' });
        // A digit typed after it (14 digits or more, so the run cannot read as a GTIN-14 product code).
        if (pan.length >= 14) expect(checkTerminalReference(`${grouped}7`)).toMatchObject({ ok: false, reason: 'looks-like-card-number' });
      }),
    );
  });

  it('changing any one digit of a valid number breaks the check (Luhn catches every single-digit error)', () => {
    fc.assert(
      fc.property(payloadArb, fc.nat(), fc.integer({ min: 1, max: 9 }), (payload, pick, delta) => {
        const pan = payload + luhnCheckDigit(payload);
        const index = pick % pan.length;
        const changed = pan.slice(0, index) + String((Number(pan[index]) + delta) % 10) + pan.slice(index + 1);
        expect(passesLuhn(changed)).toBe(false);
      }),
    );
  });

  it('digit runs shorter than 13, numbers no card network starts with, and EAN-13 product codes are kept', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,12}$/), (digits) => {
        expect(checkTerminalReference(digits)).toEqual({ ok: true, reference: digits });
      }),
    );
    const noNetwork = `770012345678901${luhnCheckDigit('770012345678901')}`;
    expect(passesLuhn(noNetwork) && !startsLikeCardNetwork(noNetwork)).toBe(true);
    expect(checkTerminalReference(noNetwork)).toEqual({ ok: true, reference: noNetwork });
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12}$/), (digits) => {
        const ean = makeEan13(digits);
        expect(checkTerminalReference(`SP ${ean}`)).toEqual({ ok: true, reference: `SP ${ean}` });
      }),
    );
  });
});
