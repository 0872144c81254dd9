/*
 * Bank-QR payments and bank notices on the server side (migration 0009):
 *   payment_waits  one row per `payments` document, with the transfer note it expects (as its comparison
 *                  key) and its amount, indexed by (state, amount): a bank notice looks up the waiting
 *                  payments of its exact amount without reading any document
 *   bank_notices   every transfer a notifier told of, by "<provider>:<transaction id>" (a retried notice is
 *                  recognised), matched to a payment or kept 'unmatched' for reconciliation; matched and
 *                  reconciled notices are deleted after the retention (pruneFinishedBankNotices, run by
 *                  integrations/retention-pruning.ts): the confirmed payment document keeps the transfer, the
 *                  handled incident what the manager saw
 * The `payments` documents themselves live with the other documents (documents-repository.ts) and stream to
 * their store's tablets.
 */
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database-types.ts';

export interface PaymentWait {
  paymentId: string;
  storeId: string;
  referenceKey: string;
  amount: number;
}

export interface BankNoticeRecord {
  id: string;
  provider: string;
  amount: number;
  note: string;
  accountNumber: string | undefined;
  body: string;
  receivedAt: string;
}

export async function insertPaymentWait(trx: Transaction<Database>, wait: PaymentWait, createdAt: string): Promise<void> {
  await trx
    .insertInto('payment_waits')
    .values({ payment_id: wait.paymentId, store_id: wait.storeId, reference: wait.referenceKey, amount: wait.amount, state: 'waiting', created_at: createdAt })
    .execute();
}

export async function waitingPaymentsOfAmount(trx: Transaction<Database>, amount: number): Promise<PaymentWait[]> {
  const rows = await trx.selectFrom('payment_waits').selectAll().where('state', '=', 'waiting').where('amount', '=', amount).execute();
  return rows.map((row) => ({ paymentId: row.payment_id, storeId: row.store_id, referenceKey: row.reference, amount: Number(row.amount) }));
}

export async function setPaymentWaitState(trx: Transaction<Database>, paymentId: string, state: 'confirmed' | 'cancelled'): Promise<void> {
  await trx.updateTable('payment_waits').set({ state }).where('payment_id', '=', paymentId).execute();
}

/** Keeps a notice; 'duplicate' when this provider's transaction was told before. */
export async function insertBankNotice(trx: Transaction<Database>, notice: BankNoticeRecord): Promise<'kept' | 'duplicate'> {
  const result = await trx
    .insertInto('bank_notices')
    .values({
      id: notice.id,
      provider: notice.provider,
      store_id: null,
      payment_id: null,
      amount: notice.amount,
      note: notice.note,
      account_number: notice.accountNumber ?? null,
      state: 'unmatched',
      body: notice.body,
      received_at: notice.receivedAt,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1 ? 'kept' : 'duplicate';
}

export async function markNoticeMatched(trx: Transaction<Database>, noticeId: string, storeId: string, paymentId: string): Promise<void> {
  await trx.updateTable('bank_notices').set({ state: 'matched', store_id: storeId, payment_id: paymentId }).where('id', '=', noticeId).execute();
}

export async function setNoticeStore(trx: Transaction<Database>, noticeId: string, storeId: string): Promise<void> {
  await trx.updateTable('bank_notices').set({ store_id: storeId }).where('id', '=', noticeId).execute();
}

/** Unmatched notices of an amount since a time (a payment registered after its transfer arrived). */
export async function unmatchedNoticesOfAmount(trx: Transaction<Database>, amount: number, since: string): Promise<BankNoticeRecord[]> {
  const rows = await trx.selectFrom('bank_notices').selectAll().where('state', '=', 'unmatched').where('amount', '=', amount).where('received_at', '>=', since).orderBy('received_at').execute();
  return rows.map((row) => ({ id: row.id, provider: row.provider, amount: Number(row.amount), note: row.note, accountNumber: row.account_number ?? undefined, body: row.body, receivedAt: row.received_at }));
}

export async function countBankNotices(db: Kysely<Database>, state?: 'matched' | 'unmatched'): Promise<number> {
  let q = db.selectFrom('bank_notices').select((eb) => eb.fn.countAll<number>().as('n'));
  if (state !== undefined) q = q.where('state', '=', state);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * Deletes up to `limit` finished notices that arrived before `before`, oldest first; how many. Finished: matched
 * to a payment, or unmatched and reconciled, that is reported as 'bank-notice-unmatched' and every such incident
 * handled by a manager before `before` as well (routes/incidents.ts). An unmatched notice no incident names (no
 * store has its account) or with an incident still to handle stays. Indexes of migration 0020; the incident kind
 * is a literal, as the partial index says it, for SQLite to use it.
 */
export async function pruneFinishedBankNotices(db: Kysely<Database>, before: Date, limit: number): Promise<number> {
  let deleted = 0;
  for (const finished of finishedBankNoticesBefore(db, before, limit)) {
    const ids = (await finished.execute()).map((row) => row.id);
    if (ids.length === 0) continue;
    const result = await db.deleteFrom('bank_notices').where('id', 'in', ids).executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}

/** The two reads of pruneFinishedBankNotices, matched then reconciled notices (a test reads their plans). */
export function finishedBankNoticesBefore(db: Kysely<Database>, before: Date, limit: number) {
  const cutoff = before.toISOString();
  const unmatched = sql.lit('bank-notice-unmatched');
  const matched = db.selectFrom('bank_notices').select(['id', 'received_at']).where('state', '=', 'matched').where('received_at', '<', cutoff).orderBy('received_at').limit(limit);
  const reconciled = db
    .selectFrom('bank_notices as n')
    .select(['n.id', 'n.received_at'])
    .where('n.state', '=', 'unmatched')
    .where('n.received_at', '<', cutoff)
    .where(({ exists, selectFrom }) => exists(selectFrom('incidents as i').select('i.id').whereRef('i.document_id', '=', 'n.id').where('i.kind', '=', unmatched).where('i.handled_at', '<', cutoff)))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('incidents as i').select('i.id').whereRef('i.document_id', '=', 'n.id').where('i.kind', '=', unmatched).where('i.handled_at', 'is', null))))
    .orderBy('n.received_at')
    .limit(limit);
  return [matched, reconciled] as const;
}
