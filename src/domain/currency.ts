/*
 * The currencies the POS knows: how many minor-unit digits each has (ISO 4217), a short symbol for
 * receipts and tight screens, and a hint for cash rounding.
 *
 * Amounts everywhere are integers in minor units, so `minorDigits` is what turns 2550 into "25.50"
 * for EUR and 25000 into "25.000" for VND (no minor unit). The list is explicit rather than taken
 * from Intl because Intl's display digits (CLDR) differ from ISO for some currencies and from browser
 * to browser; an amount stored on one device must mean the same on every other and on the server.
 *
 * `cashStep` is the smallest amount worth handing over in cash, in minor units. It is only a hint for
 * optional cash rounding (see roundToStep in money.ts): card, QR and transfer payments are never
 * rounded, and a store's configuration may choose another step (many Vietnamese shops use 1,000 VND;
 * some euro countries round cash to 5 cents). No rounding happens in this file.
 */

export interface Currency {
  /** ISO 4217 code, upper case. */
  readonly code: string;
  /** Digits after the decimal separator: 0 (VND, JPY, KRW), 2 (most), 3 (KWD). */
  readonly minorDigits: 0 | 2 | 3;
  /** Short, locale-independent symbol; on screen prefer formatMoney, which follows the locale. */
  readonly symbol: string;
  /** Smallest cash amount commonly handed over, in minor units (a hint for optional cash rounding). */
  readonly cashStep: number;
}

const CURRENCIES: Readonly<Record<string, Currency>> = {
  // Banknotes below 1,000 VND are rare in shops; 500 is the finest step stores use in practice.
  VND: { code: 'VND', minorDigits: 0, symbol: '₫', cashStep: 500 },
  USD: { code: 'USD', minorDigits: 2, symbol: '$', cashStep: 1 },
  EUR: { code: 'EUR', minorDigits: 2, symbol: '€', cashStep: 1 },
  GBP: { code: 'GBP', minorDigits: 2, symbol: '£', cashStep: 1 },
  JPY: { code: 'JPY', minorDigits: 0, symbol: '¥', cashStep: 1 },
  KRW: { code: 'KRW', minorDigits: 0, symbol: '₩', cashStep: 10 },
  CNY: { code: 'CNY', minorDigits: 2, symbol: 'CN¥', cashStep: 10 },
  // Thai cash goes down to the 25 satang coin.
  THB: { code: 'THB', minorDigits: 2, symbol: '฿', cashStep: 25 },
  // Singapore, Malaysia, Australia and Canada no longer issue 1-cent coins: cash rounds to 5 cents.
  SGD: { code: 'SGD', minorDigits: 2, symbol: 'S$', cashStep: 5 },
  MYR: { code: 'MYR', minorDigits: 2, symbol: 'RM', cashStep: 5 },
  AUD: { code: 'AUD', minorDigits: 2, symbol: 'A$', cashStep: 5 },
  CAD: { code: 'CAD', minorDigits: 2, symbol: 'CA$', cashStep: 5 },
  CHF: { code: 'CHF', minorDigits: 2, symbol: 'CHF', cashStep: 5 },
  HKD: { code: 'HKD', minorDigits: 2, symbol: 'HK$', cashStep: 10 },
  PHP: { code: 'PHP', minorDigits: 2, symbol: '₱', cashStep: 1 },
  // Three minor digits (1 dinar = 1,000 fils); the smallest coin in use is 5 fils.
  KWD: { code: 'KWD', minorDigits: 3, symbol: 'KD', cashStep: 5 },
};

/** Metadata of a currency; throws a clear error for a code this POS does not know. */
export function getCurrency(code: string): Currency {
  const currency = Object.hasOwn(CURRENCIES, code) ? CURRENCIES[code] : undefined;
  if (currency === undefined) {
    throw new Error(
      `Unknown currency code "${code}". Known codes: ${Object.keys(CURRENCIES).join(', ')}. ` +
        'Add it to src/domain/currency.ts with its ISO 4217 minor digits.',
    );
  }
  return currency;
}

/** True when getCurrency(code) would succeed. */
export function isKnownCurrency(code: string): boolean {
  return Object.hasOwn(CURRENCIES, code);
}

/** Every known currency, for settings screens and tests. */
export function listCurrencies(): readonly Currency[] {
  return Object.values(CURRENCIES);
}

/*
 * The banknotes customers commonly hand over, in minor units, smallest first: the till's quick cash amounts
 * are built from them (tender-cash.ts). Notes and coins that rarely cover a purchase are left out (dong: the
 * 1,000 to 5,000 notes), as are notes seldom seen at a till (the 1,000 Swiss franc note is kept: it is in
 * use). A store may name its own in its config (store.banknotes); a currency without notes here offers only
 * the exact amount.
 */
const BANKNOTES: Readonly<Record<string, readonly number[]>> = {
  VND: [10_000, 20_000, 50_000, 100_000, 200_000, 500_000],
  USD: [100, 500, 1_000, 2_000, 5_000, 10_000],
  EUR: [500, 1_000, 2_000, 5_000, 10_000, 20_000],
  GBP: [500, 1_000, 2_000, 5_000],
  JPY: [1_000, 2_000, 5_000, 10_000],
  KRW: [1_000, 5_000, 10_000, 50_000],
  CNY: [100, 500, 1_000, 2_000, 5_000, 10_000],
  THB: [2_000, 5_000, 10_000, 50_000, 100_000],
  SGD: [200, 500, 1_000, 5_000, 10_000],
  MYR: [100, 500, 1_000, 2_000, 5_000, 10_000],
  AUD: [500, 1_000, 2_000, 5_000, 10_000],
  CAD: [500, 1_000, 2_000, 5_000, 10_000],
  CHF: [1_000, 2_000, 5_000, 10_000, 20_000, 100_000],
  HKD: [1_000, 2_000, 5_000, 10_000, 50_000, 100_000],
  PHP: [2_000, 5_000, 10_000, 20_000, 50_000, 100_000],
  KWD: [250, 500, 1_000, 5_000, 10_000, 20_000],
};

/** The banknotes of a known currency, smallest first (empty when none are listed); throws for an unknown code. */
export function banknotesOf(code: string): readonly number[] {
  getCurrency(code);
  return Object.hasOwn(BANKNOTES, code) ? (BANKNOTES[code] ?? []) : [];
}
