/*
 * A customer's points or store credit, or a gift card's money, as this till sees it: the balance the server
 * last confirmed (a `balances` row kind:storeId:refId in the Dexie catalog, kept live by the sync) plus this
 * device's own ledger entries since then (embedded in its sales, cancellations included), the way
 * use-local-stock.ts computes stock. "Since then" compares the sale's time with the balance's server-stamped
 * updatedAt. No confirmed row means nothing to redeem: the till never spends a balance it has not seen.
 */
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import { useCatalogDatabase } from '../../catalog/catalog-context.ts';
import { useDatabase } from '../../data/database-context.ts';
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
  const key = storeId === undefined || refId === null || refId === '' ? null : `${kind}:${storeId}:${refId}`;
  const [balance, setBalance] = useState<TillBalance>();

  useEffect(() => {
    if (key === null || refId === null) return undefined;
    let pendingSubscription: { unsubscribe: () => void } | undefined;
    let confirmedAt: string | undefined;
    const confirmedSubscription = liveQuery(() => catalog.balances.get(key)).subscribe({
      next: (row) => {
        if (row === undefined) {
          pendingSubscription?.unsubscribe();
          pendingSubscription = undefined;
          confirmedAt = undefined;
          return setBalance({ key, value: null, pending: 0 });
        }
        if (row.updatedAt === confirmedAt && pendingSubscription !== undefined) return undefined;
        confirmedAt = row.updatedAt;
        pendingSubscription?.unsubscribe();
        pendingSubscription = database.sales.find({ selector: { createdAt: { $gt: row.updatedAt } } }).$.subscribe({
          next: (sales) => {
            const deltas: number[] = [];
            for (const sale of sales) for (const entry of sale.ledger ?? []) if (entry.kind === kind && entry.refId === refId) deltas.push(entry.delta);
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
  }, [catalog, database, key, kind, refId]);

  return balance?.key === key ? balance : undefined;
}
