/*
 * The quarantine: documents the server refused (400/403) are kept here, whole, with the server's answer,
 * in the sync database's `quarantine` table (sync-database.ts). RxDB is told they were handled so that the
 * documents behind them keep flowing; the documents themselves stay in RxDB untouched (a sale is never
 * deleted). A quarantined document that is changed on the device and then accepted leaves the quarantine.
 */
import type { SyncDatabase, QuarantinedDocument } from './sync-database.ts';
import type { RefusedRow } from './push-splitting-refused.ts';
import type { PushRow } from './sync-api.ts';

export async function setAsideRefused(
  database: SyncDatabase,
  collection: string,
  refused: ReadonlyArray<RefusedRow<PushRow>>,
  at: Date = new Date(),
): Promise<void> {
  if (refused.length === 0) return;
  const rows: QuarantinedDocument[] = refused.map(({ row, status, error, message }) => ({
    collection,
    id: row.newDocumentState.id,
    document: row.newDocumentState,
    status,
    error,
    message,
    quarantinedAt: at.toISOString(),
  }));
  await database.quarantine.bulkPut(rows);
}

/** Accepted documents leave the quarantine if they were in it (a corrected document). */
export async function releaseAccepted(database: SyncDatabase, collection: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const keys = ids.map((id): [string, string] => [collection, id]);
  // Through the [collection+id] primary key, which Dexie's typing knows as an index: the keys that are there
  // come back as they are stored and go straight back to bulkDelete (nothing is written when none is there).
  const toRelease = await database.quarantine.where('[collection+id]').anyOf(keys).primaryKeys();
  if (toRelease.length > 0) await database.quarantine.bulkDelete(toRelease);
}

export async function listQuarantine(database: SyncDatabase, limit = 50): Promise<QuarantinedDocument[]> {
  return database.quarantine.orderBy('[collection+id]').limit(limit).toArray();
}
