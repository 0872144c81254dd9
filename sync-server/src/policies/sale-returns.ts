/*
 * Pushed returns and cancellations against the purchases they name, across every store (issue 16). The
 * money a return may move is the domain's verdict (src/domain/return-money.ts); this room loads what that
 * verdict reads and keeps what it says, inside the push's transaction:
 *   - the purchases: in-store sales (in this push, or stored, of ANY store: a customer returns where it
 *     suits them) and online orders (their `orders` document), with the gift-card, credit and points
 *     movements the server applied for them (their ledger entries, by the ids the sale derives);
 *   - what came back of them before: sale_returns rows (one per returned line, whichever store), and what
 *     those returns gave back to what paid (their ledger entries), updated in memory as this push's returns
 *     are decided one after the other, so two returns of one purchase in one push count each other;
 *   - afterwards: a sale_returns row per returned line (the part within what was bought, its value), rows
 *     for a cancellation too (everything left of the sale), and for the manager, once per return:
 *       'return-excess'  a line returned beyond what was bought less what came back (the excess is kept,
 *                        because it happened at a counter that could not know, and is worth nothing);
 *       'return-rules'   a return after the store's window, of an item that never comes back, or whose stock
 *                        movements are not those of its lines;
 *       'unproven-approval'  a return that needed an approval (without receipt, above the refund limit) and
 *                        was not approved for it, or by someone who does not hold every permission it needed
 *                        (the proof of the permission it names is checked with the other approvals,
 *                        role-check.ts and approval-proofs.ts).
 */
import type { Transaction } from 'kysely';
import type { SaleDocument } from '../../../src/data/schemas/types.ts';
import { can } from '../../../src/domain/permissions.ts';
import { checkReturn, givenBackKey } from '../../../src/domain/return-money.ts';
import type { KnownPurchase, ReturnCheck, ReturnCheckContext } from '../../../src/domain/return-money.ts';
import { returnApprovalsNeeded } from '../../../src/domain/return-policy.ts';
import { earnsUnlessGiftCard, purchaseOfOrder, purchaseOfSale } from '../../../src/domain/returnable-purchase.ts';
import type { LineEarns, Purchase } from '../../../src/domain/returnable-purchase.ts';
import { cashRoundingOf } from '../../../src/domain/sale-amounts.ts';
import { isMoneyKind } from '../../../src/domain/sale-ledger.ts';
import type { MoneyMovement } from '../../../src/domain/sale-ledger.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import type { NewIncident } from '../store/incidents-repository.ts';
import { insertReturnedLines, returnedLinesOf } from '../store/returns-repository.ts';
import type { ReturnedLineRow } from '../store/returns-repository.ts';
import type { StoreDirectory } from './role-check.ts';

/** A purchase the server knows, with what came back of it so far (updated as this push decides). */
interface Known {
  readonly purchase: Purchase;
  /** The sale document (absent for an online order): a cancellation's original. */
  readonly sale?: SaleDocument;
  readonly applied: MoneyMovement[];
  /** Per line, thousandths back within what was bought. */
  readonly qty: number[];
  /** Per line, the value of what came back (for the earning value). */
  readonly value: number[];
  readonly givenBack: Map<string, number>;
}

export class PurchaseBook {
  private readonly known = new Map<string, Known>();
  private readonly rows: ReturnedLineRow[] = [];

  /** The purchase of that id (sale or order), if the server knows it. */
  get(id: string | undefined): Known | undefined {
    return id === undefined ? undefined : this.known.get(id);
  }

  /** A sale of this push, as a purchase (what the server derived for it is what it applied). */
  addSale(sale: SaleDocument, applied: readonly MoneyMovement[]): void {
    const earned = applied.find((m) => m.id === `${sale.id}-points-earn`)?.delta ?? 0;
    const purchase = purchaseOfSale(sale, earned);
    this.known.set(sale.id, { purchase, sale, applied: [...applied], qty: purchase.lines.map(() => 0), value: purchase.lines.map(() => 0), givenBack: new Map() });
  }

  /** The purchase as the money check reads it, with what came back before (earning goods valued by `earns`). */
  knownPurchase(known: Known, earns: LineEarns): KnownPurchase {
    const earningValue = known.purchase.lines.reduce((sum, line, index) => sum + (earns(line) ? (known.value[index] ?? 0) : 0), 0);
    return { purchase: known.purchase, applied: known.applied, before: { qty: [...known.qty], earningValue, givenBack: new Map(known.givenBack) } };
  }

