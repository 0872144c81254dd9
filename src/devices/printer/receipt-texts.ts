/*
 * The words printed on a receipt, in the receipt's own language. They come from the app's translation
 * files (the "receipt" section of src/i18n/vi.json and en.json) but are read directly rather than through
 * i18next: a receipt's language is the store's choice for that receipt, not the cashier's screen
 * language, and the receipt model must stay pure so it can be rebuilt anywhere for a reprint.
 */
import vi from '../../i18n/vi.json' with { type: 'json' };
import en from '../../i18n/en.json' with { type: 'json' };

export type ReceiptLocale = 'vi' | 'en';

export type ReceiptTexts = typeof vi.receipt;

const textsByLocale: Record<ReceiptLocale, ReceiptTexts> = { vi: vi.receipt, en: en.receipt };

/** The receipt words of a locale. */
export function receiptTexts(locale: ReceiptLocale): ReceiptTexts {
  return textsByLocale[locale];
}

/** Fills {{name}} placeholders, as i18next does, for the few texts that carry a value. */
export function fillIn(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => values[name] ?? match);
}
