import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoney, formatMoneyAmount, parseDecimalString, parseMoneyInput, toDecimalString } from './money-format.ts';
import type { ParsedMoneyInput } from './money-format.ts';
import { listCurrencies } from './currency.ts';

/** Intl separates with non-breaking spaces (U+00A0, U+202F); compare what a person sees. */
const seen = (text: string): string => text.replace(/[\u00a0\u202f\u2009]/gu, ' ');
const ok = (amount: number): ParsedMoneyInput => ({ ok: true, amount });
const errorOf = (result: ParsedMoneyInput): string => (result.ok ? `parsed ${result.amount}` : result.error);

describe('showing prices', () => {
  it('shows dong the Vietnamese way in vi and vi-VN, and the English way in en', () => {
    expect(seen(formatMoney(25_000, 'VND', 'vi'))).toBe('25.000 ₫');
    expect(seen(formatMoney(25_000, 'VND', 'vi-VN'))).toBe('25.000 ₫');
    expect(seen(formatMoney(1_250_000, 'VND', 'en'))).toBe('₫1,250,000');
    expect(seen(formatMoney(-25_000, 'VND', 'vi'))).toBe('-25.000 ₫');
  });

  it('shows cents for euros and dollars and none for yen', () => {
    expect(seen(formatMoney(123_450, 'EUR', 'vi'))).toBe('1.234,50 €');
    expect(seen(formatMoney(123_450, 'EUR', 'en'))).toBe('€1,234.50');
    expect(seen(formatMoney(5, 'USD', 'en'))).toBe('$0.05');
    expect(seen(formatMoney(1_234, 'JPY', 'en'))).toBe('¥1,234');
    expect(seen(formatMoney(1_234_500, 'KWD', 'en'))).toMatch(/1,234\.500/);
  });

  it('prints the largest safe amount exactly, with no float rounding', () => {
    expect(seen(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en'))).toBe('$90,071,992,547,409.91');
    expect(formatMoneyAmount(Number.MAX_SAFE_INTEGER, 'VND', 'vi')).toBe('9.007.199.254.740.991');
  });

  it('fills an input field with the number alone', () => {
    expect(formatMoneyAmount(123_450, 'EUR', 'vi')).toBe('1.234,50');
    expect(formatMoneyAmount(25_000, 'VND', 'en')).toBe('25,000');
  });

  it('writes exact decimal strings for data exchange and reads them back', () => {
    expect(toDecimalString(123_450, 'EUR')).toBe('1234.50');
    expect(toDecimalString(5, 'EUR')).toBe('0.05');
    expect(toDecimalString(-5, 'EUR')).toBe('-0.05');
    expect(toDecimalString(1, 'KWD')).toBe('0.001');
    expect(toDecimalString(25_000, 'VND')).toBe('25000');
    expect(parseDecimalString('1234.5', 'EUR')).toBe(123_450);
    expect(parseDecimalString('-0.05', 'EUR')).toBe(-5);
    expect(() => parseDecimalString('1,234.50', 'EUR')).toThrow(/not a plain decimal number/);
    expect(() => parseDecimalString('12.345', 'EUR')).toThrow(/EUR has at most 2 decimals/);
    expect(() => parseDecimalString('1.5', 'VND')).toThrow(/VND has no decimals/);
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom(...listCurrencies().map((c) => c.code)), (amount, code) => {
        expect(parseDecimalString(toDecimalString(amount, code), code)).toBe(amount);
      }),
    );
  });
});

