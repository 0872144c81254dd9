import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatGiftCardNumber, generateGiftCardNumber } from './gift-card-number.ts';
import { readGiftCardEntry } from './gift-card-entry.ts';

describe('a gift-card number typed or scanned at the counter', () => {
  it('takes one of ours, bare or in its printed groups', () => {
    const number = generateGiftCardNumber();
    expect(readGiftCardEntry(number)).toEqual({ ok: true, number });
    expect(readGiftCardEntry(` ${formatGiftCardNumber(number)} `)).toEqual({ ok: true, number });
    expect(readGiftCardEntry(formatGiftCardNumber(number).replace(/ /g, '-'))).toEqual({ ok: true, number });
  });

  it('refuses a bank card as a bank card, and repeats only its masked digits', () => {
    const visa = readGiftCardEntry('4111 1111 1111 1111');
    expect(visa).toEqual({ ok: false, reason: 'bank-card', shown: '411111******1111' });
    const napas = readGiftCardEntry('9704 0000 0000 0018');
    expect(napas.ok).toBe(false);
    if (!napas.ok) {
      expect(napas.reason).toBe('bank-card');
      expect(napas.shown).not.toContain('970400000000');
    }
  });

  it('refuses a mistyped number (one digit wrong, two neighbours swapped), an empty entry and a stranger’s code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 18 }), fc.integer({ min: 1, max: 9 }), (at, shift) => {
        const number = generateGiftCardNumber();
        const wrong = number.slice(0, at) + String((Number(number[at]) + shift) % 10) + number.slice(at + 1);
        const entry = readGiftCardEntry(wrong);
        expect(entry.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    const number = generateGiftCardNumber();
    const swapAt = [...number].findIndex((digit, index) => index > 0 && index < number.length - 1 && digit !== number[index + 1]);
    const swapped = number.slice(0, swapAt) + number[swapAt + 1] + number[swapAt] + number.slice(swapAt + 2);
    expect(readGiftCardEntry(swapped).ok).toBe(false);
    expect(readGiftCardEntry('   ')).toEqual({ ok: false, reason: 'empty', shown: '' });
    expect(readGiftCardEntry('8934563123456')).toEqual({ ok: false, reason: 'not-a-gift-card', shown: '8934563123456' });
  });
});
