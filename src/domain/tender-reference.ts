/*
 * The reference a cashier copies from the external card terminal's slip (approval code, RRN, invoice
 * number), checked so that a card number can never end up in a sale document. The POS takes cards only
 * through the external terminal; storing a primary account number (PAN) would put the whole system,
 * the server and its backups in PCI DSS scope, so it is refused before it is ever written.
 *
 * The rule: any run of digits in the reference (spaces and dashes between digits ignored, as a PAN is
 * printed "4111 1111 1111 1111" or "4111-1111-...") that is 12 to 19 digits long (ISO/IEC 7812 PAN
 * lengths) and passes the Luhn check is refused. A masked PAN ("411111******1111") is not a run of
 * 12+ digits and is accepted. Known cost: about one in ten genuine 12-19 digit references also passes
 * Luhn by chance; the cashier is then asked for another reference from the slip (the approval code).
 */

/** Longest reference the sales schema stores. */
export const MAX_REFERENCE_LENGTH = 100;

export type ReferenceFailureReason =
  /** Nothing was typed. */
  | 'empty'
  /** More than MAX_REFERENCE_LENGTH characters. */
  | 'too-long'
  /** Control characters or other text a slip does not print. */
  | 'bad-characters'
  /** Contains what may be a card number: never recorded. */
  | 'looks-like-card-number';

export type CheckedReference =
  | { readonly ok: true; readonly reference: string }
  | { readonly ok: false; readonly reason: ReferenceFailureReason; readonly detail: string };

/** Luhn (mod 10) check over a string of digits, as used by card numbers. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const DIGIT_RUN = /\d(?:[ -]?\d)*/g;

/** The terminal reference as it will be stored (trimmed), or why it cannot be. */
export function checkTerminalReference(text: string): CheckedReference {
  const reference = typeof text === 'string' ? text.trim() : '';
  if (reference === '') return { ok: false, reason: 'empty', detail: 'type the reference printed on the terminal slip' };
  if (reference.length > MAX_REFERENCE_LENGTH) {
    return { ok: false, reason: 'too-long', detail: `a reference has at most ${MAX_REFERENCE_LENGTH} characters` };
  }
  if (/[^\x20-\x7E]/.test(reference)) {
    return { ok: false, reason: 'bad-characters', detail: 'only letters, digits and punctuation as printed on the slip' };
  }
  for (const run of reference.match(DIGIT_RUN) ?? []) {
    const digits = run.replace(/[ -]/g, '');
    if (digits.length >= 12 && digits.length <= 19 && passesLuhn(digits)) {
      return {
        ok: false,
        reason: 'looks-like-card-number',
        detail: `${digits.length} digits that pass the card-number check: never record a card number, use the approval code`,
      };
    }
  }
  return { ok: true, reference };
}