describe('reading what a cashier types', () => {
  it('reads dong typed in Vietnamese with or without thousands dots and with a đ after it', () => {
    expect(parseMoneyInput('25.000', 'VND', 'vi')).toEqual(ok(25_000));
    expect(parseMoneyInput('25000', 'VND', 'vi')).toEqual(ok(25_000));
    expect(parseMoneyInput(' 25.000 ₫ ', 'VND', 'vi-VN')).toEqual(ok(25_000));
    expect(parseMoneyInput('25000đ', 'VND', 'vi')).toEqual(ok(25_000));
    expect(parseMoneyInput('1.250.000 VND', 'VND', 'vi')).toEqual(ok(1_250_000));
    expect(parseMoneyInput('-25.000', 'VND', 'vi')).toEqual(ok(-25_000));
    expect(parseMoneyInput('２５０００', 'VND', 'vi')).toEqual(ok(25_000)); // full-width digits from an IME
  });

  it('reads euros with a decimal comma in Vietnamese and a decimal point in English', () => {
    expect(parseMoneyInput('25,50', 'EUR', 'vi')).toEqual(ok(2_550));
    expect(parseMoneyInput('25,5', 'EUR', 'vi')).toEqual(ok(2_550));
    expect(parseMoneyInput('1.234,50', 'EUR', 'vi')).toEqual(ok(123_450));
    expect(parseMoneyInput('25', 'EUR', 'vi')).toEqual(ok(2_500));
    expect(parseMoneyInput('1,234.50', 'USD', 'en')).toEqual(ok(123_450));
    expect(parseMoneyInput('$1,234.50', 'USD', 'en')).toEqual(ok(123_450));
    expect(parseMoneyInput('0.05', 'USD', 'en')).toEqual(ok(5));
  });

  it('refuses "25,000" for dong in Vietnamese instead of charging 25 dong', () => {
    const result = parseMoneyInput('25,000', 'VND', 'vi');
    expect(result).toEqual({ ok: false, error: 'tooManyDecimals', message: 'VND has no decimals: type whole amounts only' });
  });

  it('says exactly what is wrong with garbage', () => {
    expect(errorOf(parseMoneyInput('', 'VND', 'vi'))).toBe('empty');
    expect(errorOf(parseMoneyInput('  ₫ ', 'VND', 'vi'))).toBe('empty');
    expect(errorOf(parseMoneyInput('abc', 'VND', 'vi'))).toBe('notANumber');
    expect(errorOf(parseMoneyInput('25k', 'VND', 'vi'))).toBe('notANumber');
    expect(errorOf(parseMoneyInput('1.5e3', 'USD', 'en'))).toBe('notANumber');
    expect(errorOf(parseMoneyInput('--5', 'USD', 'en'))).toBe('notANumber');
    expect(parseMoneyInput('1,2', 'EUR', 'vi')).toEqual(ok(120));
    expect(errorOf(parseMoneyInput('1,2,3', 'EUR', 'vi'))).toBe('notANumber');
    expect(errorOf(parseMoneyInput(',', 'EUR', 'vi'))).toBe('notANumber');
    expect(errorOf(parseMoneyInput('25.50', 'EUR', 'vi'))).toBe('misplacedGroupSeparator');
    expect(errorOf(parseMoneyInput('12.34.567', 'VND', 'vi'))).toBe('misplacedGroupSeparator');
    // Lakh grouping is right in Indian English and a typo anywhere else.
    expect(parseMoneyInput('12,34,567', 'USD', 'en-IN')).toEqual(ok(123_456_700));
    expect(errorOf(parseMoneyInput('12,34,567', 'USD', 'en'))).toBe('misplacedGroupSeparator');
    expect(errorOf(parseMoneyInput('1234.567', 'VND', 'vi'))).toBe('misplacedGroupSeparator');
    expect(errorOf(parseMoneyInput('1,2,3', 'USD', 'en'))).toBe('misplacedGroupSeparator');
    expect(errorOf(parseMoneyInput('1.234,5.0', 'EUR', 'vi'))).toBe('misplacedGroupSeparator');
    expect(errorOf(parseMoneyInput('25,505', 'EUR', 'vi'))).toBe('tooManyDecimals');
    expect(errorOf(parseMoneyInput('9.007.199.254.740.992', 'VND', 'vi'))).toBe('tooLarge');
  });

  it('reads back every amount it formats, in every currency and locale, with and without the symbol', () => {
    const locales = ['vi', 'vi-VN', 'en', 'en-US', 'fr', 'de-CH', 'ja', 'th', 'en-IN'];
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        fc.constantFrom(...listCurrencies().map((c) => c.code)),
        fc.constantFrom(...locales),
        (amount, code, locale) => {
          expect(parseMoneyInput(formatMoney(amount, code, locale), code, locale)).toEqual(ok(amount));
          expect(parseMoneyInput(formatMoneyAmount(amount, code, locale), code, locale)).toEqual(ok(amount));
        },
      ),
      { numRuns: 500 },
    );
  });
});
