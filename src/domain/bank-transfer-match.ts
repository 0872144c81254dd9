/*
 * Which waiting bank-QR payment a bank's notice of an incoming transfer pays (pure, shared by the server's
 * bank-notice webhooks and anything that reconciles them later).
 *
 * The transfer note a customer's banking app sends is the QR's purpose (the sale's number), but banks wrap
 * it: "MBVCB.3278907687.Q1-T03-000123.CT tu 0123 NGUYEN VAN A", with dashes dropped, case changed or
 * accents stripped. So notes and references are compared by their letters and digits only, upper case, and
 * a payment's reference must appear whole in the note. The amount must be exactly the payment's: a transfer
 * of a different amount is never taken as that payment (the cashier and the day-end reconcile it).
 * When several waiting payments fit, the one whose reference is longest wins (Q1T03000123 over
 * Q1T0300012); a tie matches none: a guess could mark the wrong sale paid.
 */

export interface WaitingTransfer {
  paymentId: string;
  /** The note the payment expects, as transferNoteKey made it. */
  referenceKey: string;
  amount: number;
}

export type TransferMatch = { kind: 'matched'; paymentId: string } | { kind: 'unmatched'; reason: 'no-waiting-payment' | 'ambiguous' };

/** At least this many letters and digits make a reference: shorter ones would be found in any note. */
export const MIN_REFERENCE_KEY = 4;

/** Letters and digits only, accents removed, upper case: how notes and references are compared. */
export function transferNoteKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

export function matchTransfer(notice: { amount: number; note: string }, waiting: readonly WaitingTransfer[]): TransferMatch {
  const note = transferNoteKey(notice.note);
  const fits = waiting.filter((w) => w.amount === notice.amount && w.referenceKey.length >= MIN_REFERENCE_KEY && note.includes(w.referenceKey));
  if (fits.length === 0) return { kind: 'unmatched', reason: 'no-waiting-payment' };
  const longest = Math.max(...fits.map((w) => w.referenceKey.length));
  const best = fits.filter((w) => w.referenceKey.length === longest);
  const ids = new Set(best.map((w) => w.paymentId));
  return ids.size === 1 ? { kind: 'matched', paymentId: best[0]!.paymentId } : { kind: 'unmatched', reason: 'ambiguous' };
}
