/*
 * The server's device administration, as the Settings devices panel calls it (README "Devices and staff"):
 * after a staff sign-in (src/sync/staff-api.ts), the list and the revocation with the staff token it returns. The staff token is handed back to the caller and kept in React state only:
 * never written to IndexedDB, localStorage or logs, and gone when the panel closes or the person signs out.
 */
import { apiUrl } from '../../sync/sync-api.ts';
import { staffApiFetch, staffApiRefusal } from '../../sync/staff-api.ts';

export interface StoreDevice {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

const TIMEOUT_MS = 20_000;

async function call<T>(serverUrl: string, path: string, token: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const response = await staffApiFetch(
    apiUrl(serverUrl, path),
    {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      ...(init.signal ? { signal: init.signal } : {}),
    },
    TIMEOUT_MS,
  );
  if (response.ok) return (await response.json()) as T;
  throw await staffApiRefusal(response, path);
}

export async function fetchStoreDevices(serverUrl: string, staffToken: string, signal?: AbortSignal): Promise<StoreDevice[]> {
  const answer = await call<{ devices: StoreDevice[] }>(serverUrl, '/devices', staffToken, { signal });
  return answer.devices;
}

export function revokeStoreDevice(serverUrl: string, staffToken: string, deviceId: string): Promise<{ id: string; revokedAt: string }> {
  return call(serverUrl, `/devices/${encodeURIComponent(deviceId)}`, staffToken, { method: 'DELETE' });
}
