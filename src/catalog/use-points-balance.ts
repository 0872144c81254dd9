/*
 * A customer's points as this till sees them: the balance the server last confirmed (the catalog's
 * `balances` row points:storeId:customerId, kept live by the sync) plus this device's own sales since then
 * (data/pending-ledger.ts). No confirmed row yet (a customer the server has not counted, e.g. one created
 * offline) leaves `confirmed` null and only this till's own points are known.
 */
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import { useCatalogDatabase } from './catalog-context.ts';
import { useDatabase } from '../data/database-context.ts';
import { pendingLedgerDeltas } from '../data/pending-ledger.ts';
import { availableBalance } from '../domain/redeem-limits.ts';

export interface PointsBalance {
  readonly customerId: string;
  /** The server's last confirmed balance and when (null when it has confirmed none). */
  readonly confirmed: { readonly value: number; readonly updatedAt: string } | null;
  /** This till's points not yet counted by the server (earned minus spent). */
  readonly pending: number;
  /** confirmed + pending. */
  readonly value: number;
}

export function usePointsBalance(storeId: string | undefined, deviceId: string | undefined, customerId: string | null | undefined): PointsBalance | undefined {
  const catalog = useCatalogDatabase();
  const database = useDatabase();
  const [balance, setBalance] = useState<PointsBalance>();

  useEffect(() => {
    if (storeId === undefined || customerId === null || customerId === undefined) return undefined;
    let pendingSubscription: { unsubscribe: () => void } | undefined;
    const confirmedSubscription = liveQuery(() => catalog.balances.get(`points:${storeId}:${customerId}`)).subscribe({
      next: (row) => {
        pendingSubscription?.unsubscribe();
        const confirmed = row === undefined ? null : { value: row.value, updatedAt: row.updatedAt };
        pendingSubscription = pendingLedgerDeltas(database, deviceId, 'points', customerId, confirmed?.updatedAt ?? '').subscribe({
          next: (deltas) => {
            const pending = availableBalance(0, deltas);
            setBalance({ customerId, confirmed, pending, value: (confirmed?.value ?? 0) + pending });
          },
          error: (error: unknown) => console.error('Reading this till’s sales for a points balance failed', { customerId, error }),
        });
      },
      error: (error: unknown) => console.error('Reading a confirmed points balance failed', { customerId, error }),
    });
    return () => {
      confirmedSubscription.unsubscribe();
      pendingSubscription?.unsubscribe();
    };
  }, [catalog, database, storeId, deviceId, customerId]);

  return balance?.customerId === customerId ? balance : undefined;
}
