/*
 * The return screen's way to find a purchase (find-purchase.ts): this tablet's documents, the store's slip key
 * from its config (imported once), and the server when the tablet is online and enrolled. The device token is
 * read from the sync database for each lookup and never kept in React state.
 */
import { useCallback, useContext, useEffect, useState } from 'react';
import { useDatabase } from '../../data/database-context.ts';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { importSlipKey, slipKeyOfConfig } from '../../domain/packing-slip.ts';
import { loadDeviceIdentity } from '../../sync/enrolment.ts';
import { SyncDatabaseContext } from '../../sync/sync-database-context.ts';
import type { EarlierReturn } from '../../domain/returnable-purchase.ts';
import { findPurchase, returnsByPurchase } from './find-purchase.ts';
import type { PurchaseLookup, ServerAccess } from './find-purchase.ts';

export function useFindPurchase(config: StoreConfigDocument | null | undefined): (text: string) => Promise<PurchaseLookup> {
  const database = useDatabase();
  const syncDatabase = useContext(SyncDatabaseContext);
  const publicKey = slipKeyOfConfig(config ?? undefined);
  const [slipKey, setSlipKey] = useState<CryptoKey | undefined>(undefined);
  useEffect(() => {
    let live = true;
    if (publicKey === undefined) return;
    importSlipKey(publicKey)
      .then((key) => live && setSlipKey(key))
      .catch((error: unknown) => console.error("The server's packing-slip key in the store config could not be read", error));
    return () => {
      live = false;
    };
  }, [publicKey]);

  // The return documents on this tablet (few beside its sales), kept live: a lookup then reads only the sale.
  const [knownReturns, setKnownReturns] = useState<ReadonlyMap<string, readonly EarlierReturn[]> | undefined>(undefined);
  useEffect(() => {
    const subscription = database.sales.find({ selector: { kind: 'return' } }).$.subscribe({
      next: (documents) => setKnownReturns(returnsByPurchase(documents.map((document) => document.toMutableJSON()))),
      error: (error: unknown) => console.error('Watching the returns on this tablet failed; lookups query them instead', error),
    });
    return () => subscription.unsubscribe();
  }, [database]);

  return useCallback(
    async (text: string) => {
      let server: ServerAccess | undefined;
      if (syncDatabase !== null && navigator.onLine) {
        const identity = await loadDeviceIdentity(syncDatabase);
        if (identity !== undefined && identity.revokedAt === undefined) server = { serverUrl: identity.serverUrl, token: identity.token };
      }
      // Until the imported key is ready, the config's text key does the same check.
      return findPurchase({ database, slipKey: slipKey ?? publicKey, ...(knownReturns === undefined ? {} : { knownReturns }), ...(server === undefined ? {} : { server }) }, text);
    },
    [database, syncDatabase, slipKey, publicKey, knownReturns],
  );
}
