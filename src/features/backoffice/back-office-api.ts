/*
 * The server calls of the back office (README "Catalog import"): a staff sign-in with the device token
 * (POST /staff/sessions), then the catalog import with the staff token it returns. The staff token is kept
 * by the caller in React state only: never written to IndexedDB, localStorage or logs, and gone when the
 * screen closes or the manager signs out. Online only: nothing here is queued for later.
 */
import { apiUrl } from '../../sync/sync-api.ts';

export interface StaffSessionToken {
  token: string;
  staffId: string;
  role: string;
  expiresAt: string;
}

export interface CatalogImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  openingStock: { set: number; kept: number };
  ignoredColumns: string[];
}

/** One bad cell: `line` as a spreadsheet numbers rows (the heading row is 1), `column` the file's heading. */
export interface CatalogImportError {
  line: number;
  column: string;
  message: string;
}

/** The server's answer to a file: written (every row good) or refused as a whole with what is wrong. */
export type CatalogImportAnswer =
  | { kind: 'imported'; counts: CatalogImportCounts }
  | { kind: 'refused'; errors: CatalogImportError[]; errorCount: number };

/** A refusal other than a checked file (status and error code), or `status` 0 when the server could not be reached. */
export class BackOfficeApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's own words, for the developer console; the screen shows its translated message. */
    readonly serverMessage: string,
    /** From Retry-After on 423 and 429. */
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(status === 0 ? `The server could not be reached: ${serverMessage}` : `HTTP ${status} ${code}: ${serverMessage}`);
    this.name = 'BackOfficeApiError';
  }
}

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The content type a chosen file is sent as, by its name first (Windows often reports a CSV as
 * application/vnd.ms-excel), then by what the browser says; undefined for anything else (an old .xls).
 */
export function catalogFileType(file: { name: string; type: string }): typeof CSV_TYPE | typeof XLSX_TYPE | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return CSV_TYPE;
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  if (file.type === XLSX_TYPE) return XLSX_TYPE;
  if (file.type === CSV_TYPE) return CSV_TYPE;
  return undefined;
}

const SIGN_IN_TIMEOUT_MS = 20_000;
/** A 100,000-row catalog takes the server seconds to check and write; a slow uplink adds the upload. */
const IMPORT_TIMEOUT_MS = 5 * 60_000;

async function send(path: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const callerSignal = init.signal ?? undefined;
  try {
    return await fetch(path, { ...init, cache: 'no-store', signal: callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout });
  } catch (error) {
    if (callerSignal?.aborted) throw error;
    throw new BackOfficeApiError(0, 'unreachable', error instanceof Error ? error.message : String(error), undefined);
  }
}

async function refusal(response: Response, path: string): Promise<BackOfficeApiError> {
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
  return new BackOfficeApiError(response.status, code, message, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}

/** Checks the person's PIN on the server (which counts wrong PINs and locks out) and opens a short staff session. */
export async function openStaffSession(serverUrl: string, deviceToken: string, staffId: string, pin: string): Promise<StaffSessionToken> {
  const response = await send(
    apiUrl(serverUrl, '/staff/sessions'),
    {
      method: 'POST',
      headers: { authorization: `Bearer ${deviceToken}`, accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ staffId, pin }),
    },
    SIGN_IN_TIMEOUT_MS,
  );
  if (!response.ok) throw await refusal(response, '/staff/sessions');
  return (await response.json()) as StaffSessionToken;
}

/**
 * Sends the file as it is (the server reads CSV and .xlsx with its own libraries), with the manager's
 * language for the messages of a refused file. A 422 is an answer, not an error: the file was checked.
 */
export async function importCatalogFile(
  serverUrl: string,
  staffToken: string,
  file: Blob,
  contentType: string,
  language: string,
  signal?: AbortSignal,
): Promise<CatalogImportAnswer> {
  const path = '/catalog/import';
  const response = await send(
    apiUrl(serverUrl, path),
    {
      method: 'POST',
      headers: { authorization: `Bearer ${staffToken}`, accept: 'application/json', 'accept-language': language, 'content-type': contentType },
      body: file,
      signal,
    },
    IMPORT_TIMEOUT_MS,
  );
  if (response.status === 422) {
    const body = (await response.json()) as { errors: CatalogImportError[]; errorCount?: number };
    return { kind: 'refused', errors: body.errors, errorCount: body.errorCount ?? body.errors.length };
  }
  if (!response.ok) throw await refusal(response, path);
  return { kind: 'imported', counts: (await response.json()) as CatalogImportCounts };
}
