/*
 * The client side of the server's staff calls (README "Devices and staff"), shared by every screen that
 * needs a manager online (Settings' devices panel, the back office): a staff sign-in with the device token
 * (POST /staff/sessions) and the calls made with the staff token it returns. The staff token is the
 * caller's to keep in React state only: never written to IndexedDB, localStorage or logs.
 * Failures come back as StaffApiError: the status and the server's error code, or status 0 when the server
 * could not be reached; each screen words them in the shop's terms.
 */
import { apiUrl } from './sync-api.ts';

export interface StaffSessionToken {
  token: string;
  staffId: string;
  role: string;
  expiresAt: string;
}

/** A refusal from the server (status and its error code), or `status` 0 when the server could not be reached. */
export class StaffApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's own words, for the developer console; screens show their translated message. */
    readonly serverMessage: string,
    /** From Retry-After on 423 and 429. */
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(status === 0 ? `The server could not be reached: ${serverMessage}` : `HTTP ${status} ${code}: ${serverMessage}`);
    this.name = 'StaffApiError';
  }
}

/** fetch with a time limit (and the caller's own abort), never cached; a network failure is a StaffApiError with status 0. */
export async function staffApiFetch(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const callerSignal = init.signal ?? undefined;
  try {
    return await fetch(url, { ...init, cache: 'no-store', signal: callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout });
  } catch (error) {
    if (callerSignal?.aborted) throw error;
    throw new StaffApiError(0, 'unreachable', error instanceof Error ? error.message : String(error), undefined);
  }
}

/** The StaffApiError a non-2xx answer stands for: its JSON error code and message, and Retry-After. */
export async function staffApiRefusal(response: Response, path: string): Promise<StaffApiError> {
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
  return new StaffApiError(response.status, code, message, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}

const SIGN_IN_TIMEOUT_MS = 20_000;

/** Checks the person's PIN on the server (which counts wrong PINs and locks out) and opens a short staff session. */
export async function openStaffSession(serverUrl: string, deviceToken: string, staffId: string, pin: string): Promise<StaffSessionToken> {
  const response = await staffApiFetch(
    apiUrl(serverUrl, '/staff/sessions'),
    {
      method: 'POST',
      headers: { authorization: `Bearer ${deviceToken}`, accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ staffId, pin }),
    },
    SIGN_IN_TIMEOUT_MS,
  );
  if (!response.ok) throw await staffApiRefusal(response, '/staff/sessions');
  return (await response.json()) as StaffSessionToken;
}

/**
 * A person whose PIN a manager reset (or who was added without one) chooses theirs, with the device token
 * (POST /staff/pin): the server keeps its full hash and announces the store's new config, whose short check
 * lets this and every other tablet of the store take the PIN from then on. 409 for anyone who has a PIN.
 */
export async function chooseOwnPin(serverUrl: string, deviceToken: string, staffId: string, pin: string): Promise<void> {
  const response = await staffApiFetch(
    apiUrl(serverUrl, '/staff/pin'),
    {
      method: 'POST',
      headers: { authorization: `Bearer ${deviceToken}`, accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ staffId, pin }),
    },
    SIGN_IN_TIMEOUT_MS,
  );
  if (!response.ok) throw await staffApiRefusal(response, '/staff/pin');
}
