/*
 * This device's receipt sequence (1, 2, 3, ...), kept in the counter database (counter-database.ts).
 * Each call takes the next number in ONE readwrite transaction: IndexedDB runs readwrite transactions on
 * the same object store one after another, even from two tabs, so two tabs never get the same number.
 * The number is taken just before the sale is written (a separate database): a crash in between leaves a
 * gap, which a receipt sequence may have, and never a duplicate, which it may not.
 */
import type { CounterDatabase } from './counter-database.ts';

export const RECEIPT_SEQUENCE_KEY = 'receipt';

export async function takeNextReceiptSequence(database: CounterDatabase, key: string = RECEIPT_SEQUENCE_KEY): Promise<number> {
  return database.transaction('rw', database.sequences, async () => {
    const current = await database.sequences.get(key);
    const next = (current?.value ?? 0) + 1;
    await database.sequences.put({ key, value: next });
    return next;
  });
}

/** The number the next sale will most likely get (shown in a transfer QR before the sale completes). */
export async function peekNextReceiptSequence(database: CounterDatabase, key: string = RECEIPT_SEQUENCE_KEY): Promise<number> {
  return ((await database.sequences.get(key))?.value ?? 0) + 1;
}
