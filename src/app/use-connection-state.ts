/*
 * What the connection indicator shows: 'offline' when the device has no network, 'server-unreachable' when
 * it has one but the sync server does not answer its health check, otherwise 'online'.
 */
import { useQuery } from '@tanstack/react-query';
import { useNetworkOnline } from '../ui/use-network-online.ts';
import { fetchServerHealth, serverHealthQueryKey } from './server-health.ts';

export type ConnectionState = 'online' | 'offline' | 'server-unreachable';

const HEALTH_POLL_MS = 30_000;

export function useConnectionState(): ConnectionState {
  const networkOnline = useNetworkOnline();
  const health = useQuery({
    queryKey: serverHealthQueryKey,
    queryFn: ({ signal }) => fetchServerHealth(signal),
    enabled: networkOnline,
    refetchInterval: HEALTH_POLL_MS,
    refetchIntervalInBackground: false,
    retry: 1,
    // The indicator must reflect the server, not TanStack's own idea of being online.
    networkMode: 'always',
  });
  if (!networkOnline) return 'offline';
  if (health.isError) return 'server-unreachable';
  return 'online';
}
