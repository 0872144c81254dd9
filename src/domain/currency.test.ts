import { describe, expect, it } from 'vitest';
import { getCurrency, isKnownCurrency, listCurrencies } from './currency.ts';

describe('currencies the store can sell in', () => {
  it('knows that Vietnamese dong has no minor unit and cash goes down to 500 dong', () => {
    expect(getCurrency('VND')).toEqual({ code: 'VND', minorDigits: 0, symbol: '₫', cashStep: 500 });
  });

  it('knows the neighbours and the usual foreign currencies', () => {
    expect(getCurrency('USD').minorDigits).toBe(2);
    expect(getCurrency('EUR').minorDigits).toBe(2);
    expect(getCurrency('JPY').minorDigits).toBe(0);
    expect(getCurrency('THB').cashStep).toBe(25);
    expect(getCurrency('SGD').cashStep).toBe(5);
    expect(getCurrency('KWD').minorDigits).toBe(3);
  });

  it('refuses an unknown, misspelt or lower-case code with a message that says what to do', () => {
    expect(() => getCurrency('XYZ')).toThrow(/Unknown currency code "XYZ".*Known codes: VND, USD/);
    expect(() => getCurrency('vnd')).toThrow(/Unknown currency code "vnd"/);
    expect(() => getCurrency('toString')).toThrow(/Unknown currency code/);
    expect(isKnownCurrency('VND')).toBe(true);
    expect(isKnownCurrency('constructor')).toBe(false);
  });

  it('agrees with the browser on how many decimals each currency shows, so formatting never rounds', () => {
    for (const currency of listCurrencies()) {
      const intlDigits = new Intl.NumberFormat('en', { style: 'currency', currency: currency.code }).resolvedOptions()
        .maximumFractionDigits;
      expect({ code: currency.code, digits: currency.minorDigits }).toEqual({ code: currency.code, digits: intlDigits });
      expect(Number.isSafeInteger(currency.cashStep) && currency.cashStep > 0).toBe(true);
    }
  });
});
