/*
 * Pushes of customers, edited at the counter and on the server (online shop, other stores):
 *  - an edit based on the server's current version is stored as it is;
 *  - an edit based on an older version is merged field by field (mergeCustomer: base = the device's
 *    assumed master, local = its new state, master = the server's); the merge is stored with a new
 *    updatedAt and answered as the conflicting master, which the device adopts;
 *  - a NEW customer whose phone is already known in the chain (created offline a second time, or at
 *    another store) is merged into the known customer: the merge is stored under the known id, the
 *    device's id becomes an alias of it (customer_aliases) and is stored as a deleted stand-in
 *    `{...device's document, mergedIntoId, _deleted: true}`, answered as the conflict. The device adopts
 *    the stand-in (its copy disappears from lists) and pulls the known customer (visible to its store
 *    from now on, customer_stores); sales and ledger entries that reference the device's id still
 *    resolve: on the server through the alias (points move the known customer's balance, and points
 *    counted under the device's id before the merge move over), on the device through mergedIntoId.
 * A device may write customers of its own store, and edit those of other stores its store may see.
 */
import type { Transaction } from 'kysely';
import type { CustomerDocument } from '../../../src/data/schemas/types.ts';
import { sameContent } from '../../../src/domain/canonical-json.ts';
import { mergeCustomer } from '../../../src/domain/merge-customer.ts';
import { HttpError } from '../http-error.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import { findCustomersByPhone } from '../store/customers-repository.ts';
import type { StoreKind } from '../store/open-store.ts';
import { balanceId, planBalances } from './balances.ts';
import type { LedgerMovement } from './balances.ts';
import { loadCurrentDocuments } from './write-plan.ts';
import type { CurrentDocument, PushContext, PushedDocument, WritePlan } from './write-plan.ts';

export async function planCustomersPush(
  trx: Transaction<Database>,
  kind: StoreKind,
  documents: DocumentsRepository,
  pushed: readonly PushedDocument<'customers'>[],
  context: PushContext,
  plan: WritePlan,
): Promise<void> {
  const current = await loadCurrentDocuments(trx, documents, 'customers', pushed);
  const visibleElsewhere = await grantedCustomers(trx, context.storeId, [...current.values()].filter((c) => c.storeId !== context.storeId).map((c) => c.body.id));
  const now = context.now.toISOString();
  const merges: Array<{ aliasId: string; customerId: string }> = [];

  const store = (id: string, storeId: string, body: CustomerDocument, deleted: boolean): void => {
    current.set(id, { storeId, body, deleted });
    plan.write({ collection: 'customers', id, storeId, body, deleted });
  };

  for (const row of pushed) {
    const master = current.get(row.id);
    if (master === undefined) {
      if (row.deleted) continue;
      if (row.doc.storeId !== context.storeId) {
        throw new HttpError(403, 'forbidden', `body/${row.index}/newDocumentState/storeId is "${row.doc.storeId}" but this device belongs to store "${context.storeId}": a new customer's home store is the store that created it`);
      }
      const known = await knownCustomerWithPhone(trx, kind, row, current);
      if (known === undefined) {
        store(row.id, context.storeId, row.doc, false);
        continue;
      }
      const { merged } = mergeCustomer(undefined, { ...row.doc, id: known.id }, known.body);
      merged.updatedAt = now;
      store(known.id, known.storeId, merged, false);
      if (known.storeId !== context.storeId) plan.grants.push({ customerId: known.id, storeId: context.storeId });
      plan.aliases.push({ aliasId: row.id, customerId: known.id });
      merges.push({ aliasId: row.id, customerId: known.id });
      const standIn: CustomerDocument = { ...row.doc, mergedIntoId: known.id, updatedAt: now };
      store(row.id, context.storeId, standIn, true);
      plan.conflict(standIn, true);
      continue;
    }
    if (master.storeId !== context.storeId && !visibleElsewhere.has(row.id) && !plan.grants.some((g) => g.customerId === row.id)) {
      throw new HttpError(403, 'forbidden', `body/${row.index}/newDocumentState is customer "${row.id}" of another store, which this device may not change`);
    }
    if (row.doc.storeId !== master.storeId && row.doc.storeId !== context.storeId) {
      throw new HttpError(403, 'forbidden', `body/${row.index}/newDocumentState/storeId must stay "${master.storeId}" (the customer's home store)`);
    }
    if (typeof master.body.mergedIntoId === 'string' && master.deleted) {
      // An edit of a stand-in: the device has not yet adopted the merge; answer it again.
      plan.conflict(master.body, true);
      continue;
    }
    if (sameContent(row.doc, master.body) && row.deleted === master.deleted) continue;
    const upToDate = row.assumed !== undefined && sameContent(row.assumed, master.body) && row.assumedDeleted === master.deleted;
    if (upToDate) {
      const homeStore = master.body.storeId ?? row.doc.storeId;
      const stored = { ...row.doc, storeId: homeStore };
      store(row.id, master.storeId ?? context.storeId, stored, row.deleted);
      // The home store is the server's to keep: a device that changed it gets the stored version back.
      if (homeStore !== row.doc.storeId) plan.conflict(stored, row.deleted);
      continue;
    }
    const { merged } = mergeCustomer(row.assumed, row.doc, master.body);
    merged.updatedAt = now;
    store(row.id, master.storeId ?? context.storeId, merged, master.deleted);
    plan.conflict(merged, master.deleted);
  }
  await moveMergedBalances(trx, documents, merges, context.storeId, plan, context.now);
}

