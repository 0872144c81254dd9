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
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database-types.ts';

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

export interface IncidentRecord extends NewIncident {
  id: string;
  createdAt: string;
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
  query: { storeId: string; kind?: string | undefined; limit: number },
): Promise<IncidentRecord[]> {
  let q = db.selectFrom('incidents').selectAll().where('store_id', '=', query.storeId);
  if (query.kind !== undefined) q = q.where('kind', '=', query.kind);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(query.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    storeId: row.store_id,
    kind: row.kind as IncidentKind,
    collection: row.collection,
    documentId: row.document_id,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    createdAt: row.created_at,
  }));
}
