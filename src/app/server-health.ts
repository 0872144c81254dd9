/*
 * Reads GET /api/v1/health from the sync server. Only the connection indicator uses it: whether the server
 * answers is not the same as whether the device has a network (a store LAN can be up with the server down).
 */
export interface ServerHealth {
  status: string;
  database: string;
  schemaVersion: number;
  version: string;
}

export const serverHealthQueryKey = ['server-health'] as const;

/** Long enough for a slow shop Wi-Fi, short enough that the indicator does not lie for long. */
const HEALTH_TIMEOUT_MS = 5_000;

export async function fetchServerHealth(signal?: AbortSignal): Promise<ServerHealth> {
  const timeout = AbortSignal.timeout(HEALTH_TIMEOUT_MS);
  const response = await fetch('/api/v1/health', {
    headers: { accept: 'application/json' },
    cache: 'no-store',
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  if (!response.ok) throw new Error(`Health check answered HTTP ${response.status}`);
  return (await response.json()) as ServerHealth;
}
