import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullVietnamPhone, lastThreeDigits, normaliseVietnamPhone, phoneForms } from './phone-number.ts';

const MOBILE_PREFIXES = ['3', '5', '7', '8', '9'];
/** A whole Vietnamese mobile number in the national form, e.g. 0903000003. */
const nationalMobile = fc
  .record({ first: fc.constantFrom(...MOBILE_PREFIXES), rest: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }) })
  .map(({ first, rest }) => `0${first}${rest.join('')}`);

/** The number as a customer, an online order or an import may write it. */
function writtenForms(national: string): string[] {
  const subscriber = national.slice(1);
  const spaced = `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  return [
    national,
    spaced,
    `${national.slice(0, 4)}.${national.slice(4, 7)}.${national.slice(7)}`,
    `${national.slice(0, 4)}-${national.slice(4)}`,
    `+84${subscriber}`,
    `+84 ${subscriber.slice(0, 3)} ${subscriber.slice(3, 6)} ${subscriber.slice(6)}`,
    `(+84) ${subscriber}`,
    `84${subscriber}`,
    `0084${subscriber}`,
    `+84 ${national}`,
    `  ${spaced}  `,
  ];
}

describe('a Vietnamese phone number is the same number however it is written', () => {
  it('reads +84, 84, 0084 and 0 prefixes, spaces, dots and dashes as one number', () => {
    for (const written of writtenForms('0903000003')) expect(normaliseVietnamPhone(written), written).toBe('0903000003');
    expect(normaliseVietnamPhone('028 3822 1234')).toBe('02838221234');
  });

  it('PROPERTY: every way of writing a number normalises to its national form, and normalising twice changes nothing', () => {
    fc.assert(
      fc.property(nationalMobile, (national) => {
        for (const written of writtenForms(national)) {
          expect(normaliseVietnamPhone(written)).toBe(national);
          expect(fullVietnamPhone(written)).toBe(national);
        }
        expect(normaliseVietnamPhone(normaliseVietnamPhone(national))).toBe(national);
        // The stored forms the server looks up are all the same number, the national form first.
        expect(phoneForms(national)[0]).toBe(national);
        for (const form of phoneForms(national)) expect(normaliseVietnamPhone(form)).toBe(national);
      }),
    );
  });

  it('keeps a part of a number a part (no country code to read)', () => {
    expect(normaliseVietnamPhone('0903')).toBe('0903');
    expect(normaliseVietnamPhone('903 000')).toBe('903000');
    expect(normaliseVietnamPhone('8490')).toBe('8490');
  });

  it('hands the digits of a member card back, so the till can still compare it as typed', () => {
    expect(normaliseVietnamPhone('TV00000001')).toBe('00000001');
  });
});

describe('the chain-wide lookup takes only a whole number', () => {
  it('accepts whole mobiles and landlines, with or without the country code', () => {
    expect(fullVietnamPhone('0903 000 003')).toBe('0903000003');
    expect(fullVietnamPhone('+84 356 123 456')).toBe('0356123456');
    expect(fullVietnamPhone('024 3825 1234')).toBe('02438251234');
  });

  it('refuses parts of numbers, names, member cards, numbers with letters and numbers of the wrong length', () => {
    for (const text of ['0903', '090300000', '09030000031', '+84 903', '903000003', 'Nguyễn Thị Lan', 'TV00000001', '0903000003x', 'tel:0903000003', '0103000003', '', '   ', '+', '0903000003\n0903000004']) {
      expect(fullVietnamPhone(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('PROPERTY: no part of a whole number is whole', () => {
    fc.assert(
      fc.property(nationalMobile, fc.integer({ min: 1, max: 9 }), (national, length) => {
        expect(fullVietnamPhone(national.slice(0, length))).toBeUndefined();
        expect(fullVietnamPhone(`+84${national.slice(1, length)}`)).toBeUndefined();
      }),
    );
  });
});

describe('what another store is shown of a number', () => {
  it('is its last three digits', () => {
    expect(lastThreeDigits('0903 000 003')).toBe('003');
    expect(lastThreeDigits('+84903000123')).toBe('123');
  });
});
