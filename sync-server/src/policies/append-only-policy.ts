/*
 * Pushes of facts (sales, ledger entries, shift events, audit entries): idempotent by id through
 * decideAppendOnly. A new id is stored; the same document again changes nothing (a retry); the same id
 * with other content keeps the first version, answers it as the conflicting master and records an
 * 'append-only-conflict' incident (once per distinct pushed content, so a retrying device does not flood
 * the manager's list).
 *
 * A newly stored sale also brings its effects, in the same transaction:
 *   - its embedded `stock` entries become ledger documents with the same ids (idempotent the same way,
 *     so a device that also pushes them, or a sale re-pushed, changes no balance twice; push-batch.ts
 *     first writes them as new without looking them up, and decides again with lookups if one exists):
 *     {id, kind, storeId, deviceId, refId, delta, reason, sourceId: sale id, createdAt: sale createdAt};
 *   - its gift-card, store-credit and points movements as the SERVER derives them from the sale (or, for a
 *     reversal or a return, from its purchase in any store), never as embedded (sale-money.ts, issue 12
 *     finding 2, issue 16): an embedded money entry that does not follow is kept in the sale, applied to
 *     nothing and flagged; a return's excess, broken rules and missing approvals are flagged too
 *     (sale-returns.ts);
 *   - the balances those entries move (balances.ts);
 *   - a 'sale-mismatch' incident when the server's recomputation (checkSale) disagrees, or the embedded
 *     money entries do (detail.ledger: which entry and why);
 *   - a customer of another store (found through the chain search) who buys here becomes visible to
 *     this store (customer_stores) and is written again with a new seq so the store's devices pull it;
 *   - an online order the sale pays at the pickup counter (pickupOrderId) is marked paid, or the sale flagged
 *     (pickup-payment-policy.ts).
 * A newly stored stock entry pushed on its own moves its balance too; a money entry pushed on its own is
 * refused with 403 (money moves only through the sale or return that causes it).
 * Newly stored sales and audit entries are first checked against the store's current staff and
 * permission table (role-check.ts): a permission-bound action nobody named may take refuses the whole push
 * with 403; a sale by someone the store does not know is kept and flagged in its 'sale-mismatch' incident;
 * a permission-bound document without a valid approval proof is kept and flagged 'unproven-approval'.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { CollectionDocuments, LedgerEntryDocument, SaleDocument } from '../../../src/data/schemas/types.ts';
import { decideAppendOnly } from '../../../src/domain/append-only.ts';
import { canonicalJson } from '../../../src/domain/canonical-json.ts';
import { checkSale } from '../../../src/domain/sale-check.ts';
import { resolveCustomerAliases } from '../store/customers-repository.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import type { NewIncident } from '../store/incidents-repository.ts';
import { HttpError } from '../http-error.ts';
import { isMoneyKind } from '../../../src/domain/sale-ledger.ts';
import { planBalances } from './balances.ts';
import { planPickupPayments } from './pickup-payment-policy.ts';
import { deriveSaleMoney } from './sale-money.ts';
import type { SaleMoney } from './sale-money.ts';
import type { LedgerMovement } from './balances.ts';
import { describeRefusal, directoryFromConfig, judgeActors } from './role-check.ts';
import { unprovenApprovals } from './approval-proofs.ts';
import type { ProofCase, ProvableDocument } from './approval-proofs.ts';
import type { SaleMismatch } from '../../../src/domain/sale-check.ts';
import type { CollectionsDecidedBy, PushContext, PushedBatch, PushedDocument, WritePlan } from './write-plan.ts';

/** The collections of facts: sales, ledger entries, shift events, audit entries. */
export type FactCollection = CollectionsDecidedBy<'append-only'>;

/** A movement a new sale embeds; stored as a ledger document with the same id. */
type EmbeddedLedgerEntry = NonNullable<SaleDocument['ledger']>[number];

/**
 * How the ledger entries a new sale embeds are decided: looked up like any pushed fact, or taken as new
 * (their insert then fails on the key if one is stored, and the caller decides again with 'look-up').
 */
export type DerivedLedger = 'look-up' | 'assume-new';

