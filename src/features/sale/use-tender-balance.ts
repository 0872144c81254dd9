/*
 * A customer's points or store credit, or a gift card's money, as this till sees it: the balance the server
 * last confirmed (a `balances` row kind:storeId:refId in the Dexie catalog, kept live by the sync) plus this
 * device's own ledger entries since then (src/data/pending-ledger.ts), the way use-local-stock.ts computes
 * stock. No confirmed row means nothing to redeem: the till never spends a balance it has not seen.
 */
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import { useCatalogDatabase } from '../../catalog/catalog-context.ts';
import { useDatabase } from '../../data/database-context.ts';
import { pendingLedgerDeltas } from '../../data/pending-ledger.ts';
import { availableBalance } from '../../domain/redeem-limits.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';

export type BalanceKind = 'points' | 'giftcard' | 'credit';

export interface TillBalance {
  readonly key: string;
  /** Confirmed + pending; null when the server has confirmed no balance for it yet. */
  readonly value: number | null;
  /** This device's entries not yet counted in the confirmed balance. */
  readonly pending: number;
}

export function useTenderBalance(kind: BalanceKind, refId: string | null): TillBalance | undefined {
  const catalog = useCatalogDatabase();
  const database = useDatabase();
  const storeId = useSyncStatusStore((state) => state.enrolment?.storeId);
  const deviceId = useSyncStatusStore((state) => state.enrolment?.deviceId);
  const key = storeId === undefined || refId === null || refId === '' ? null : `${kind}:${storeId}:${refId}`;
  const [balance, setBalance] = useState<TillBalance>();

  useEffect(() => {
    if (key === null || refId === null) return undefined;
    let pendingSubscription: { unsubscribe: () => void } | undefined;
    let confirmed: { readonly updatedAt: string; readonly value: number } | undefined;
    const confirmedSubscription = liveQuery(() => catalog.balances.get(key)).subscribe({
      next: (row) => {
        if (row === undefined) {
          pendingSubscription?.unsubscribe();
          pendingSubscription = undefined;
          confirmed = undefined;
          return setBalance({ key, value: null, pending: 0 });
        }
        // The same row again changes nothing; a new figure stamped in the same millisecond (two tablets' pushes
        // the server wrote at once) is a new balance all the same.
        if (row.updatedAt === confirmed?.updatedAt && row.value === confirmed.value && pendingSubscription !== undefined) return undefined;
        confirmed = { updatedAt: row.updatedAt, value: row.value };
        pendingSubscription?.unsubscribe();
        pendingSubscription = pendingLedgerDeltas(database, deviceId, kind, refId, row.updatedAt).subscribe({
          next: (deltas) => {
            const pending = availableBalance(0, deltas);
            setBalance({ key, value: availableBalance(row.value, deltas), pending });
          },
          error: (error: unknown) => console.error('Reading this till’s sales for a balance failed', { key, error }),
        });
        return undefined;
      },
      error: (error: unknown) => console.error('Reading a confirmed balance failed', { key, error }),
    });
    return () => {
      confirmedSubscription.unsubscribe();
      pendingSubscription?.unsubscribe();
    };
  }, [catalog, database, deviceId, key, kind, refId]);

  return balance?.key === key ? balance : undefined;
}
