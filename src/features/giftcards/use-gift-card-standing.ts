/*
 * What a gift card holds as this tablet sees it, live (gift-card-standing.ts): the balance the server last
 * confirmed (a `balances` row giftcard:<store>:<number> in the Dexie catalog, kept current by the sync) and
 * this tablet's own sales since then (src/data/pending-ledger.ts), loads and spends apart. Unlike the pay
 * panel's figure, a card the server has not confirmed yet still shows what this tablet put on it.
 */
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import { useCatalogDatabase } from '../../catalog/catalog-context.ts';
import { useDatabase } from '../../data/database-context.ts';
import { pendingLedgerDeltas } from '../../data/pending-ledger.ts';
import { giftCardStanding, type ConfirmedGiftCardBalance, type GiftCardStanding } from '../../domain/gift-card-standing.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';

export function useGiftCardStanding(number: string | null): GiftCardStanding | undefined {
  const catalog = useCatalogDatabase();
  const database = useDatabase();
  const storeId = useSyncStatusStore((state) => state.enrolment?.storeId);
  const deviceId = useSyncStatusStore((state) => state.enrolment?.deviceId);
  const [shown, setShown] = useState<{ readonly number: string; readonly standing: GiftCardStanding }>();

  useEffect(() => {
    if (number === null) return undefined;
    let pending: { unsubscribe: () => void } | undefined;
    let confirmedAt: string | null | undefined;
    const follow = (confirmed: ConfirmedGiftCardBalance | null) => {
      const at = confirmed?.updatedAt ?? null;
      if (at === confirmedAt && pending !== undefined) return;
      confirmedAt = at;
      pending?.unsubscribe();
      // Without a confirmed balance every sale of this tablet counts: nothing of it is in the server's figure yet.
      pending = pendingLedgerDeltas(database, deviceId, 'giftcard', number, at ?? '').subscribe({
        next: (deltas) => setShown({ number, standing: giftCardStanding(confirmed, deltas) }),
        error: (error: unknown) => console.error('Reading this tablet’s sales for a gift card failed', { number, error }),
      });
    };
    if (storeId === undefined) {
      follow(null);
      return () => pending?.unsubscribe();
    }
    const confirmed = liveQuery(() => catalog.balances.get(`giftcard:${storeId}:${number}`)).subscribe({
      next: (row) => follow(row === undefined ? null : { value: row.value, updatedAt: row.updatedAt }),
      error: (error: unknown) => console.error('Reading a gift card’s confirmed balance failed', { number, error }),
    });
    return () => {
      confirmed.unsubscribe();
      pending?.unsubscribe();
    };
  }, [catalog, database, deviceId, storeId, number]);

  return shown?.number === number ? shown.standing : undefined;
}
