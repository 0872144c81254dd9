/*
 * Pushes of customers, edited at the counter and on the server (online shop). A store's customers are its
 * own to change: the rule is decideCustomerPush (src/domain/merge-customer.ts), carried out here.
 *  - A device changes or deletes only customers of its own store. Another store's customer that its
 *    tablets hold (she shops or collects an order there) is theirs to use on a sale, not to edit: such a
 *    row is refused with 403 naming the customer and her home store, and the whole push with it (the tablet
 *    sets the row aside in its quarantine and the rest flows on). Sent back unchanged it changes nothing.
 *  - An edit of its own customer based on the server's current version is stored as it is; one based on
 *    an older version is merged field by field (mergeCustomer), stored with a new updatedAt and answered as
 *    the conflicting master, which the device adopts.
 *  - A NEW customer whose phone number (national form: +84 and 0 are one number) is already a live customer
 *    of the SAME store (created offline a second time) is merged into it: the merge is stored under the
 *    known id, the device's id becomes an alias of it (customer_aliases) and is stored as a deleted stand-in
 *    `{...device's document, mergedIntoId, _deleted: true}`, answered as the conflict. Sales and ledger
 *    entries that reference the device's id still resolve: on the server through the alias (points counted
 *    under the device's id before the merge move over), on the device through mergedIntoId.
 *  - A NEW customer whose number belongs only to customers of OTHER stores (or the online shop) is stored
 *    as the pushing store's own and answered like any new customer, so a push never tells a tablet who is
 *    a customer elsewhere; its manager sees a 'customer-duplicate' incident (how many, never who). The
 *    other records are not read into the answer, not written, not granted to the pushing store.
 */
import type { Transaction } from 'kysely';
import type { CustomerDocument } from '../../../src/data/schemas/types.ts';
import { decideCustomerPush } from '../../../src/domain/merge-customer.ts';
import type { CustomerPushRefusal, HeldCustomer } from '../../../src/domain/merge-customer.ts';
import { normaliseVietnamPhone, phoneForms } from '../../../src/domain/phone-number.ts';
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
  const visibleElsewhere = await grantedCustomers(trx, context.storeId, [...current.entries()].filter(([, c]) => c.storeId !== context.storeId).map(([id]) => id));
  const now = context.now.toISOString();
  const merges: Array<{ aliasId: string; customerId: string }> = [];

  for (const row of pushed) {
    const found = current.get(row.id);
    const master = found === undefined ? undefined : { id: row.id, ...found };
    const decision = decideCustomerPush(
      { id: row.id, doc: row.doc, deleted: row.deleted, assumed: row.assumed, assumedDeleted: row.assumedDeleted },
      {
        storeId: context.storeId,
        now,
        master,
        masterVisible: master !== undefined && (master.storeId === context.storeId || visibleElsewhere.has(row.id)),
        samePhone: master === undefined && !row.deleted ? await customersWithPhone(trx, kind, row, current) : [],
      },
    );
    switch (decision.kind) {
      case 'nothing':
        continue;
      case 'refuse':
        throw new HttpError(403, 'forbidden', refusal(row, decision.why, decision.homeStoreId, context.storeId));
      case 'answer':
        plan.conflict(decision.answer.body, decision.answer.deleted);
        continue;
      case 'write':
        for (const write of decision.writes) {
          current.set(write.id, { storeId: write.storeId, body: write.body, deleted: write.deleted });
          plan.write({ collection: 'customers', ...write });
        }
        if (decision.answer !== undefined) plan.conflict(decision.answer.body, decision.answer.deleted);
        if (decision.mergedInto !== undefined) {
          plan.aliases.push({ aliasId: row.id, customerId: decision.mergedInto });
          merges.push({ aliasId: row.id, customerId: decision.mergedInto });
        }
        if (decision.possibleDuplicates > 0) {
          plan.incidents.push({
            storeId: context.storeId,
            kind: 'customer-duplicate',
            collection: 'customers',
            documentId: row.id,
            detail: {
              match: 'phone',
              otherCustomers: decision.possibleDuplicates,
              why: 'the same phone number is a customer of another store or of the online shop: both are kept, each changed only by its own store',
            },
          });
        }
    }
  }
  await moveMergedBalances(trx, documents, merges, context.storeId, plan, context.now);
}

/** The 403 message of a refused row: what was refused, whose customer it is, and what the device may do. */
function refusal(row: PushedDocument<'customers'>, why: CustomerPushRefusal, homeStoreId: string | null, storeId: string): string {
  const path = `body/${row.index}/newDocumentState`;
  switch (why) {
    case 'new-for-another-store':
      return `${path}/storeId is "${row.doc.storeId}" but this device belongs to store "${storeId}": a new customer's home store is the store that created it`;
    case 'home-store-moved':
      return `${path}/storeId must stay "${storeId}": a customer's home store is the store that created it`;
    case 'another-store': {
      const owner = homeStoreId === null ? 'the online shop (no home store)' : `store "${homeStoreId}"`;
      return `${path}: customer "${row.id}" belongs to ${owner}; only that store's devices may change or delete it (this device may name the customer on its sales, or create a customer of its own store)`;
    }
  }
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

/**
 * The live customers with the pushed customer's phone number (national form), other than itself: those
 * written earlier in this batch, and those stored under any way of writing the number (phoneForms).
 */
async function customersWithPhone(
  trx: Transaction<Database>,
  kind: StoreKind,
  row: PushedDocument<'customers'>,
  current: Map<string, CurrentDocument<'customers'>>,
): Promise<Array<HeldCustomer<CustomerDocument>>> {
  const national = normaliseVietnamPhone(row.doc.phone);
  if (national === '') return [];
  const same = new Map<string, HeldCustomer<CustomerDocument>>();
  for (const found of await findCustomersByPhone(trx, kind, phoneForms(national))) {
    if (found.id !== row.id) same.set(found.id, { ...found, deleted: false });
  }
  // This batch's writes are newer than what is stored: a customer created, merged or deleted earlier in it.
  for (const [id, doc] of current) {
    if (id === row.id) continue;
    if (normaliseVietnamPhone(doc.body.phone) === national) same.set(id, { id, ...doc });
    else same.delete(id);
  }
  return [...same.values()];
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
