/*
 * The back office's JSON calls to the server (products, staff, store settings) with the staff token of a
 * back-office session (back-office-gate.tsx), in the manager's language. A 404, 409 or 422 is an answer the
 * screen shows next to the fields it names; anything else that is not 2xx is a StaffApiError the gate words
 * (a session ended, a role that may not, the network). Online only: nothing is queued.
 */
import { apiUrl } from '../../sync/sync-api.ts';
import { StaffApiError, staffApiFetch, staffApiRefusal } from '../../sync/staff-api.ts';

/** What a back-office screen needs to call the server. */
export interface BackOfficeSession {
  serverUrl: string;
  token: string;
  language: string;
}

/** One thing wrong, on the form field the server names ('price', 'bank.bin', ...). */
export interface FieldError {
  field: string;
  message: string;
}

export type BackOfficeAnswer<T> = { ok: true; value: T } | { ok: false; status: number; message: string; errors: FieldError[] };

const CALL_TIMEOUT_MS = 30_000;

export async function callBackOffice<T>(session: BackOfficeSession, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<BackOfficeAnswer<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${session.token}`, accept: 'application/json', 'accept-language': session.language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await staffApiFetch(apiUrl(session.serverUrl, path), { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }, CALL_TIMEOUT_MS);
  if (response.status === 404 || response.status === 409 || response.status === 422) {
    const answer = (await response.json()) as { message?: string; errors?: FieldError[] };
    return { ok: false, status: response.status, message: answer.message ?? '', errors: answer.errors ?? [] };
  }
  if (!response.ok) throw await staffApiRefusal(response, path);
  return { ok: true, value: (await response.json()) as T };
}

/** The call's value, or an Error carrying the server's words (for a read, where there is no form to mark). */
export async function readBackOffice<T>(session: BackOfficeSession, path: string): Promise<T> {
  const answer = await callBackOffice<T>(session, 'GET', path);
  if (!answer.ok) throw new Error(answer.message);
  return answer.value;
}

const told = new WeakSet<object>();
/**
 * A failed read tells the gate once (a render may see the same error again): a session that ended goes back to
 * the PIN, with why. Only the staff API's refusals by default; a screen that shows no read error of its own
 * passes every error, so the gate words it.
 */
export function tellGateOnce(error: Error, onRefused: (error: unknown) => void, which: 'refusals' | 'every error' = 'refusals'): void {
  if (told.has(error) || (which === 'refusals' && !(error instanceof StaffApiError))) return;
  told.add(error);
  queueMicrotask(() => onRefused(error));
}
