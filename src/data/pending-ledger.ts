/*
 * What this till has done to a balance that the server may not have counted yet. A balance on the device is
 * the one the server last confirmed (stamped with the server's updatedAt) plus this device's own ledger
 * entries since then (ARCHITECTURE, principle 2). The entries ride inside the sales, cancellations included.
 * Other tills' sales reach this device too, but their effect is already in the server's balance once they
 * are synced, so only this device's are added. "Since then" compares the sale's time with updatedAt: device
 * clocks are near enough for a shelf or a gift-card figure.
 */
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { PosDatabase } from './database.ts';

export type LedgerKind = 'stock' | 'points' | 'giftcard' | 'credit';

/**
 * The deltas this device's sales written after `confirmedAt` carry for one balance (kind + refId), live.
 * Without a device id (not enrolled) every sale on the device counts, as they can only be its own.
 */
export function pendingLedgerDeltas(database: PosDatabase, deviceId: string | undefined, kind: LedgerKind, refId: string, confirmedAt: string): Observable<number[]> {
  const selector = { createdAt: { $gt: confirmedAt }, ...(deviceId === undefined ? {} : { deviceId }) };
  return database.sales.find({ selector }).$.pipe(
    map((sales) => {
      const deltas: number[] = [];
      for (const sale of sales) for (const entry of sale.ledger ?? []) if (entry.kind === kind && entry.refId === refId) deltas.push(entry.delta);
      return deltas;
    }),
  );
}
