import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTerminalReference, passesLuhn } from './tender-reference.ts';

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
  });

  it('refuses anything that may be a card number, however it is written, with a reason to show', () => {
    for (const typed of ['4111111111111111', '4111 1111 1111 1111', '5555-5555-5555-4444', 'card 378282246310005 ok', 'x4111111111111111']) {
      expect(checkTerminalReference(typed)).toMatchObject({ ok: false, reason: 'looks-like-card-number' });
    }
  });

  it('refuses an empty, overlong or non-printable reference', () => {
    expect(checkTerminalReference(' ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkTerminalReference('A'.repeat(101))).toMatchObject({ ok: false, reason: 'too-long' });
    expect(checkTerminalReference('Mã số 123')).toMatchObject({ ok: false, reason: 'bad-characters' });
  });
});

describe('Luhn properties', () => {
  const payloadArb = fc.stringMatching(/^[0-9]{11,18}$/);

  it('every 12-19 digit number with a valid check digit is refused, also grouped by spaces or dashes', () => {
    fc.assert(
      fc.property(payloadArb, fc.constantFrom('', ' ', '-'), (payload, separator) => {
        const pan = payload + luhnCheckDigit(payload);
        expect(passesLuhn(pan)).toBe(true);
        const grouped = pan.match(/.{1,4}/g)!.join(separator);
        expect(checkTerminalReference(`REF ${grouped}`)).toMatchObject({ ok: false, reason: 'looks-like-card-number' });
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

  it('digit runs shorter than 12 or longer than 19 are never taken for card numbers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[0-9]{1,11}$/), fc.stringMatching(/^[0-9]{20,30}$/)), (digits) => {
        expect(checkTerminalReference(digits)).toEqual({ ok: true, reference: digits });
      }),
    );
  });
});
