/*
 * Showing money to people and reading back what a cashier types, per currency and locale.
 *
 * Formatting goes through Intl.NumberFormat with an exact decimal *string* ("1234.50"), never a float,
 * so even amounts beyond 2^53 / 100 print exactly. Digits come from currency.ts (ISO 4217), not from
 * Intl, and Latin digits are forced so that what is printed can be typed back on any keyboard.
 * Note Intl puts non-breaking spaces (U+00A0, U+202F) in its output: compare after normalising.
 *
 * Parsing is strict rather than clever: it reads the locale's own separators (vi: "25.000" and "25,50";
 * en: "25,000" and "25.50") and refuses anything ambiguous with an error code the UI can translate,
 * because guessing wrong charges a customer a thousand times too much or too little. In particular
 * "25,000" typed for VND in Vietnamese is refused (VND has no decimals) rather than read as 25.
 * Nothing is rounded here: more decimals than the currency has is an error, not a rounding.
 */
import { getCurrency } from './currency.ts';
import { assertMinorUnits } from './money.ts';

type DecimalString = `${number}`;

/** The exact decimal value of an amount in minor units: 123450 EUR -> "1234.50", 25000 VND -> "25000". */
export function toDecimalString(amount: number, currencyCode: string): DecimalString {
  assertMinorUnits(amount);
  const { minorDigits } = getCurrency(currencyCode);
  const digits = String(Math.abs(amount)).padStart(minorDigits + 1, '0');
  const sign = amount < 0 ? '-' : '';
  if (minorDigits === 0) return `${sign}${digits}` as DecimalString;
  const cut = digits.length - minorDigits;
  return `${sign}${digits.slice(0, cut)}.${digits.slice(cut)}` as DecimalString;
}

const DECIMAL_STRING = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Strict machine-format decimal ("1234.50", "-0.05", "25000") to minor units, for data exchange
 * (e-invoice exports, the online shop). Throws on anything else or on more decimals than the currency has.
 */
export function parseDecimalString(text: string, currencyCode: string): number {
  const match = DECIMAL_STRING.exec(text);
  if (!match) throw new Error(`"${text}" is not a plain decimal number such as 1234.50`);
  const result = digitsToMinorUnits(match[1] === '-', match[2] ?? '', match[3] ?? '', currencyCode);
  if (!result.ok) throw new Error(result.message);
  return result.amount;
}

const formatterCache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currencyCode: string, style: 'currency' | 'decimal'): Intl.NumberFormat {
  const key = `${locale}|${currencyCode}|${style}`;
  let cached = formatterCache.get(key);
  if (cached === undefined) {
    const { minorDigits } = getCurrency(currencyCode);
    cached = new Intl.NumberFormat(locale, {
      style,
      ...(style === 'currency' ? { currency: currencyCode } : {}),
      minimumFractionDigits: minorDigits,
      maximumFractionDigits: minorDigits,
      numberingSystem: 'latn',
      useGrouping: true,
    });
    formatterCache.set(key, cached);
  }
  return cached;
}

/** An amount with its currency for display: 25000 VND in 'vi' -> "25.000 ₫", in 'en' -> "₫25,000". */
export function formatMoney(amount: number, currencyCode: string, locale: string): string {
  return formatter(locale, currencyCode, 'currency').format(toDecimalString(amount, currencyCode));
}

/** The number alone, grouped per locale, for input fields: 123450 EUR in 'vi' -> "1.234,50". */
export function formatMoneyAmount(amount: number, currencyCode: string, locale: string): string {
  return formatter(locale, currencyCode, 'decimal').format(toDecimalString(amount, currencyCode));
}

export type MoneyInputError = 'empty' | 'notANumber' | 'tooManyDecimals' | 'misplacedGroupSeparator' | 'tooLarge';

export type ParsedMoneyInput =
  | { readonly ok: true; readonly amount: number }
  | { readonly ok: false; readonly error: MoneyInputError; readonly message: string };

interface LocaleMarks {
  readonly group: string;
  readonly decimal: string;
  /** True where the locale groups lakhs and crores (en-IN: 12,34,567): middle groups of two digits. */
  readonly twoDigitGroups: boolean;
  readonly currencyMarks: readonly string[];
}

