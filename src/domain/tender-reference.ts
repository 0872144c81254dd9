/*
 * The reference a cashier copies from the external card terminal's slip (approval code, RRN, invoice
 * number), checked so that a card number can never end up in a sale document. The POS takes cards only
 * through the external terminal; storing a primary account number (PAN) would put the whole system,
 * the server and its backups in PCI DSS scope, so it is refused before it is ever written.
 *
 * The rule is the one card-number recogniser of the app and the server (card-number.ts): a run of 13-19
 * digits, whatever separators stand between them ("4111 1111 1111 1111", "4111.1111.1111.1111",
 * "4111/1111/...", "4111_1111_..."; a digit glued before or after does not hide it), that passes the Luhn
 * check and starts like a card network's number, is refused. A masked PAN ("411111******1111"), an RRN or
 * approval code, and a product code (a valid EAN-13 or GTIN-14) are accepted. Known cost: about one in ten
 * genuine 13-19 digit references starting like a network's number also passes Luhn by chance; the cashier
 * is then asked for another reference from the slip (the approval code).
 */
import { findCardNumbers } from './card-number.ts';

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
  const card = findCardNumbers(reference)[0];
  if (card !== undefined) {
    return {
      ok: false,
      reason: 'looks-like-card-number',
      detail: `${card.digits.length} digits that pass the card-number check: never record a card number, use the approval code`,
    };
  }
  return { ok: true, reference };
}
