/*
 * The gift-card, store-credit and points movements of newly stored sales, cancellations and returns, as the
 * server derives them (src/domain/sale-ledger.ts, return-money.ts) rather than as the device embedded them:
 * issue 12, finding 2, and issue 16. Each derived movement becomes a ledger document of its own, written by
 * the append-only policy like the sale's stock entries, and only those move money balances:
 *   - a sale's movements keep the counter's ids (<sale id>-giftcard-<tender>, <sale id>-points-earn,
 *     <sale id>-giftcard-load-<line>, ...), whatever ids the device embedded, so a reversal or a return
 *     finds what its original applied by id; points are earned by the store's whole programme (loyalty.ts:
 *     categories of the catalog's products, the tier the server decides from the customer's spend,
 *     loyalty-spend.ts) and a paid gift-card line loads its card;
 *   - a reversal gives back what the server applied for its original (looked up by those ids, in this
 *     push or stored, of this store and naming the original as its source), less what returns of it gave
 *     back already, each movement under the key <original movement id>-void: a sale cancelled twice gives
 *     its money back once (the second key is already taken, and the second reversal is flagged);
 *   - a return is checked against its purchase in any store (sale-returns.ts): its refunds move balances
 *     only as far as the goods that really came back are worth, and its excess, broken rules and missing
 *     approvals are flagged for the manager.
 * Embedded money entries that match nothing derived are reported per sale (refused), with the reasons the
 * domain gives (problems); the append-only policy puts them in the sale's 'sale-mismatch' incident. The
 * sale itself is always kept: it happened.
 */
import type { Transaction } from 'kysely';
import type { LedgerEntryDocument, SaleDocument } from '../../../src/data/schemas/types.ts';
import { returnPolicyOf } from '../../../src/domain/return-policy.ts';
import { compareEmbeddedLedger, moneyMovementsOf, saleLedgerRulesOf } from '../../../src/domain/sale-ledger.ts';
import type { MoneyMovement, SaleLedgerRules } from '../../../src/domain/sale-ledger.ts';
import { VOID_REASON } from '../../../src/domain/sale-reversal.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import { onlineRefundNotices } from '../integrations/refunds/refund-notices.ts';
import { loadLoyaltyBook } from './loyalty-spend.ts';
import { directoryFromConfig } from './role-check.ts';
import { decideReturn, PurchaseBook } from './sale-returns.ts';
import type { WritePlan } from './write-plan.ts';

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
  plan: WritePlan,
): Promise<Map<string, SaleMoney>> {
  const result = new Map<string, SaleMoney>();
  if (sales.length === 0) return result;
  const config = (await documents.getMany(trx, 'config', [storeId])).get(storeId);
  const body = config === undefined || config.deleted ? undefined : config.body;
  const base = saleLedgerRulesOf(body);
  const loyaltyBook = await loadLoyaltyBook(trx, sales, base.loyalty);
  const categories = new Map<string, string | undefined>();
  const rules: SaleLedgerRules = { ...base, tierOf: (sale) => loyaltyBook.tierOf(sale), categoryOf: (productId) => categories.get(productId) };
  const book = new PurchaseBook();
  await loadCategories(trx, documents, sales, categories, body);

  // Sales first (a reversal or return may name a sale of the same push, wherever it stands in it).
  for (const sale of sales) {
    if (sale.kind !== 'sale') continue;
    const money = moneyMovementsOf(sale, rules);
    result.set(sale.id, settle(sale, money.movements, money.problems, new Map()));
    book.addSale(sale, money.movements);
  }
  const others = sales.filter((sale) => sale.kind !== 'sale');
  if (others.length > 0) {
    await book.load(trx, documents, others);
    await loadCategories(trx, documents, others.map((doc) => book.get(doc.originalSaleId ?? doc.orderId)?.purchase).filter((p) => p !== undefined), categories, body);
    const policy = returnPolicyOf(body?.returnPolicy);
    const directory = directoryFromConfig(storeId, body);
    const unproven = new Set(plan.incidents.filter((i) => i.kind === 'unproven-approval' && i.collection === 'sales').map((i) => i.documentId));
    const givenBackInPush = new Map<string, string>();
    for (const doc of others) {
      if (doc.reason === VOID_REASON) {
        result.set(doc.id, await cancellationMoney(trx, documents, doc, book, rules, givenBackInPush));
        continue;
      }
      const tier = loyaltyBook.tierOf(doc);
      const decision = decideReturn(doc, book, {
        policy,
        ...(base.loyalty === undefined ? {} : { loyalty: base.loyalty }),
        ...(tier === undefined ? {} : { tier }),
        categoryOf: (productId) => categories.get(productId),
        directory,
        unproven,
      });
      plan.incidents.push(...decision.incidents);
      plan.notices.push(...(await onlineRefundNotices(trx, documents, doc, decision.check)));
      result.set(doc.id, settle(doc, decision.check.movements, decision.check.problems, new Map()));
      // An exchange's new items are a purchase too, for a return later in this push.
      if (doc.lines.some((line) => line.qty > 0)) book.addSale(doc, decision.check.movements);
    }
    await book.write(trx);
  }
  await loyaltyBook.write(trx);
  return result;
}

