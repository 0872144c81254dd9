/*
 * Amounts that arrive from outside as decimal text ("25000.00", "19.99", Haravan's "240000.0000", a JSON
 * number's own digits) turned into integer minor units, digit by digit: no float ever holds them.
 *
 * A currency's minor digits (currency.ts) say how many fraction digits carry value. More digits are allowed
 * only when they are zeros ("25000.00" VND is 25000, "19.990" USD is 1999); a fraction that would be lost
 * ("25000.50" VND, "19.999" USD) is refused with what was wrong, never rounded away: an online shop that
 * charged half a dong has sent something the counter cannot take as it is.
 * Exponents ("1e3"), signs other than a leading "-", separators and blanks are refused too.
 * The same reading serves rates: a tax rate "0.1" read with 4 digits is 1000 basis points.
 */

export type DecimalProblem = 'not-a-number' | 'negative' | 'lost-fraction' | 'too-large';

export type DecimalReading = { readonly ok: true; readonly amount: number } | { readonly ok: false; readonly problem: DecimalProblem; readonly message: string };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export interface DecimalOptions {
  /** Whether "-12.50" is read (a refund); by default an amount is never below zero. */
  readonly allowNegative?: boolean;
}

/** `text` in units of 10^-minorDigits, exactly (see the top of this file). */
export function readDecimalAmount(text: string, minorDigits: number, options: DecimalOptions = {}): DecimalReading {
  const match = DECIMAL.exec(text);
  if (match === null) {
    return { ok: false, problem: 'not-a-number', message: `"${clip(text)}" is not a decimal number (digits with at most one "." and no exponent)` };
  }
  const sign = match[1] ?? '';
  const whole = match[2] ?? '0';
  const fraction = match[3] ?? '';
  if (sign === '-' && options.allowNegative !== true && /[1-9]/.test(whole + fraction)) {
    return { ok: false, problem: 'negative', message: `"${clip(text)}" is below zero` };
  }
  const kept = fraction.slice(0, minorDigits);
  const dropped = fraction.slice(minorDigits);
  if (/[1-9]/.test(dropped)) {
    const allowed = minorDigits === 0 ? 'no fraction (this currency has no minor unit)' : `at most ${minorDigits} decimal places`;
    return { ok: false, problem: 'lost-fraction', message: `"${clip(text)}" has ${allowed} that carry value` };
  }
  const digits = `${whole}${kept.padEnd(minorDigits, '0')}`;
  const value = BigInt(digits) * (sign === '-' ? -1n : 1n);
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, problem: 'too-large', message: `"${clip(text)}" is too large an amount` };
  }
  return { ok: true, amount: Number(value) + 0 };
}

/** Integer minor units as decimal text with the currency's minor digits ("19.99"; "25000" for VND). */
export function writeDecimalAmount(amount: number, minorDigits: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`${amount} is not a whole number of minor units`);
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).padStart(minorDigits + 1, '0');
  const whole = digits.slice(0, digits.length - minorDigits);
  const fraction = digits.slice(digits.length - minorDigits);
  return `${negative ? '-' : ''}${whole}${minorDigits > 0 ? `.${fraction}` : ''}`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
