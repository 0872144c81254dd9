/*
 * The server's device administration, as the Settings devices panel calls it (README "Devices and staff"):
 * a staff sign-in with the device token (POST /staff/sessions), then the list and the revocation with the
 * staff token it returns. The staff token is handed back to the caller and kept in React state only:
 * never written to IndexedDB, localStorage or logs, and gone when the panel closes or the person signs out.
 */
import { apiUrl } from '../../sync/sync-api.ts';

export interface StaffSessionToken {
  token: string;
  staffId: string;
  role: string;
  expiresAt: string;
}

export interface StoreDevice {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A refusal from the server (status and its error code), or `status` 0 when the server could not be reached. */
export class DevicesApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's own words, for the developer console; the panel shows its translated message. */
    readonly serverMessage: string,
    /** From Retry-After on 423 and 429. */
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(status === 0 ? `The server could not be reached: ${serverMessage}` : `HTTP ${status} ${code}: ${serverMessage}`);
    this.name = 'DevicesApiError';
  }
}

const TIMEOUT_MS = 20_000;

async function call<T>(serverUrl: string, path: string, token: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(apiUrl(serverUrl, path), {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      cache: 'no-store',
      signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new DevicesApiError(0, 'unreachable', error instanceof Error ? error.message : String(error), undefined);
  }
  if (response.ok) return (await response.json()) as T;
  let code = `http_${response.status}`;
  let message = response.statusText;
  try {
    const body = (await response.json()) as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string') code = body.error;
    if (typeof body.message === 'string') message = body.message;
  } catch (error) {
    console.warn(`The ${response.status} answer to ${path} was not JSON`, error);
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new DevicesApiError(response.status, code, message, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}

/** Checks the person's PIN on the server (which counts wrong PINs and locks out) and opens a short staff session. */
export function openStaffSession(serverUrl: string, deviceToken: string, staffId: string, pin: string): Promise<StaffSessionToken> {
  return call<StaffSessionToken>(serverUrl, '/staff/sessions', deviceToken, { method: 'POST', body: { staffId, pin } });
}

export async function fetchStoreDevices(serverUrl: string, staffToken: string, signal?: AbortSignal): Promise<StoreDevice[]> {
  const answer = await call<{ devices: StoreDevice[] }>(serverUrl, '/devices', staffToken, { signal });
  return answer.devices;
}

export function revokeStoreDevice(serverUrl: string, staffToken: string, deviceId: string): Promise<{ id: string; revokedAt: string }> {
  return call(serverUrl, `/devices/${encodeURIComponent(deviceId)}`, staffToken, { method: 'DELETE' });
}
