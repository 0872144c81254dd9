/*
 * GS1 check digits (mod 10, weights 3 and 1 from the right) shared by EAN-8, EAN-13, UPC-A and GTIN-14.
 * Used by the demo catalog generator now and by the barcode parser at the counter.
 */

const DIGITS_ONLY = /^\d+$/;

/** Check digit for a GTIN body (every digit except the last). Throws on non-digit input. */
export function gtinCheckDigit(body: string): number {
  if (!DIGITS_ONLY.test(body)) throw new Error(`GTIN body must be digits only, got "${body}"`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of a full GTIN (8, 12, 13 or 14 digits) is its correct check digit. */
export function hasValidGtinCheckDigit(code: string): boolean {
  if (!DIGITS_ONLY.test(code) || ![8, 12, 13, 14].includes(code.length)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}

/** A full EAN-13 from its first 12 digits. */
export function makeEan13(first12: string): string {
  if (first12.length !== 12) throw new Error(`EAN-13 needs 12 digits before the check digit, got ${first12.length}`);
  return first12 + String(gtinCheckDigit(first12));
}
