/*
 * This device's receipt sequence (1, 2, 3, ...), kept in the counter database (counter-database.ts).
 * Each call takes the next number in ONE readwrite transaction: IndexedDB runs readwrite transactions on
 * the same object store one after another, even from two tabs, so two tabs never get the same number.
 * The number is taken just before the sale is written (a separate database): a crash in between leaves a
 * gap, which a receipt sequence may have, and never a duplicate, which it may not.
 */
import { Dexie } from 'dexie';
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

export type VoidSequence = { readonly ok: true; readonly sequence: number } | { readonly ok: false; readonly reason: 'already-cancelled' };

/**
 * The receipt number of a cancellation, taken in ONE transaction with the mark that `originalSaleId` is
 * cancelled (counter-database.ts, voids): two taps or two tabs cancelling the same sale get one number and
 * one 'already-cancelled', never two reversals.
 */
export async function takeVoidReceiptSequence(
  database: CounterDatabase,
  originalSaleId: string,
  reversalId: string,
  now: Date = new Date(),
): Promise<VoidSequence> {
  try {
    return await database.transaction('rw', database.sequences, database.voids, async () => {
      await database.voids.add({ originalSaleId, reversalId, voidedAt: now.toISOString() });
      const current = await database.sequences.get(RECEIPT_SEQUENCE_KEY);
      const next = (current?.value ?? 0) + 1;
      await database.sequences.put({ key: RECEIPT_SEQUENCE_KEY, value: next });
      return { ok: true as const, sequence: next };
    });
  } catch (error) {
    if (error instanceof Error && error.name === Dexie.errnames.Constraint) return { ok: false, reason: 'already-cancelled' };
    throw error;
  }
}

/** Takes the mark back when the reversal could not be written after all, so the sale can be cancelled again. */
export async function releaseVoid(database: CounterDatabase, originalSaleId: string, reversalId: string): Promise<void> {
  await database.transaction('rw', database.voids, async () => {
    const row = await database.voids.get(originalSaleId);
    if (row?.reversalId === reversalId) await database.voids.delete(originalSaleId);
  });
}
