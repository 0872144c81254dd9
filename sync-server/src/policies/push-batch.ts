/*
 * One sync push, all or nothing: the batch is decided and written in ONE transaction, by the conflict
 * policy of its collection (append-only facts, customers, orders). The transaction starts by taking the
 * write lock of the seq counter, so concurrent pushes (a retry storm from one device, or two instances
 * of the server on one PostgreSQL) are decided one after the other, each seeing what the one before
 * committed: the same sale pushed 50 times at once is stored once and its balances move once.
 * Every document the batch writes gets its seq from a single counter update, and `onCommitted`
 * (the event stream) hears which collections changed for which stores, and which device pushed them,
 * once the batch is in.
 * A sale's embedded ledger entries are new ids in practice (the app makes them with the sale and pushes no
 * ledger entry of its own for them), so a push first writes them without looking each of them up (11,000
 * ids a 2,000-sale push); if one was stored after all (a device that pushed it on its own, or a forged
 * id), the insert fails on the table's key, the transaction rolls back and the push is decided again
 * with every entry looked up. Same outcome, only slower in that rare case.
 */
import type { Transaction } from 'kysely';
import { collectionPolicies, type CollectionName, type CollectionPolicy } from '../../../src/data/schemas/index.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository, WrittenRange } from '../store/documents-repository.ts';
import { grantCustomerToStore, insertCustomerAlias } from '../store/customers-repository.ts';
import { insertIncidents } from '../store/incidents-repository.ts';
import type { Store } from '../store/open-store.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';
import { isDuplicateLedgerEntry } from '../store/narrow-tables.ts';
import { planAppendOnlyPush } from './append-only-policy.ts';
import type { DerivedLedger } from './append-only-policy.ts';
import type { ChangeEvent } from '../live/change-bus.ts';
import { planCustomersPush } from './customers-policy.ts';
import { planOrdersPush } from './orders-policy.ts';
import { WritePlan } from './write-plan.ts';
import type { CollectionsDecidedBy, PushContext, PushedBatch } from './write-plan.ts';

export interface PushResult {
  /** The conflicting master documents as JSON text, for the answer. */
  conflicts: string[];
  written: WrittenRange;
  events: ChangeEvent[];
  /** Incident kinds recorded by this push, with their counts (for the log). */
  incidents: Record<string, number>;
  /** How long the commit took (on SQLite mostly the sync of the write-ahead log to disk). */
  commitMs: number;
}

export interface PushHooks {
  /** Runs inside the transaction after the writes (PostgreSQL NOTIFY is delivered only if it commits). */
  beforeCommit?: (trx: Transaction<Database>, events: readonly ChangeEvent[]) => Promise<void>;
}

export async function pushBatch(
  store: Store,
  documents: DocumentsRepository,
  batch: PushedBatch,
  context: PushContext,
  hooks: PushHooks = {},
): Promise<PushResult> {
  try {
    return await pushBatchOnce(store, documents, batch, context, hooks, 'assume-new');
  } catch (error) {
    if (!isDuplicateLedgerEntry(store.kind, error)) throw error;
    return pushBatchOnce(store, documents, batch, context, hooks, 'look-up');
  }
}

/** Whether the policy table gives this batch's collection to conflict policy `conflicts` (and so its documents' type). */
function isDecidedBy<P extends CollectionPolicy['conflicts']>(batch: PushedBatch<CollectionName>, conflicts: P): batch is PushedBatch<CollectionsDecidedBy<P>> {
  return collectionPolicies[batch.collection].conflicts === conflicts;
}

async function pushBatchOnce(
  store: Store,
  documents: DocumentsRepository,
  batch: PushedBatch,
  context: PushContext,
  hooks: PushHooks,
  derivedLedger: DerivedLedger,
): Promise<PushResult> {
  let decidedAt = 0;
  const result = await store.db.transaction().execute(async (trx) => {
    await lockSequenceCounter(trx);
    const plan = new WritePlan();
    const { collection } = batch;
    if (isDecidedBy(batch, 'append-only')) await planAppendOnlyPush(trx, documents, batch, context, plan, derivedLedger);
    else if (isDecidedBy(batch, 'merge-fields')) await planCustomersPush(trx, store.kind, documents, batch.rows, context, plan);
    else if (isDecidedBy(batch, 'merge-order')) await planOrdersPush(trx, documents, batch.rows, context, plan);
    else throw new Error(`${collection} is written by the server alone: no device push policy`);

    const now = context.now.toISOString();
    for (const grant of plan.grants) await grantCustomerToStore(trx, grant.customerId, grant.storeId);
    for (const alias of plan.aliases) await insertCustomerAlias(trx, alias.aliasId, alias.customerId, now);
    const written = await documents.putInTransaction(trx, plan.writes, context.now);
    await insertIncidents(trx, plan.incidents, now);
    const events = written.count === 0 ? [] : changeEvents(plan, written, context.deviceId);
    if (events.length > 0) await hooks.beforeCommit?.(trx, events);
    const incidents: Record<string, number> = {};
    for (const incident of plan.incidents) incidents[incident.kind] = (incidents[incident.kind] ?? 0) + 1;
    decidedAt = performance.now();
    return { conflicts: plan.conflicts, written, events, incidents };
  });
  return { ...result, commitMs: performance.now() - decidedAt };
}

function changeEvents(plan: WritePlan, written: WrittenRange, originDeviceId: string): ChangeEvent[] {
  return [...plan.changed].map(([collection, stores]) => ({
    collection,
    storeIds: stores === null ? null : [...stores],
    fromSeq: written.firstSeq,
    toSeq: written.lastSeq,
    originDeviceId,
  }));
}