  /** Records a checked return: its rows, and what it took back and gave back, for the next return of the purchase. */
  recordReturn(ret: SaleDocument, known: Known, check: ReturnCheck): void {
    for (const counted of check.counted) {
      known.qty[counted.originalLine] = (known.qty[counted.originalLine] ?? 0) + counted.within;
      known.value[counted.originalLine] = (known.value[counted.originalLine] ?? 0) + counted.value;
      this.rows.push(row(ret, known.purchase.id, counted.line, counted.originalLine, counted.qty, counted.within, counted.value));
    }
    for (const excess of check.excess) {
      if (check.counted.some((c) => c.line === excess.line)) continue;
      this.rows.push(row(ret, known.purchase.id, excess.line, Math.max(0, excess.originalLine), excess.returned, 0, 0));
    }
    for (const movement of check.movements) addGivenBack(known.givenBack, movement);
  }

  /** A cancellation takes back everything left of the sale. */
  recordCancellation(reversal: SaleDocument, known: Known): void {
    known.purchase.lines.forEach((line, index) => {
      const left = line.qty - (known.qty[index] ?? 0);
      if (line.qty <= 0) return;
      const value = left <= 0 ? 0 : line.total - (known.value[index] ?? 0);
      this.rows.push(row(reversal, known.purchase.id, index, index, line.qty, Math.max(0, left), Math.max(0, value)));
      known.qty[index] = line.qty;
      known.value[index] = line.total;
    });
  }

  /** Writes the rows of this push's returns and cancellations. */
  async write(trx: Transaction<Database>): Promise<void> {
    await insertReturnedLines(trx, this.rows);
  }

