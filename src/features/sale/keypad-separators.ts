/*
 * The decimal separator the on-screen keypad offers a field, as the field reads typing (money-format.ts,
 * cart-quantity.ts): Vietnamese writes 1,5 kg and 12,50 €, English 1.5 and 12.50. Whole-number amounts
 * (dong, yen) get no separator key, and 000 in its place.
 */
import { getCurrency, isKnownCurrency } from '../../domain/currency.ts';

export function quantityDecimalSeparator(language: string): string {
  return language === 'en' ? '.' : ',';
}

/** Null for a currency without minor units (VND): the keypad offers 000 instead. */
export function moneyDecimalSeparator(currencyCode: string, language: string): string | null {
  if (!isKnownCurrency(currencyCode) || getCurrency(currencyCode).minorDigits === 0) return null;
  return quantityDecimalSeparator(language);
}
