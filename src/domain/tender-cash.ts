/*
 * Quick cash amounts: the buttons a cashier taps instead of typing what the customer handed over.
 * For 137,000 VND: the exact amount, then the next amounts a customer is likely to hand over with the
 * banknotes in circulation: 140,000 (a 10,000 or 20,000 note up), 150,000 (a 50,000 up), 200,000 and
 * 500,000. Each suggestion is the amount due rounded up to a multiple of one denomination, which is
 * what a customer pays with notes of that size or smaller; duplicates are dropped, ascending order.
 * The notes are the currency's (currency.ts banknotesOf) unless the store's config names its own
 * (store.banknotes, minor units), e.g. a shop that never sees 500,000 notes.
 */
import { banknotesOf, isKnownCurrency } from './currency.ts';

/** Vietnamese banknotes commonly handed over at a till (VND; 1,000-5,000 notes rarely cover a purchase). */
export const VND_BANKNOTES: readonly number[] = banknotesOf('VND');

/** At most this many notes may be configured: one row of buttons beside the keypad. */
export const MAX_CONFIGURED_BANKNOTES = 12;

/**
 * The notes the quick amounts are built from: the config's `store.banknotes` when it is a list of positive
 * whole amounts (sorted, repeats dropped), else the currency's own notes (none for an unknown currency).
 */
export function banknotesFor(currencyCode: string, configured?: unknown): readonly number[] {
  if (Array.isArray(configured) && configured.length > 0 && configured.length <= MAX_CONFIGURED_BANKNOTES && configured.every((note) => Number.isSafeInteger(note) && (note as number) > 0)) {
    return [...new Set(configured as number[])].sort((a, b) => a - b);
  }
  return isKnownCurrency(currencyCode) ? banknotesOf(currencyCode) : [];
}

/**
 * Up to `max` amounts covering `amountDue` (minor units): the exact amount first, then the amount rounded
 * up to each denomination. Nothing due (0 or less) suggests nothing.
 */
export function suggestCashAmounts(amountDue: number, denominations: readonly number[] = VND_BANKNOTES, max = 6): number[] {
  if (!Number.isSafeInteger(amountDue)) throw new Error(`Amount due must be a safe integer, got ${String(amountDue)}`);
  if (amountDue <= 0) return [];
  const amounts = new Set<number>([amountDue]);
  for (const note of [...denominations].sort((a, b) => a - b)) {
    if (!Number.isSafeInteger(note) || note <= 0) throw new Error(`A denomination must be a positive integer, got ${String(note)}`);
    const over = amountDue % note;
    amounts.add(over === 0 ? amountDue : amountDue - over + note);
  }
  return [...amounts].sort((a, b) => a - b).slice(0, Math.max(0, max));
}