export async function planAppendOnlyPush(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  batch: PushedBatch<FactCollection>,
  context: PushContext,
  plan: WritePlan,
  derivedLedger: DerivedLedger = 'look-up',
): Promise<void> {
  const movements: LedgerMovement[] = [];
  switch (batch.collection) {
    case 'sales': {
      const inserted = await planFacts(trx, documents, 'sales', docsOf(batch.rows), context.storeId, plan, true);
      const staffMismatches = await checkActors(trx, documents, 'sales', inserted, batch.rows, context.storeId, plan);
      const money = await deriveSaleMoney(trx, documents, inserted, context.storeId, plan);
      const derived: LedgerEntryDocument[] = [];
      for (const sale of inserted) {
        const saleMoney = money.get(sale.id);
        checkPushedSale(sale, plan, staffMismatches.get(sale.id) ?? [], saleMoney);
        // Stock is what happened at the counter: taken as the device says. Money only as derived.
        for (const entry of sale.ledger ?? []) if (!isMoneyKind(entry.kind)) derived.push(ledgerDocument(sale, entry));
        derived.push(...(saleMoney?.documents ?? []));
      }
      // A return at another store gives back where the purchase's money was spent: those entries are that store's.
      for (const [store, entries] of byStore(derived)) {
        const ledgerInserted = await planFacts(trx, documents, 'ledger', entries, store, plan, false, derivedLedger === 'look-up');
        movements.push(...ledgerInserted.map(toMovement));
      }
      await planShoppingCustomers(trx, documents, inserted, context.storeId, plan);
      await planPickupPayments(trx, documents, inserted, context, plan);
      break;
    }
    case 'audit': {
      const inserted = await planFacts(trx, documents, 'audit', docsOf(batch.rows), context.storeId, plan, true);
      await checkActors(trx, documents, 'audit', inserted, batch.rows, context.storeId, plan);
      break;
    }
    case 'ledger': {
      refuseBareMoney(batch.rows);
      const inserted = await planFacts(trx, documents, 'ledger', docsOf(batch.rows), context.storeId, plan, true);
      movements.push(...inserted.map(toMovement));
      break;
    }
    case 'shifts': {
      // Facts with no effect beyond themselves, but a close or a no-sale opening may claim an approval.
      const inserted = await planFacts(trx, documents, 'shifts', docsOf(batch.rows), context.storeId, plan, true);
      await checkActors(trx, documents, 'shifts', inserted, batch.rows, context.storeId, plan);
      break;
    }
  }
  await planBalances(trx, documents, movements, plan, context.now);
}

function docsOf<C extends FactCollection>(rows: readonly PushedDocument<C>[]): CollectionDocuments[C][] {
  return rows.map((row) => row.doc);
}

/** Decides each fact against what is stored (and earlier in this batch); returns the ones to insert. */
async function planFacts<C extends FactCollection>(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  collection: C,
  docs: readonly CollectionDocuments[C][],
  storeId: string,
  plan: WritePlan,
  answerConflicts: boolean,
  lookUp = true,
): Promise<CollectionDocuments[C][]> {
  if (docs.length === 0) return [];
  // Without the look-up, only the batch's own repeats are decided here; a stored one fails the insert.
  const known = new Map<string, CollectionDocuments[C]>();
  if (lookUp) for (const [id, document] of await documents.getMany(trx, collection, docs.map((d) => d.id))) known.set(id, document.body);
  const inserted: CollectionDocuments[C][] = [];
  const conflicts: NewIncident[] = [];
  for (const doc of docs) {
    const id = doc.id;
    const prior = known.get(id);
    const decision = decideAppendOnly(prior, doc);
    if (decision.kind === 'insert') {
      known.set(id, doc);
      inserted.push(doc);
      plan.write({ collection, id, storeId, body: doc, isNew: true });
    } else if (decision.kind === 'conflict' && prior !== undefined) {
      if (answerConflicts) plan.conflict(prior, false);
      const pushedHash = createHash('sha256').update(canonicalJson(doc)).digest('hex');
      conflicts.push({ storeId, kind: 'append-only-conflict', collection, documentId: id, detail: { pushedHash, kept: prior, pushed: doc } });
    }
  }
  plan.incidents.push(...(await withoutKnownConflicts(trx, storeId, conflicts)));
  return inserted;
}

