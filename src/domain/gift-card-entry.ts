/*
 * A gift-card number as a cashier types or scans it, read before it goes on a sale line or is looked up:
 * one of ours (gift-card-number.ts), or why not. A number that reads as a bank card is refused apart from a
 * mistyped one, so the till can say "this is a bank card, not a gift card" and never keep its digits
 * (issue 12: no card numbers anywhere; the caller shows the masked form only).
 */
import { containsCardNumber, maskCardNumbers, maskedCardNumber } from './card-number.ts';
import { parseGiftCardNumber } from './gift-card-number.ts';

export type GiftCardEntryRefusal = 'empty' | 'bank-card' | 'not-a-gift-card';

export type GiftCardEntry =
  | { readonly ok: true; readonly number: string }
  /** `shown` is what the screen may repeat: the masked digits of a bank card, the text as typed otherwise. */
  | { readonly ok: false; readonly reason: GiftCardEntryRefusal; readonly shown: string };

/** The gift-card number in what was typed or scanned (spaces and dashes allowed), or why it is not one. */
export function readGiftCardEntry(text: string): GiftCardEntry {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty', shown: '' };
  const number = parseGiftCardNumber(trimmed);
  if (number !== undefined) return { ok: true, number };
  if (containsCardNumber(trimmed)) return { ok: false, reason: 'bank-card', shown: maskCardNumbers(trimmed).text.slice(0, 40) };
  const digits = trimmed.replace(/\D/g, '');
  if (containsCardNumber(digits)) return { ok: false, reason: 'bank-card', shown: maskedCardNumber(digits) };
  return { ok: false, reason: 'not-a-gift-card', shown: trimmed.slice(0, 40) };
}
