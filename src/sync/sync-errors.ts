/*
 * How sync tells failures apart, because each kind is handled differently:
 *   revoked    401: the device was removed from the store (or never was): stop syncing, say so plainly.
 *   refused    400, 403, 404, 413, 422: the server will never accept this request as it is. For a push
 *              this means a poison document: split the batch and set the refused documents aside.
 *   temporary  network errors, timeouts, 408, 429, 5xx: retry later with backoff, drop nothing.
 */
export type SyncFailureKind = 'revoked' | 'refused' | 'temporary';

export class SyncHttpError extends Error {
  readonly kind: SyncFailureKind;

  constructor(
    readonly status: number,
    /** The server's `error` code, e.g. "invalid_document". */
    readonly code: string,
    /** The server's `message` (4xx answers say what was wrong). */
    readonly serverMessage: string,
    readonly request: string,
  ) {
    super(`${request} answered HTTP ${status} ${code}: ${serverMessage}`);
    this.name = 'SyncHttpError';
    this.kind = failureKindOfStatus(status);
  }
}

export function failureKindOfStatus(status: number): SyncFailureKind {
  if (status === 401) return 'revoked';
  if (status === 408 || status === 429 || status >= 500) return 'temporary';
  return 'refused';
}

/** Anything thrown by fetch itself (offline, DNS, reset, timeout) is temporary. */
export function failureKindOf(error: unknown): SyncFailureKind {
  return error instanceof SyncHttpError ? error.kind : 'temporary';
}

/** Reads `{error, message}` from an error answer; tolerates a body that is not JSON. */
export async function readErrorAnswer(response: Response, request: string): Promise<SyncHttpError> {
  let code = `http_${response.status}`;
  let message = response.statusText;
  try {
    const text = await response.text();
    try {
      const body = JSON.parse(text) as { error?: unknown; message?: unknown };
      if (typeof body.error === 'string') code = body.error;
      if (typeof body.message === 'string') message = body.message;
    } catch {
      // Not JSON (a proxy's HTML page): keep the raw text, shortened, for the developer.
      message = text.slice(0, 200) || message;
    }
  } catch (error) {
    console.warn(`Could not read the body of the ${response.status} answer to ${request}`, error);
  }
  return new SyncHttpError(response.status, code, message, request);
}
