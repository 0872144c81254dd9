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
 * Whatever the policy decided, a document this push writes is also flagged for the manager (an incident,
 * once per document and kind) when push-rows.ts masked a card number in it ('card-number-masked', naming
 * the paths, never the digits), or when its createdAt lies more than a day after the server's clock or, for
 * the facts of a store (sales, ledger, shifts, audit), more than a day before the store existed
 * ('implausible-date'): stored, because the till's record of what happened must not be lost, but looked at.
 * The sales and shift closes a push inserts are added to the dashboard's running sums in the same transaction
 * (dashboard/record-dashboard-figures.ts), so the sums never drift from the documents.
 */
import type { Transaction } from 'kysely';
import { collectionPolicies, type CollectionName, type CollectionPolicy } from '../../../src/data/schemas/index.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository, DocumentWrite, WrittenRange } from '../store/documents-repository.ts';
import { grantCustomerToStore, insertCustomerAlias } from '../store/customers-repository.ts';
import { insertIncidents } from '../store/incidents-repository.ts';
import type { NewIncident } from '../store/incidents-repository.ts';
import { enqueueNotices } from '../store/outbox-repository.ts';
import { findStoreRecord } from '../store/stores-repository.ts';
import type { Store } from '../store/open-store.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';
import { isDuplicateLedgerEntry } from '../store/narrow-tables.ts';
import { planAppendOnlyPush } from './append-only-policy.ts';
import type { DerivedLedger } from './append-only-policy.ts';
import type { ChangeEvent } from '../live/change-bus.ts';
import { planCustomersPush } from './customers-policy.ts';
import { planOrdersPush } from './orders-policy.ts';
import { WritePlan } from './write-plan.ts';
import { recordDashboardFigures } from '../dashboard/record-dashboard-figures.ts';
import type { CollectionsDecidedBy, PushContext, PushedBatch } from './write-plan.ts';
import type { CheckedPush } from './push-rows.ts';

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
  checked: CheckedPush,
  context: PushContext,
  hooks: PushHooks = {},
): Promise<PushResult> {
  try {
    return await pushBatchOnce(store, documents, checked, context, hooks, 'assume-new');
  } catch (error) {
    if (!isDuplicateLedgerEntry(store.kind, error)) throw error;
    return pushBatchOnce(store, documents, checked, context, hooks, 'look-up');
  }
}

/** Whether the policy table gives this batch's collection to conflict policy `conflicts` (and so its documents' type). */
function isDecidedBy<P extends CollectionPolicy['conflicts']>(batch: PushedBatch<CollectionName>, conflicts: P): batch is PushedBatch<CollectionsDecidedBy<P>> {
  return collectionPolicies[batch.collection].conflicts === conflicts;
}

async function pushBatchOnce(
  store: Store,
  documents: DocumentsRepository,
  checked: CheckedPush,
  context: PushContext,
  hooks: PushHooks,
  derivedLedger: DerivedLedger,
): Promise<PushResult> {
  const { batch } = checked;
  let decidedAt = 0;
  const result = await store.db.transaction().execute(async (trx) => {
    await lockSequenceCounter(trx);
    const plan = new WritePlan();
    const { collection } = batch;
    if (isDecidedBy(batch, 'append-only')) await planAppendOnlyPush(trx, documents, batch, context, plan, derivedLedger);
    else if (isDecidedBy(batch, 'merge-fields')) await planCustomersPush(trx, store.kind, documents, batch.rows, context, plan);
    else if (isDecidedBy(batch, 'merge-order')) await planOrdersPush(trx, documents, batch.rows, context, plan);
    else throw new Error(`${collection} is written by the server alone: no device push policy`);
    plan.incidents.push(...(await flagsForTheManager(trx, checked, plan.writes, context)));

    const now = context.now.toISOString();
    for (const grant of plan.grants) await grantCustomerToStore(trx, grant.customerId, grant.storeId);
    for (const alias of plan.aliases) await insertCustomerAlias(trx, alias.aliasId, alias.customerId, now);
    const written = await documents.putInTransaction(trx, plan.writes, context.now);
    await recordDashboardFigures(trx, store.kind, context.storeId, batch, plan.writes);
    await insertIncidents(trx, plan.incidents, now);
    await enqueueNotices(trx, plan.notices, now);
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

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The card-number and date incidents of the documents this push writes (see the top of this file), without
 * those already recorded for the same document (a customer edited and pushed again).
 */
async function flagsForTheManager(
  trx: Transaction<Database>,
  { batch, masked }: CheckedPush,
  writes: readonly DocumentWrite[],
  context: PushContext,
): Promise<NewIncident[]> {
  const written = new Set(writes.filter((write) => write.collection === batch.collection).map((write) => write.id));
  const rows: ReadonlyArray<PushedBatch['rows'][number]> = batch.rows;
  const byIndex = new Map(rows.map((row) => [row.index, row]));
  const numberOf = (doc: object): { number?: string } => ('number' in doc && typeof doc.number === 'string' ? { number: doc.number } : {});
  const flags: NewIncident[] = [];
  const flag = (kind: NewIncident['kind'], documentId: string, detail: Record<string, unknown>): void => {
    flags.push({ storeId: context.storeId, kind, collection: batch.collection, documentId, detail });
  };
  for (const row of masked) {
    const doc = byIndex.get(row.index)?.doc;
    if (doc !== undefined && written.has(row.id)) flag('card-number-masked', row.id, { ...numberOf(doc), paths: row.paths });
  }
  const factsOfTheStore = collectionPolicies[batch.collection].conflicts === 'append-only';
  const now = context.now.getTime();
  let storeCreatedAt: string | undefined;
  for (const row of rows) {
    const createdAt = 'createdAt' in row.doc ? row.doc.createdAt : undefined;
    const at = typeof createdAt === 'string' ? Date.parse(createdAt) : Number.NaN;
    if (row.deleted || !written.has(row.id) || Number.isNaN(at)) continue;
    if (at > now + DAY_MS) {
      flag('implausible-date', row.id, { ...numberOf(row.doc), path: 'createdAt', value: createdAt, why: 'future', serverTime: context.now.toISOString() });
    } else if (factsOfTheStore && at < now - DAY_MS) {
      // The store's creation is read only for a document more than a day old: it cannot be later than now.
      storeCreatedAt ??= (await findStoreRecord(trx, context.storeId))?.createdAt ?? '';
      const opened = Date.parse(storeCreatedAt);
      if (at < opened - DAY_MS) flag('implausible-date', row.id, { ...numberOf(row.doc), path: 'createdAt', value: createdAt, why: 'before-store', storeCreatedAt });
    }
  }
  if (flags.length === 0) return flags;
  const known = await trx
    .selectFrom('incidents')
    .select(['kind', 'document_id'])
    .where('store_id', '=', context.storeId)
    .where('kind', 'in', [...new Set(flags.map((f) => f.kind))])
    .where('document_id', 'in', [...new Set(flags.map((f) => f.documentId))])
    .execute();
  const seen = new Set(known.map((row) => `${row.kind}|${row.document_id}`));
  const fresh: NewIncident[] = [];
  for (const f of flags) {
    const key = `${f.kind}|${f.documentId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(f);
  }
  return fresh;
}
