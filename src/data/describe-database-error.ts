/*
 * Turns an error from opening the device database into something the cashier can act on: a translation
 * key saying what to do, and a short code for the manager or support.
 */
export type DatabaseProblem = 'unavailable' | 'quota' | 'insecure' | 'otherVersion' | 'unknown';

export interface DatabaseErrorDescription {
  problem: DatabaseProblem;
  /** Translation key of the message that says what to do. */
  messageKey: `database.${DatabaseProblem}`;
  code: string;
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, name } = error as { code?: unknown; name?: unknown };
    if (typeof code === 'string' && code) return code;
    if (typeof name === 'string' && name) return name;
  }
  return 'UNKNOWN';
}

function classify(error: unknown, code: string): DatabaseProblem {
  const text = `${code} ${error instanceof Error ? `${error.name} ${error.message}` : String(error)}`;
  if (/QuotaExceeded/i.test(text)) return 'quota';
  // UT8: crypto.subtle is missing, which only happens outside a secure context (plain http on a LAN).
  if (code === 'UT8') return 'insecure';
  if (/MissingAPI|InvalidState|indexedDB.*(not|un)|SecurityError/i.test(text)) return 'unavailable';
  // Another tab holds the database open with another schema version.
  if (/VersionError|VersionChange|Blocked|DB6/i.test(text)) return 'otherVersion';
  return 'unknown';
}

export function describeDatabaseError(error: unknown): DatabaseErrorDescription {
  const code = errorCode(error);
  const problem = classify(error, code);
  return { problem, messageKey: `database.${problem}`, code };
}
