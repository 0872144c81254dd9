/*
 * The server calls of the back office (README "Catalog import"): after a staff sign-in
 * (src/sync/staff-api.ts, POST /staff/sessions with the device token), the catalog import with the staff
 * token it returns. The staff token is kept
 * by the caller in React state only: never written to IndexedDB, localStorage or logs, and gone when the
 * screen closes or the manager signs out. Online only: nothing here is queued for later.
 */
import { apiUrl } from '../../sync/sync-api.ts';
import { staffApiFetch, staffApiRefusal } from '../../sync/staff-api.ts';

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

/** A 100,000-row catalog takes the server seconds to check and write; a slow uplink adds the upload. */
const IMPORT_TIMEOUT_MS = 5 * 60_000;

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
  const response = await staffApiFetch(
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
  if (!response.ok) throw await staffApiRefusal(response, path);
  return { kind: 'imported', counts: (await response.json()) as CatalogImportCounts };
}