const SPACES = /[\s\u00a0\u2007\u2009\u202f]/u;
const APOSTROPHES = /['\u2019]/u;
const marksCache = new Map<string, LocaleMarks>();

function localeMarks(locale: string, currencyCode: string): LocaleMarks {
  const key = `${locale}|${currencyCode}`;
  const cached = marksCache.get(key);
  if (cached !== undefined) return cached;
  const parts = formatter(locale, 'EUR', 'decimal').formatToParts('1234567.5');
  const group = (parts.find((part) => part.type === 'group')?.value ?? ',').normalize('NFKC');
  const decimal = (parts.find((part) => part.type === 'decimal')?.value ?? '.').normalize('NFKC');
  const twoDigitGroups = parts.some((part, index) => index > 0 && part.type === 'integer' && part.value.length === 2);
  const symbols = new Set<string>([currencyCode, getCurrency(currencyCode).symbol]);
  for (const currencyDisplay of ['symbol', 'narrowSymbol', 'name'] as const) {
    const display = new Intl.NumberFormat(locale, { style: 'currency', currency: currencyCode, currencyDisplay });
    for (const part of display.formatToParts(1)) if (part.type === 'currency') symbols.add(part.value);
  }
  // What Vietnamese cashiers actually type after a price.
  if (currencyCode === 'VND') for (const mark of ['đ', 'Đ', 'VNĐ', 'vnđ']) symbols.add(mark);
  const currencyMarks = [...symbols].map((mark) => mark.normalize('NFKC')).sort((a, b) => b.length - a.length);
  const marks = { group, decimal, twoDigitGroups, currencyMarks };
  marksCache.set(key, marks);
  return marks;
}

function failure(error: MoneyInputError, message: string): ParsedMoneyInput {
  return { ok: false, error, message };
}

/**
 * What a cashier typed, in the conventions of `locale`, to minor units of `currencyCode`.
 * Accepts the locale's grouping and decimal separators, a leading minus, the currency symbol or code
 * anywhere, and everything formatMoney / formatMoneyAmount print. Never throws on user input: garbage
 * gives { ok: false, error, message } where `error` is a code for the UI to translate.
 */
export function parseMoneyInput(text: string, currencyCode: string, locale: string): ParsedMoneyInput {
  const { group, decimal, twoDigitGroups, currencyMarks } = localeMarks(locale, currencyCode);
  // NFKC turns full-width digits from Asian keyboards into ASCII and non-breaking spaces into spaces.
  let rest = text.normalize('NFKC');
  for (const mark of currencyMarks) rest = rest.split(mark).join(' ');
  rest = rest.trim();
  if (rest === '') return failure('empty', 'Enter an amount');

  let negative = false;
  const sign = /^([-+\u2212])\s*/u.exec(rest);
  if (sign) {
    negative = sign[1] !== '+';
    rest = rest.slice(sign[0].length);
  }

  // Map the locale's separators to neutral marks: G for grouping, D for the decimal separator.
  // Where the locale groups with a space or an apostrophe, any space or apostrophe counts.
  const groupIsSpace = SPACES.test(group);
  const groupIsApostrophe = APOSTROPHES.test(group);
  let body = '';
  for (const char of rest) {
    if (char >= '0' && char <= '9') body += char;
    else if (char === decimal) body += 'D';
    else if (char === group || (groupIsSpace && SPACES.test(char)) || (groupIsApostrophe && APOSTROPHES.test(char))) body += 'G';
    else return failure('notANumber', `"${text}" is not an amount: use digits, "${group}" for thousands and "${decimal}" for decimals`);
  }
  const [integerPart = '', fractionPart = '', ...extra] = body.split('D');
  if (extra.length > 0 || !/\d/.test(body)) {
    return failure('notANumber', `"${text}" is not an amount`);
  }
  if (fractionPart.includes('G')) {
    return failure('misplacedGroupSeparator', `"${text}": thousands separators "${group}" cannot follow the decimal separator "${decimal}"`);
  }
  if (integerPart.includes('G')) {
    // 1-3 digits, then groups of 3 (or 2 in the middle where the locale groups that way), ending with 3.
    const groups = integerPart.split('G');
    const lengthsOk = groups.every((digits, index) => {
      if (index === 0) return digits.length >= 1 && digits.length <= 3;
      if (index === groups.length - 1) return digits.length === 3;
      return digits.length === 3 || (twoDigitGroups && digits.length === 2);
    });
    if (!lengthsOk) {
      return failure('misplacedGroupSeparator', `"${text}": "${group}" separates thousands, as in 1${group}234${group}567`);
    }
  }
  return digitsToMinorUnits(negative, integerPart.split('G').join(''), fractionPart, currencyCode);
}

function digitsToMinorUnits(negative: boolean, integerDigits: string, fractionDigits: string, currencyCode: string): ParsedMoneyInput {
  const { minorDigits } = getCurrency(currencyCode);
  if (fractionDigits.length > minorDigits) {
    return failure(
      'tooManyDecimals',
      minorDigits === 0
        ? `${currencyCode} has no decimals: type whole amounts only`
        : `${currencyCode} has at most ${minorDigits} decimals`,
    );
  }
  const minor = BigInt(`${integerDigits || '0'}${fractionDigits.padEnd(minorDigits, '0')}`);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    return failure('tooLarge', 'The amount is too large');
  }
  const amount = Number(minor);
  return { ok: true, amount: negative && amount !== 0 ? -amount : amount };
}
