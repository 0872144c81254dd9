/*
 * What one push will write, collected while the conflict policies decide, then written in one go at the
 * end of the push transaction: documents (one seq counter update for the whole batch), incidents,
 * customer aliases and visibility grants, the conflicts to answer with, and which collections changed for
 * which stores (what the event stream announces after the commit).
 * Also the shapes the policies decide on: a pushed row is typed as its collection's document once it has
 * passed the collection's schema (push-rows.ts), and a batch carries its collection with it, so a policy
 * for customers gets CustomerDocuments and the policy table alone says which policy that is.
 */
import type { Transaction } from 'kysely';
import type { CollectionName, collectionPolicies, CollectionPolicy } from '../../../src/data/schemas/index.ts';
import type { CollectionDocuments } from '../../../src/data/schemas/types.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository, DocumentWrite } from '../store/documents-repository.ts';
import type { NewIncident } from '../store/incidents-repository.ts';
import type { NewNotice } from '../store/outbox-repository.ts';
import type { NoticeTarget } from '../integrations-config.ts';

type Policies = typeof collectionPolicies;

/** The collections devices may push: every one the policy table does not leave to the server alone. */
export type PushedCollection = { [C in CollectionName]: Policies[C]['writer'] extends 'server' ? never : C }[CollectionName];

/** The collections whose pushes the policy table gives to conflict policy P. */
export type CollectionsDecidedBy<P extends CollectionPolicy['conflicts']> = {
  [C in CollectionName]: Policies[C]['conflicts'] extends P ? C : never;
}[CollectionName];

export interface PushContext {
  storeId: string;
  deviceId: string;
  now: Date;
  /** Where notices back to an order's source can go (none: no notice is enqueued). */
  noticeTargets?: ReadonlySet<NoticeTarget>;
}

/** A pushed row after validation: the document of its collection without `_deleted`, and the flag. */
export interface PushedDocument<C extends CollectionName = CollectionName> {
  index: number;
  id: string;
  doc: CollectionDocuments[C];
  deleted: boolean;
  /** The device's assumed master as it was sent (only its id is checked: it is compared, never stored). */
  assumed: Readonly<Record<string, unknown>> | undefined;
  assumedDeleted: boolean;
}

/** The checked rows of one push, with their collection. */
export interface PushedRowsOf<C extends CollectionName> {
  collection: C;
  rows: readonly PushedDocument<C>[];
}

/**
 * A checked push of one of the collections K: for K a union, a union of one case per collection, so that
 * telling the collection apart tells the document type apart.
 */
export type PushedBatch<K extends CollectionName = PushedCollection> = { [C in K]: PushedRowsOf<C> }[K];

/** The current state of a document within the batch (stored, or written earlier in the same batch). */
export interface CurrentDocument<C extends CollectionName> {
  storeId: string | null;
  body: CollectionDocuments[C];
  deleted: boolean;
}

export class WritePlan {
  readonly writes: DocumentWrite[] = [];
  readonly incidents: NewIncident[] = [];
  /** Notices back to orders' sources (the outbox), written with the order changes that cause them. */
  readonly notices: NewNotice[] = [];
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

  conflict(body: object, deleted: boolean): void {
    this.conflicts.push(JSON.stringify({ ...body, _deleted: deleted }));
  }
}

/** The stored (master) versions of the pushed documents, read inside the push transaction. */
export async function loadCurrentDocuments<C extends CollectionName>(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  collection: C,
  pushed: readonly PushedDocument<C>[],
): Promise<Map<string, CurrentDocument<C>>> {
  const current = new Map<string, CurrentDocument<C>>();
  for (const [id, stored] of await documents.getMany(trx, collection, pushed.map((p) => p.id))) {
    current.set(id, { storeId: stored.storeId, body: stored.body, deleted: stored.deleted });
  }
  return current;
}
