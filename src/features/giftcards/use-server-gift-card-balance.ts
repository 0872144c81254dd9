/*
 * The server's figure for a gift card while the tablet is online (src/sync/gift-card-api.ts), through
 * TanStack Query: asked again when the tablet's confirmed balance moves (a sync brought news) or the network
 * comes back. The device token is read from the sync database for each ask and never kept in React state.
 */
import { useContext } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchGiftCardBalance, type ServerGiftCardBalance } from '../../sync/gift-card-api.ts';
import { loadDeviceIdentity } from '../../sync/enrolment.ts';
import { SyncDatabaseContext } from '../../sync/sync-database-context.ts';
import { useNetworkOnline } from '../../ui/use-network-online.ts';

export type ServerFigure = { readonly kind: 'offline' } | { readonly kind: 'asking' } | ServerGiftCardBalance;

/** `confirmedAt`: the tablet's confirmed balance time, null when none, undefined while it is still being read. */
export function useServerGiftCardBalance(number: string | null, confirmedAt: string | null | undefined): ServerFigure | null {
  const syncDatabase = useContext(SyncDatabaseContext);
  const online = useNetworkOnline();
  const query = useQuery({
    queryKey: ['gift-card-balance', number, confirmedAt ?? null],
    queryFn: async (): Promise<ServerGiftCardBalance> => {
      const identity = syncDatabase === null ? undefined : await loadDeviceIdentity(syncDatabase);
      if (identity === undefined || identity.revokedAt !== undefined) return { kind: 'unreachable', detail: 'this tablet is not enrolled' };
      return fetchGiftCardBalance(identity, number ?? '');
    },
    // Asked once the tablet's own figure is read (confirmedAt known), so the first answer is not asked twice.
    enabled: number !== null && confirmedAt !== undefined && online && syncDatabase !== null,
    retry: false,
    staleTime: 5_000,
  });
  if (number === null || syncDatabase === null) return null;
  if (!online) return { kind: 'offline' };
  return query.data ?? { kind: 'asking' };
}
