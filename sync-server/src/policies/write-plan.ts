/*
 * What one push will write, collected while the conflict policies decide, then written in one go at the
 * end of the push transaction: documents (one seq counter update for the whole batch), incidents,
 * customer aliases and visibility grants, the conflicts to answer with, and which collections changed for
 * which stores (what the event stream announces after the commit).
 */
import type { Transaction } from 'kysely';
import type { CollectionName } from '../../../src/data/schemas/index.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository, DocumentWrite } from '../store/documents-repository.ts';
import type { NewIncident } from '../store/incidents-repository.ts';

export type Body = Record<string, unknown>;

export interface PushContext {
  storeId: string;
  deviceId: string;
  now: Date;
}

/** A pushed row after validation: the document without `_deleted`, and the flag. */
export interface PushedDocument {
  index: number;
  id: string;
  doc: Body;
  deleted: boolean;
  assumed: Body | undefined;
  assumedDeleted: boolean;
}

/** The current state of a document within the batch (stored, or written earlier in the same batch). */
export interface CurrentDocument {
  storeId: string | null;
  body: Body;
  deleted: boolean;
}

export class WritePlan {
  readonly writes: DocumentWrite[] = [];
  readonly incidents: NewIncident[] = [];
  /** Conflicting master documents as wire JSON, in row order. */
  readonly conflicts: string[] = [];
  readonly aliases: Array<{ aliasId: string; customerId: string }> = [];
  readonly grants: Array<{ customerId: string; storeId: string }> = [];
  /** Collection -> stores whose devices may see the change; null means "check every store". */
  readonly changed = new Map<CollectionName, Set<string> | null>();

  write(write: DocumentWrite): void {
    this.writes.push(write);
    const stores = this.changed.get(write.collection);
    if (write.collection === 'customers' || write.storeId === null) this.changed.set(write.collection, null);
    else if (stores === undefined) this.changed.set(write.collection, new Set([write.storeId]));
    else if (stores !== null) stores.add(write.storeId);
  }

  conflict(body: Body, deleted: boolean): void {
    this.conflicts.push(JSON.stringify({ ...body, _deleted: deleted }));
  }
}

/** The stored (master) versions of the pushed documents, read inside the push transaction. */
export async function loadCurrentDocuments(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  collection: CollectionName,
  pushed: readonly PushedDocument[],
): Promise<Map<string, CurrentDocument>> {
  const current = new Map<string, CurrentDocument>();
  for (const [id, stored] of await documents.getMany(trx, collection, pushed.map((p) => p.id))) {
    current.set(id, { storeId: stored.storeId, body: stored.body, deleted: stored.deleted });
  }
  return current;
}