  /**
   * Loads the purchases these returns and cancellations name (those of this push are added with addSale
   * first), and what came back of them before this push.
   */
  async load(trx: Transaction<Database>, documents: DocumentsRepository, returns: readonly SaleDocument[]): Promise<void> {
    const saleIds = unique(returns.map((r) => r.originalSaleId).filter((id): id is string => typeof id === 'string' && !this.known.has(id)));
    const orderIds = unique(returns.map((r) => r.orderId).filter((id): id is string => typeof id === 'string' && !this.known.has(id)));
    const sales = [...(await documents.getMany(trx, 'sales', saleIds)).values()].filter((s) => !s.deleted).map((s) => s.body);
    const applied = await appliedMoney(trx, documents, sales);
    for (const sale of sales) {
      const own = applied.filter((m) => m.sourceId === sale.id);
      const earned = own.find((m) => m.id === `${sale.id}-points-earn`)?.delta ?? 0;
      const purchase = purchaseOfSale(sale, earned);
      this.known.set(sale.id, { purchase, sale, applied: own, qty: purchase.lines.map(() => 0), value: purchase.lines.map(() => 0), givenBack: new Map() });
    }
    for (const stored of (await documents.getMany(trx, 'orders', orderIds)).values()) {
      if (stored.deleted) continue;
      const order = stored.body;
      const purchase = purchaseOfOrder({ ...order, ...(order.customerId === undefined ? {} : { customerId: order.customerId }) });
      this.known.set(order.id, { purchase, applied: [], qty: purchase.lines.map(() => 0), value: purchase.lines.map(() => 0), givenBack: new Map() });
    }
    const rows = await returnedLinesOf(trx, [...saleIds, ...orderIds]);
    for (const r of rows) {
      const known = this.known.get(r.original_id);
      if (known === undefined) continue;
      known.qty[r.original_line] = (known.qty[r.original_line] ?? 0) + r.within_qty;
      known.value[r.original_line] = (known.value[r.original_line] ?? 0) + r.value;
    }
    // What the earlier returns gave back to what paid, and took back of the points earned.
    const earlier = [...(await documents.getMany(trx, 'sales', unique(rows.map((r) => r.return_id)))).values()].map((s) => s.body);
    const given = await appliedMoney(trx, documents, earlier);
    for (const ret of earlier) {
      const known = this.get(ret.originalSaleId) ?? this.get(ret.orderId);
      if (known === undefined) continue;
      for (const movement of given.filter((m) => m.sourceId === ret.id)) addGivenBack(known.givenBack, movement);
    }
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function row(doc: SaleDocument, originalId: string, line: number, originalLine: number, qty: number, within: number, value: number): ReturnedLineRow {
  return { return_id: doc.id, line, original_id: originalId, original_line: originalLine, store_id: doc.storeId, qty, within_qty: within, value, created_at: doc.createdAt };
}

function addGivenBack(givenBack: Map<string, number>, movement: Pick<MoneyMovement, 'kind' | 'refId' | 'reason' | 'delta'>): void {
  const key = givenBackKey(movement);
  if (key !== undefined) givenBack.set(key, (givenBack.get(key) ?? 0) + Math.abs(movement.delta));
}

/**
 * The gift-card, credit and points movements the server applied for these documents: their ledger entries
 * under the ids a sale's or a return's money derives (<id>-giftcard|credit|points-<tender>, <id>-points-earn,
 * <id>-points-clawback, <id>-giftcard-load-<line>), whatever the loyalty rule was then.
 */
async function appliedMoney(trx: Transaction<Database>, documents: DocumentsRepository, docs: readonly SaleDocument[]): Promise<Array<MoneyMovement & { sourceId: string }>> {
  const ids: string[] = [];
  for (const doc of docs) {
    ids.push(`${doc.id}-points-earn`, `${doc.id}-points-clawback`);
    doc.tenders.forEach((_, index) => ids.push(`${doc.id}-giftcard-${index}`, `${doc.id}-credit-${index}`, `${doc.id}-points-${index}`));
    doc.lines.forEach((line, index) => {
      if (typeof line['giftCardId'] === 'string') ids.push(`${doc.id}-giftcard-load-${index}`);
    });
  }
  if (ids.length === 0) return [];
  const sources = new Set(docs.map((d) => d.id));
  const movements: Array<MoneyMovement & { sourceId: string }> = [];
  for (const { body } of (await documents.getMany(trx, 'ledger', unique(ids))).values()) {
    if (!isMoneyKind(body.kind) || body.sourceId === undefined || !sources.has(body.sourceId)) continue;
    movements.push({ id: body.id, kind: body.kind, refId: body.refId, delta: body.delta, reason: body.reason, sourceId: body.sourceId });
  }
  return movements.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface ReturnDecision {
  readonly check: ReturnCheck;
  readonly incidents: NewIncident[];
}

/** Decides one pushed return against what the book knows, records it, and says what the manager must see. */
export function decideReturn(
  ret: SaleDocument,
  book: PurchaseBook,
  context: Omit<ReturnCheckContext, 'approvalProven'> & { readonly directory: StoreDirectory; readonly unproven: ReadonlySet<string> },
): ReturnDecision {
  const referenced = ret.originalSaleId ?? ret.orderId;
  const known = book.get(referenced);
  const earns = earnsFor(context);
  const needed = returnApprovalsNeeded(referenced !== undefined, Math.max(0, -ret.totals.total - cashRoundingOf(ret.totals)), context.policy);
  const approval = approvalProblem(ret, needed, context.directory, context.unproven);
  const check = checkReturn(ret, known === undefined ? undefined : book.knownPurchase(known, earns), { ...context, approvalProven: needed.length > 0 && approval === undefined });
  if (known !== undefined) book.recordReturn(ret, known, check);
  const incidents: NewIncident[] = [];
  const base = { storeId: ret.storeId, collection: 'sales', documentId: ret.id };
  if (check.excess.length > 0) {
    incidents.push({ ...base, kind: 'return-excess', detail: { number: ret.number, purchase: referenced, purchaseNumber: known?.purchase.number, lines: check.excess, valueBack: check.valueBack } });
  }
  if (check.rules.length > 0) incidents.push({ ...base, kind: 'return-rules', detail: { number: ret.number, purchase: referenced, broken: check.rules } });
  if (approval !== undefined && !context.unproven.has(ret.id)) {
    incidents.push({ ...base, kind: 'unproven-approval', detail: { permission: needed.join(' + '), staffId: ret.staffId, ...(ret.approverId === undefined ? {} : { approverId: ret.approverId }), problem: approval } });
  }
  return { check, incidents };
}

function earnsFor(context: Pick<ReturnCheckContext, 'loyalty' | 'categoryOf'>): LineEarns {
  const loyalty = context.loyalty;
  if (loyalty === undefined || loyalty.nonEarningCategories.size === 0) return earnsUnlessGiftCard;
  return (line) => {
    if (line.giftCardId !== undefined) return false;
    const category = context.categoryOf?.(line.productId);
    return category === undefined || !loyalty.nonEarningCategories.has(category);
  };
}

/** Why a return that needed approvals is not approved for them, or undefined when it is (its proof is checked apart). */
function approvalProblem(ret: SaleDocument, needed: readonly string[], directory: StoreDirectory, unproven: ReadonlySet<string>): string | undefined {
  if (needed.length === 0) return undefined;
  const approvalFor = ret['approvalFor'];
  if (approvalFor !== needed[0]) return `the return needed ${needed.join(' and ')} and was approved for ${typeof approvalFor === 'string' ? approvalFor : 'nothing'}`;
  if (unproven.has(ret.id)) return 'its approval is not proven';
  const holdsAll = (id: string | undefined): boolean => {
    const member = id === undefined ? undefined : directory.staff.get(id);
    return member !== undefined && member.active && needed.every((permission) => can(member.role, permission, directory.table));
  };
  const prover = typeof ret.approvalProof === 'object' ? ret.approvalProof.by : undefined;
  if (!holdsAll(prover)) return `whoever proved it (${String(prover)}) does not hold every permission the return needed (${needed.join(', ')})`;
  return undefined;
}
