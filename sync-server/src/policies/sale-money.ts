/*
 * The gift-card, store-credit and points movements of newly stored sales and reversals, as the server
 * derives them (src/domain/sale-ledger.ts) rather than as the device embedded them: issue 12, finding 2.
 * Each derived movement becomes a ledger document of its own, written by the append-only policy like the
 * sale's stock entries, and only those move money balances:
 *   - a sale's movements keep the counter's ids (<sale id>-giftcard-<tender>, <sale id>-points-earn, ...),
 *     whatever ids the device embedded, so a reversal finds what its original applied by id;
 *   - a reversal gives back what the server applied for its original (looked up by those ids, in this
 *     push or stored, of this store and naming the original as its source), each movement under the key
 *     <original movement id>-void: a sale cancelled twice gives its money back once (the second key is
 *     already taken, and the second reversal is flagged).
 * Embedded money entries that match nothing derived are reported per sale (refused), with the reasons the
 * domain gives (problems); the append-only policy puts them in the sale's 'sale-mismatch' incident. The
 * sale itself is always kept: it happened.
 */
import type { Transaction } from 'kysely';
import type { LedgerEntryDocument, SaleDocument } from '../../../src/data/schemas/types.ts';
import { compareEmbeddedLedger, isMoneyKind, loyaltyEarning, moneyMovementsOf } from '../../../src/domain/sale-ledger.ts';
import type { MoneyMovement, OriginalSale, SaleLedgerRules } from '../../../src/domain/sale-ledger.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';

/** What one new sale moves in money, and what of its embedded ledger the server did not take. */
export interface SaleMoney {
  /** The ledger documents of the derived movements (to be decided and written like any fact). */
  documents: LedgerEntryDocument[];
  refused: Array<{ index: number; entry: NonNullable<SaleDocument['ledger']>[number]; why: string }>;
  problems: string[];
}

/** The key under which a reversal gives back one movement of its original: one give-back per movement. */
export function giveBackId(originalMovementId: string): string {
  return `${originalMovementId}-void`;
}

export async function deriveSaleMoney(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  sales: readonly SaleDocument[],
  storeId: string,
): Promise<Map<string, SaleMoney>> {
  const result = new Map<string, SaleMoney>();
  if (sales.length === 0) return result;
  const config = (await documents.getMany(trx, 'config', [storeId])).get(storeId);
  const rules: SaleLedgerRules = config === undefined || config.deleted ? {} : loyaltyEarning(config.body.loyalty);

  // Sales first (a reversal may cancel a sale of the same push, wherever it stands in it).
  const appliedInBatch = new Map<string, OriginalSale>();
  for (const sale of sales) {
    if (sale.kind !== 'sale') continue;
    const money = moneyMovementsOf(sale, rules);
    result.set(sale.id, settle(sale, money.movements, money.problems, new Map()));
    appliedInBatch.set(sale.id, { sale, applied: money.movements });
  }

  const reversals = sales.filter((sale) => sale.kind !== 'sale');
  if (reversals.length === 0) return result;
  const originals = await loadOriginals(trx, documents, reversals, appliedInBatch);
  const derived = reversals.map((reversal) => {
    const original = typeof reversal.originalSaleId === 'string' ? originals.get(reversal.originalSaleId) : undefined;
    return { reversal, money: moneyMovementsOf(reversal, rules, original) };
  });
  const keys = derived.flatMap(({ money }) => money.movements.flatMap((m) => (m.reverses === undefined ? [] : [giveBackId(m.reverses)])));
  const givenBack = new Map<string, string>();
  for (const [id, stored] of await documents.getMany(trx, 'ledger', keys)) givenBack.set(id, stored.body.sourceId ?? 'an earlier reversal');
  for (const { reversal, money } of derived) {
    result.set(reversal.id, settle(reversal, money.movements, money.problems, givenBack));
    for (const movement of money.movements) if (movement.reverses !== undefined && !givenBack.has(giveBackId(movement.reverses))) givenBack.set(giveBackId(movement.reverses), reversal.id);
  }
  return result;
}

/** The originals the reversals name: in this push, or stored, with what the server applied for them. */
async function loadOriginals(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  reversals: readonly SaleDocument[],
  inBatch: ReadonlyMap<string, OriginalSale>,
): Promise<Map<string, OriginalSale>> {
  const originals = new Map(inBatch);
  const wanted = [...new Set(reversals.map((r) => r.originalSaleId).filter((id): id is string => typeof id === 'string' && !inBatch.has(id)))];
  if (wanted.length === 0) return originals;
  const stored = [...(await documents.getMany(trx, 'sales', wanted)).values()].filter((s) => !s.deleted).map((s) => s.body);
  // The ids a sale's money movements can have (every tender's, and the earning), whatever the loyalty rule was then.
  const candidates = stored.flatMap((sale) => [...moneyMovementsOf(sale, { amountPerPoint: 1 }).movements.map((m) => m.id), `${sale.id}-points-earn`]);
  const entries = await documents.getMany(trx, 'ledger', [...new Set(candidates)]);
  for (const sale of stored) {
    const applied: MoneyMovement[] = [];
    for (const { body } of entries.values()) {
      if (body.sourceId !== sale.id || body.storeId !== sale.storeId || !isMoneyKind(body.kind)) continue;
      applied.push({ id: body.id, kind: body.kind, refId: body.refId, delta: body.delta, reason: body.reason });
    }
    applied.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    originals.set(sale.id, { sale, applied });
  }
  return originals;
}

/** The derived movements of one sale as ledger documents, less those already given back; the rest reported. */
function settle(sale: SaleDocument, movements: readonly MoneyMovement[], problems: readonly string[], givenBack: ReadonlyMap<string, string>): SaleMoney {
  const reasons = [...problems];
  const applicable = movements.filter((movement) => {
    const by = movement.reverses === undefined ? undefined : givenBack.get(giveBackId(movement.reverses));
    if (by !== undefined) reasons.push(`${movement.reverses ?? ''}: already given back by ${by}`);
    return by === undefined;
  });
  const comparison = compareEmbeddedLedger(sale.ledger ?? [], applicable, reasons);
  const documents = comparison.derived.map(({ movement, embedded }): LedgerEntryDocument => ({
    id: movement.reverses === undefined ? movement.id : giveBackId(movement.reverses),
    kind: movement.kind,
    storeId: sale.storeId,
    deviceId: sale.deviceId,
    refId: movement.refId,
    delta: movement.delta,
    reason: embedded?.reason ?? movement.reason,
    sourceId: sale.id,
    createdAt: sale.createdAt,
  }));
  return { documents, refused: [...comparison.refused], problems: reasons };
}
