/*
 * The stock of a product as this till sees it: the balance the server last confirmed (Dexie catalog) plus
 * this device's own sales since then (src/data/pending-ledger.ts), so the figure goes down the moment a sale is
 * written, offline too. Only sales newer than the confirmed balance are read (the createdAt index).
 * The reads start once the cashier has stopped scanning for a moment (STOCK_SETTLE_MS): the figure is for
 * the item rung up last, and a query (plus a live RxDB subscription) per scan would compete with the very
 * next scan's lookup and render, the counter's tightest path.
 */
import { useEffect, useState } from 'react';
import { useDatabase } from '../../data/database-context.ts';
import { pendingLedgerDeltas } from '../../data/pending-ledger.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { useProductFinder } from '../../catalog/product-finder.ts';

export interface LocalStock {
  readonly productId: string;
  /** Thousandths of the unit. */
  readonly value: number;
}

export const STOCK_SETTLE_MS = 150;

export function useLocalStock(productId: string | null): LocalStock | null | undefined {
  const database = useDatabase();
  const finder = useProductFinder();
  const deviceId = useSyncStatusStore((state) => state.enrolment?.deviceId);
  const [stock, setStock] = useState<LocalStock | null>();
  useEffect(() => {
    if (productId === null) return undefined;
    let current = true;
    let unsubscribe = (): void => undefined;
    const readStock = () =>
      finder.confirmedStock(productId).then(
        (confirmed) => {
          if (!current) return;
          if (confirmed === undefined) return setStock(null);
          const subscription = pendingLedgerDeltas(database, deviceId, 'stock', productId, confirmed.updatedAt).subscribe({
            next: (deltas) => setStock({ productId, value: deltas.reduce((sum, delta) => sum + delta, confirmed.value) }),
            error: (error: unknown) => console.error('Reading this till’s sales for the stock figure failed', error),
          });
          unsubscribe = () => subscription.unsubscribe();
        },
        (error: unknown) => console.error('Reading the confirmed stock failed', { productId, error }),
      );
    const settle = setTimeout(() => void readStock(), STOCK_SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(settle);
      unsubscribe();
    };
  }, [database, finder, productId, deviceId]);
  if (productId === null) return undefined;
  // A product without a confirmed balance shows nothing (null); a figure of the previous product is not shown.
  return stock === null || stock?.productId === productId ? stock : undefined;
}