/**
 * Points and store credit already counted under the offline id (its sales were pushed before the
 * customer) move to the known customer: the offline id's balance goes to zero, the known one's grows.
 */
async function moveMergedBalances(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  merges: ReadonlyArray<{ aliasId: string; customerId: string }>,
  storeId: string,
  plan: WritePlan,
  now: Date,
): Promise<void> {
  if (merges.length === 0) return;
  const ids = merges.flatMap((m) => [balanceId('points', storeId, m.aliasId), balanceId('credit', storeId, m.aliasId)]);
  const stored = await documents.getMany(trx, 'balances', ids);
  const movements: LedgerMovement[] = [];
  for (const merge of merges) {
    for (const kind of ['points', 'credit'] as const) {
      const value = Number(stored.get(balanceId(kind, storeId, merge.aliasId))?.body.value ?? 0);
      if (value === 0) continue;
      movements.push({ id: `merge:${merge.aliasId}`, kind, storeId, refId: merge.aliasId, delta: -value });
      movements.push({ id: `merge:${merge.aliasId}`, kind, storeId, refId: merge.customerId, delta: value });
    }
  }
  await planBalances(trx, documents, movements, plan, now);
}

async function knownCustomerWithPhone(
  trx: Transaction<Database>,
  kind: StoreKind,
  row: PushedDocument<'customers'>,
  current: Map<string, CurrentDocument<'customers'>>,
): Promise<{ id: string; storeId: string; body: CustomerDocument } | undefined> {
  const phone = typeof row.doc.phone === 'string' ? row.doc.phone.trim() : '';
  if (phone === '') return undefined;
  // A customer created earlier in this same batch counts too.
  for (const [id, doc] of current) {
    if (id !== row.id && !doc.deleted && doc.body.phone === phone && doc.storeId !== null) return { id, storeId: doc.storeId, body: doc.body };
  }
  const found = (await findCustomersByPhone(trx, kind, phone)).find((c) => c.id !== row.id && c.storeId !== null);
  if (found === undefined) return undefined;
  const latest = current.get(found.id);
  return { id: found.id, storeId: found.storeId as string, body: latest?.body ?? found.body };
}

async function grantedCustomers(trx: Transaction<Database>, storeId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await trx
    .selectFrom('customer_stores')
    .select('customer_id')
    .where('store_id', '=', storeId)
    .where('customer_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.customer_id));
}
