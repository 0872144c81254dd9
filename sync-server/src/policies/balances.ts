/*
 * Balances derived from ledger entries: stock per store and product (thousandths of the unit), points and
 * store credit per customer, gift-card money, each a `balances` document with id kind:storeId:refId.
 * Deltas of one push are summed per balance first, so each balance is read once and written once with a
 * new seq (devices pull or stream it). Points and credit of a customer created offline and merged into a
 * known customer count on the known customer (customer_aliases).
 * Points, gift cards and credit going below zero (redeemed offline beyond what was there) are kept, and
 * reported as a 'balance-overdraft' incident: the sale happened, a manager decides what to do.
 */
import type { Transaction } from 'kysely';
import type { BalanceDocument } from '../../../src/data/schemas/types.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import { resolveCustomerAliases } from '../store/customers-repository.ts';
import type { WritePlan } from './write-plan.ts';

export interface LedgerMovement {
  id: string;
  kind: BalanceDocument['kind'];
  storeId: string;
  refId: string;
  delta: number;
}

const CUSTOMER_KINDS = new Set(['points', 'credit']);

export function balanceId(kind: BalanceDocument['kind'], storeId: string, refId: string): string {
  return `${kind}:${storeId}:${refId}`;
}

export async function planBalances(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  movements: readonly LedgerMovement[],
  plan: WritePlan,
  now: Date,
): Promise<void> {
  if (movements.length === 0) return;
  const aliases = await resolveCustomerAliases(
    trx,
    movements.filter((m) => CUSTOMER_KINDS.has(m.kind)).map((m) => m.refId),
  );
  const totals = new Map<string, { kind: BalanceDocument['kind']; storeId: string; refId: string; delta: number; entries: string[] }>();
  for (const movement of movements) {
    const refId = CUSTOMER_KINDS.has(movement.kind) ? (aliases.get(movement.refId) ?? movement.refId) : movement.refId;
    const id = balanceId(movement.kind, movement.storeId, refId);
    const total = totals.get(id) ?? { kind: movement.kind, storeId: movement.storeId, refId, delta: 0, entries: [] };
    total.delta += movement.delta;
    total.entries.push(movement.id);
    totals.set(id, total);
  }
  const stored = await documents.getMany(trx, 'balances', [...totals.keys()]);
  const updatedAt = now.toISOString();
  for (const [id, total] of totals) {
    const before = Number(stored.get(id)?.body.value ?? 0);
    const value = before + total.delta;
    const body: BalanceDocument = { id, kind: total.kind, storeId: total.storeId, refId: total.refId, value, updatedAt };
    plan.write({ collection: 'balances', id, storeId: total.storeId, body });
    if (total.kind !== 'stock' && value < 0 && total.delta < 0) {
      plan.incidents.push({
        storeId: total.storeId,
        kind: 'balance-overdraft',
        collection: 'balances',
        documentId: id,
        detail: { kind: total.kind, refId: total.refId, before, delta: total.delta, after: value, ledgerEntries: total.entries },
      });
    }
  }
}