/**
 * A cancellation's give-backs: the original's applied money less what returns gave back, each once (a key
 * stored, or taken by an earlier cancellation of this push, `givenBackInPush`, is not given back again).
 */
async function cancellationMoney(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  reversal: SaleDocument,
  book: PurchaseBook,
  rules: SaleLedgerRules,
  givenBackInPush: Map<string, string>,
): Promise<SaleMoney> {
  const known = book.get(reversal.originalSaleId);
  const original = known?.sale === undefined ? undefined : { sale: known.sale, applied: known.applied, givenBack: known.givenBack };
  const money = moneyMovementsOf(reversal, rules, original);
  const keys = money.movements.flatMap((m) => (m.reverses === undefined ? [] : [giveBackId(m.reverses)]));
  const givenBack = new Map<string, string>([...givenBackInPush].filter(([key]) => keys.includes(key)));
  for (const [id, stored] of await documents.getMany(trx, 'ledger', keys)) givenBack.set(id, stored.body.sourceId ?? 'an earlier reversal');
  const settled = settle(reversal, money.movements, money.problems, givenBack);
  for (const key of keys) if (!givenBack.has(key)) givenBackInPush.set(key, reversal.id);
  if (known !== undefined && known.sale !== undefined && known.sale.storeId === reversal.storeId) book.recordCancellation(reversal, known);
  return settled;
}

/** The catalog categories of the products these documents (or purchases) name, when the store's rules read categories. */
async function loadCategories(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  docs: ReadonlyArray<{ readonly lines: ReadonlyArray<{ readonly productId: string }> }>,
  into: Map<string, string | undefined>,
  config: { readonly loyalty?: Readonly<Record<string, unknown>>; readonly returnPolicy?: Readonly<Record<string, unknown>> } | undefined,
): Promise<void> {
  const byCategory = (value: unknown): boolean => Array.isArray(value) && value.length > 0;
  if (!byCategory(config?.loyalty?.['nonEarningCategories']) && !byCategory(config?.returnPolicy?.['nonReturnableCategories'])) return;
  const ids = [...new Set(docs.flatMap((doc) => doc.lines.map((line) => line.productId)))].filter((id) => !into.has(id));
  if (ids.length === 0) return;
  const products = await documents.getMany(trx, 'products', ids);
  for (const id of ids) into.set(id, products.get(id)?.body.category);
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
    // A return at another store gives back where the purchase's money was spent (return-money.ts).
    storeId: movement.storeId ?? sale.storeId,
    deviceId: sale.deviceId,
    refId: movement.refId,
    delta: movement.delta,
    reason: embedded?.reason ?? movement.reason,
    sourceId: sale.id,
    createdAt: sale.createdAt,
  }));
  return { documents, refused: [...comparison.refused], problems: reasons };
}
