/*
 * What the connection indicator shows: 'offline' when the device has no network, 'server-unreachable' when
 * it has one but the sync server does not answer its health check, otherwise 'online'.
 */
import { useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchServerHealth, serverHealthQueryKey } from './server-health.ts';

export type ConnectionState = 'online' | 'offline' | 'server-unreachable';

const HEALTH_POLL_MS = 30_000;

function subscribeToNetwork(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function useNetworkOnline(): boolean {
  return useSyncExternalStore(
    subscribeToNetwork,
    () => navigator.onLine,
    () => true,
  );
}

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
