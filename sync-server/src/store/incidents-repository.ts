/*
 * Incidents: what the server noticed while accepting a device's documents and a manager must look at
 * (incidents table). They are written in the same transaction as the documents that caused them, so an
 * incident exists exactly when its cause was stored, and a retried push records nothing twice.
 *   append-only-conflict  a sale, ledger entry, shift event or audit entry re-pushed with other content
 *   sale-mismatch         a sale whose amounts do not add up when the server recomputes them
 *   balance-overdraft     points, a gift card or store credit went below zero (redeemed offline)
 *   order-flag            a pickup handover met a cancellation (or repeated, or came before ready)
 *   card-number-masked    a pushed document's text held a card number, masked before it was stored (paths only)
 *   implausible-date      a pushed document's createdAt is over a day ahead of the server, or before its store existed
 *   customer-duplicate    a new customer's phone number is already a customer of another store (kept as two)
 *   customer-lookup       a device of the store looked a phone number up chain-wide (who looked, whose records were shown)
 *   order-unknown-product a platform order has lines whose SKU or barcode is no product of the catalog (kept, named)
 *   outbox-failing        a notice back to an order's shop platform keeps failing (still retried)
 *   bank-notice-unmatched a bank transfer the bank told of matches no waiting bank-QR payment (reconcile it)
 *   return-excess         a return took back more than was bought less what came back in any store (kept; the excess is worth nothing)
 *   return-rules          a return after the store's window, of an item that never comes back, or with stock not as its lines say
 *   pickup-payment        a sale paying an online order at the pickup counter did not pay it (already paid, short, ...; kept)
 * A manager marks one handled (markIncidentHandled, migration 0019): who, when and a note; the incident itself
 * is never changed or deleted otherwise.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, IncidentsTable } from './database-types.ts';

export type IncidentKind =
  | 'append-only-conflict'
  | 'sale-mismatch'
  | 'balance-overdraft'
  | 'order-flag'
  | 'card-number-masked'
  | 'implausible-date'
  /** A permission-bound document without a valid approval proof (policies/approval-proofs.ts). */
  | 'unproven-approval'
  | 'customer-duplicate'
  | 'customer-lookup'
  | 'order-unknown-product'
  | 'outbox-failing'
  | 'bank-notice-unmatched'
  | 'return-excess'
  | 'return-rules'
  | 'pickup-payment';

export interface NewIncident {
  storeId: string;
  kind: IncidentKind;
  collection: string;
  documentId: string;
  detail: Record<string, unknown>;
}

/** Who marked an incident handled, when, and what they noted (absent while it still needs a look). */
export interface IncidentHandled {
  at: string;
  by: string;
  byName: string;
  note?: string;
}

export interface IncidentRecord extends NewIncident {
  id: string;
  createdAt: string;
  handled?: IncidentHandled;
}

const ROWS_PER_STATEMENT = 1000;

export async function insertIncidents(trx: Transaction<Database>, incidents: readonly NewIncident[], now: string): Promise<void> {
  const rows = incidents.map((incident) => ({
    id: randomUUID(),
    store_id: incident.storeId,
    kind: incident.kind,
    collection: incident.collection,
    document_id: incident.documentId,
    detail: JSON.stringify(incident.detail),
    created_at: now,
  }));
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await trx.insertInto('incidents').values(rows.slice(start, start + ROWS_PER_STATEMENT)).execute();
  }
}

export async function listIncidents(
  db: Kysely<Database>,
  query: { storeId: string; kind?: string | undefined; handled?: boolean | undefined; limit: number },
): Promise<IncidentRecord[]> {
  let q = db.selectFrom('incidents').selectAll().where('store_id', '=', query.storeId);
  if (query.kind !== undefined) q = q.where('kind', '=', query.kind);
  if (query.handled !== undefined) q = q.where('handled_at', query.handled ? 'is not' : 'is', null);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(query.limit).execute();
  return rows.map(recordOf);
}

type IncidentRow = Selectable<IncidentsTable>;

function recordOf(row: IncidentRow): IncidentRecord {
  return {
    id: row.id,
    storeId: row.store_id,
    kind: row.kind as IncidentKind,
    collection: row.collection,
    documentId: row.document_id,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    createdAt: row.created_at,
    ...(row.handled_at === null ? {} : { handled: handledOf(row.handled_at, row) }),
  };
}

function handledOf(at: string, row: IncidentRow): IncidentHandled {
  return { at, by: row.handled_by ?? '', byName: row.handled_by_name ?? '', ...(row.handled_note === null ? {} : { note: row.handled_note }) };
}

export type MarkHandledOutcome =
  | { kind: 'marked'; incident: IncidentRecord }
  | { kind: 'unknown' }
  | { kind: 'other-store' }
  | { kind: 'already-handled'; handled: IncidentHandled };

/**
 * Marks the store's incident handled, once: a second mark (two managers at once) finds it handled and
 * changes nothing, because the update only takes a row still unhandled.
 */
export async function markIncidentHandled(
  trx: Transaction<Database>,
  mark: { id: string; storeId: string; staffId: string; staffName: string; note?: string | undefined; now: string },
): Promise<MarkHandledOutcome> {
  const row = await trx.selectFrom('incidents').selectAll().where('id', '=', mark.id).executeTakeFirst();
  if (row === undefined) return { kind: 'unknown' };
  if (row.store_id !== mark.storeId) return { kind: 'other-store' };
  if (row.handled_at !== null) return { kind: 'already-handled', handled: handledOf(row.handled_at, row) };
  const updated = await trx
    .updateTable('incidents')
    .set({ handled_at: mark.now, handled_by: mark.staffId, handled_by_name: mark.staffName, handled_note: mark.note ?? null })
    .where('id', '=', mark.id)
    .where('handled_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (updated === undefined) {
    const now = await trx.selectFrom('incidents').selectAll().where('id', '=', mark.id).executeTakeFirstOrThrow();
    return { kind: 'already-handled', handled: handledOf(now.handled_at ?? mark.now, now) };
  }
  return { kind: 'marked', incident: recordOf(updated) };
}
