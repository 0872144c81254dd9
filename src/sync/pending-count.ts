/*
 * How many documents of a collection wait to be pushed, read from RxDB's own replication bookkeeping so that
 * it survives reloads and counts exactly what RxDB will push: the documents changed since the upstream
 * checkpoint whose state differs from the state RxDB assumes the server has (its meta instance). This is
 * the same test RxDB's upstream uses to decide what to send. Only the leading tab, where the replication
 * runs, can count; documents the server refused are counted as handled (they are in the quarantine).
 */
import {
  getChangedDocumentsSince,
  getComposedPrimaryKeyOfDocumentData,
  writeDocToDocState,
  type RxCollection,
  type RxStorageInstance,
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';

const PAGE = 500;
/** Counting stops here ("10,000+"): a device with more waiting has bigger problems than the exact number. */
export const PENDING_COUNT_CAP = 10_000;

type MetaDoc = { itemId: string; isCheckpoint: string; docData?: Record<string, unknown>; checkpointData?: unknown; isResolvedConflict?: string };

/** The ids waiting to be pushed (at most PENDING_COUNT_CAP of them), or undefined when the replication is not running. */
export async function listPendingPushes<T, Checkpoint>(replication: RxReplicationState<T, Checkpoint>): Promise<Set<string> | undefined> {
  const metaInstance = replication.metaInstance as RxStorageInstance<MetaDoc, unknown, unknown> | undefined;
  if (!metaInstance || replication.isStopped()) return undefined;
  const collection = replication.collection as RxCollection;
  const fork = collection.storageInstance;
  const checkpointId = getComposedPrimaryKeyOfDocumentData(metaInstance.schema, { isCheckpoint: '1', itemId: 'up' } as never);
  const [checkpointDoc] = await metaInstance.findDocumentsById([checkpointId], false);
  let checkpoint: unknown = checkpointDoc?.checkpointData;
  const pending = new Set<string>();
  for (;;) {
    const page = await getChangedDocumentsSince(fork, PAGE, checkpoint as never);
    if (page.documents.length === 0) break;
    const primaryPath = collection.schema.primaryPath as string;
    const metaIds = page.documents.map((doc) =>
      getComposedPrimaryKeyOfDocumentData(metaInstance.schema, { itemId: (doc as Record<string, unknown>)[primaryPath], isCheckpoint: '0' } as never),
    );
    const metaDocs = await metaInstance.findDocumentsById(metaIds, true);
    const metaByItem = new Map(metaDocs.map((meta) => [meta.itemId, meta]));
    for (const doc of page.documents) {
      const full = doc as Record<string, unknown> & { _rev: string };
      const meta = metaByItem.get(full[primaryPath] as string);
      const state = writeDocToDocState(full as never, false, false);
      const settled =
        meta?.docData !== undefined &&
        meta.isResolvedConflict !== full._rev &&
        collection.conflictHandler.isEqual(meta.docData as never, state as never, 'upstream-check-if-equal');
      if (!settled && pending.size < PENDING_COUNT_CAP) pending.add(full[primaryPath] as string);
    }
    if (pending.size >= PENDING_COUNT_CAP || page.documents.length < PAGE) break;
    checkpoint = page.checkpoint;
  }
  return pending;
}