/** Drops conflicts already recorded with the same pushed content (a device retrying the same push). */
async function withoutKnownConflicts(trx: Transaction<Database>, storeId: string, conflicts: NewIncident[]): Promise<NewIncident[]> {
  if (conflicts.length === 0) return conflicts;
  const rows = await trx
    .selectFrom('incidents')
    .select(['document_id', 'detail'])
    .where('store_id', '=', storeId)
    .where('kind', '=', 'append-only-conflict')
    .where('document_id', 'in', [...new Set(conflicts.map((c) => c.documentId))])
    .execute();
  const seen = new Set(rows.map((row) => `${row.document_id}|${(JSON.parse(row.detail) as { pushedHash?: string }).pushedHash}`));
  return conflicts.filter((c) => {
    const key = `${c.documentId}|${String(c.detail['pushedHash'])}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Customers of other stores buying here become visible here (a customer merged into another id resolves). */
async function planShoppingCustomers(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  sales: readonly SaleDocument[],
  storeId: string,
  plan: WritePlan,
): Promise<void> {
  const ids = [...new Set(sales.map((sale) => sale.customerId).filter((id): id is string => typeof id === 'string'))];
  if (ids.length === 0) return;
  const aliases = await resolveCustomerAliases(trx, ids);
  const customers = await documents.getMany(trx, 'customers', ids.map((id) => aliases.get(id) ?? id));
  const foreign = [...customers.values()].filter((c) => c.storeId !== null && c.storeId !== storeId && !c.deleted);
  if (foreign.length === 0) return;
  const granted = await trx
    .selectFrom('customer_stores')
    .select('customer_id')
    .where('store_id', '=', storeId)
    .where('customer_id', 'in', foreign.map((c) => c.id))
    .execute();
  const known = new Set(granted.map((g) => g.customer_id));
  for (const customer of foreign) {
    if (known.has(customer.id)) continue;
    plan.grants.push({ customerId: customer.id, storeId });
    plan.write({ collection: 'customers', id: customer.id, storeId: customer.storeId, body: customer.body, deleted: customer.deleted });
  }
}

/**
 * Checks the people named by newly stored sales and audit entries (role-check.ts). Throws 403 for the first
 * forged one, which rolls the whole push back; returns the staff mismatches to flag per sale id, and adds an
 * 'unproven-approval' incident for each permission-bound document without a valid proof (approval-proofs.ts).
 */
async function checkActors(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  collection: 'sales' | 'audit' | 'shifts',
  inserted: readonly ProvableDocument[],
  pushed: readonly Pick<PushedDocument, 'id' | 'index'>[],
  storeId: string,
  plan: WritePlan,
): Promise<Map<string, SaleMismatch[]>> {
  const flagged = new Map<string, SaleMismatch[]>();
  if (inserted.length === 0) return flagged;
  const config = (await documents.getMany(trx, 'config', [storeId])).get(storeId);
  const directory = directoryFromConfig(storeId, config?.deleted === false ? config.body : undefined);
  const proofs: ProofCase[] = [];
  for (const doc of inserted) {
    const verdict = judgeActors(collection, doc, directory);
    if (verdict.kind === 'forbidden') {
      const index = pushed.find((p) => p.id === doc.id)?.index ?? 0;
      throw new HttpError(403, 'permission_missing', describeRefusal(collection, index, doc, verdict));
    }
    if (verdict.kind === 'flag') flagged.set(doc.id, verdict.mismatches);
    if (verdict.proof !== undefined) proofs.push({ collection, doc, needed: verdict.proof });
  }
  plan.incidents.push(...(await unprovenApprovals(trx, storeId, proofs)));
  return flagged;
}

function checkPushedSale(sale: SaleDocument, plan: WritePlan, staffMismatches: readonly SaleMismatch[], money: SaleMoney | undefined): void {
  const result = checkSale(sale);
  const refused = money?.refused ?? [];
  const problems = money?.problems ?? [];
  if (result.ok && staffMismatches.length === 0 && refused.length === 0 && problems.length === 0) return;
  const mismatches = [...staffMismatches, ...(result.ok ? [] : result.mismatches)];
  plan.incidents.push({
    storeId: sale.storeId,
    kind: 'sale-mismatch',
    collection: 'sales',
    documentId: sale.id,
    detail: {
      number: sale.number,
      mismatches,
      // Embedded money entries the server did not apply, and why (the balances moved by what it derived).
      ...(refused.length === 0 ? {} : { ledger: refused }),
      ...(problems.length === 0 ? {} : { ledgerProblems: problems }),
    },
  });
}

/**
 * A device never moves gift-card, store-credit or points money by a ledger entry of its own: those
 * balances move only by what the server derives from a sale or reversal (sale-money.ts). Stock entries
 * pushed alone are still taken (stock is what happened at the counter).
 */
function refuseBareMoney(rows: readonly PushedDocument<'ledger'>[]): void {
  const money = rows.find((row) => isMoneyKind(row.doc.kind));
  if (money === undefined) return;
  throw new HttpError(
    403,
    'ledger_money_refused',
    `body/${money.index}: ledger entry ${money.id} moves ${money.doc.kind}: gift-card, store-credit and points balances move only through the sale or return that causes them; push that sale (the server derives its movements from the tenders) and no ledger entry of money on its own`,
  );
}

function ledgerDocument(sale: SaleDocument, entry: EmbeddedLedgerEntry): LedgerEntryDocument {
  return {
    id: entry.id,
    kind: entry.kind,
    storeId: sale.storeId,
    deviceId: sale.deviceId,
    refId: entry.refId,
    delta: entry.delta,
    reason: entry.reason,
    sourceId: sale.id,
    createdAt: sale.createdAt,
  };
}

function byStore(entries: readonly LedgerEntryDocument[]): Map<string, LedgerEntryDocument[]> {
  const stores = new Map<string, LedgerEntryDocument[]>();
  for (const entry of entries) {
    const entriesOfStore = stores.get(entry.storeId);
    // Appended in place: copying the list per entry was quadratic (11,000 entries a 2,000-sale push: ~130 ms).
    if (entriesOfStore === undefined) stores.set(entry.storeId, [entry]);
    else entriesOfStore.push(entry);
  }
  return stores;
}

function toMovement(doc: LedgerEntryDocument): LedgerMovement {
  return { id: doc.id, kind: doc.kind, storeId: doc.storeId, refId: doc.refId, delta: doc.delta };
}
