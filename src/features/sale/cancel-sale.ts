/*
 * Cancelling a completed sale on this till: the reversing document (domain/sale-reversal.ts), with its own
 * receipt number, written with ONE RxDB insert (its stock, points, gift card and credit movements embedded,
 * as a sale's are) before anything is printed; then the audit entry naming who cancelled and who approved.
 *
 * Never twice: the number is taken together with a per-sale mark in the counter database
 * (receipt-sequence.ts, takeVoidReceiptSequence), so a double tap or a second tab gets 'already-cancelled'
 * instead of a second reversal. If the insert fails, the mark is taken back so the sale can be cancelled
 * again; the number stays used (a gap, as after a crash).
 */
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../data/audit-log.ts';
import type { PosDatabase } from '../../data/database.ts';
import type { CounterDatabase } from '../../data/counter-database.ts';
import { releaseVoid, takeVoidReceiptSequence } from '../../data/receipt-sequence.ts';
import type { SaleDocument as StoredSale } from '../../data/schemas/types.ts';
import { formatReceiptNumber } from '../../domain/receipt-number.ts';
import { buildSaleReversal } from '../../domain/sale-reversal.ts';
import type { ReversalBuild, SaleReversal } from '../../domain/sale-reversal.ts';
import { receiptCodes } from './complete-sale.ts';

export interface CancelSaleInput {
  readonly database: PosDatabase;
  readonly counter: CounterDatabase;
  readonly original: StoredSale;
  /** Sales this till knows are cancelled already (cancelledSaleIds of today's list). */
  readonly alreadyCancelled: ReadonlySet<string>;
  readonly storeId: string;
  readonly deviceId: string;
  readonly staffId: string;
  /** The manager who approved, or the staff member themself when their role may cancel sales. */
  readonly approverId: string;
  readonly now?: Date;
}

const UNNUMBERED = 'UNNUMBERED';

export async function cancelSale(input: CancelSaleInput): Promise<ReversalBuild> {
  const { database, counter, original, storeId, deviceId, staffId, approverId } = input;
  const now = input.now ?? new Date();
  const id = uuidv7({ msecs: now.getTime() });
  const context = { id, deviceId, number: UNNUMBERED, createdAt: now.toISOString(), staffId, approverId };
  // Checked before a number is taken: a sale that cannot be cancelled must not burn one.
  const checked = buildSaleReversal(original, context, input.alreadyCancelled);
  if (!checked.ok) return checked;
  const taken = await takeVoidReceiptSequence(counter, original.id, id, now);
  if (!taken.ok) return { ok: false, reason: 'already-cancelled', detail: `${original.number} is already cancelled` };
  const reversal: SaleReversal = { ...checked.reversal, number: formatReceiptNumber({ ...receiptCodes(storeId, deviceId), sequence: taken.sequence }) };
  try {
    await database.sales.insert(reversal);
  } catch (error) {
    await releaseVoid(counter, original.id, id).catch((releaseError: unknown) => console.error('Taking back the cancellation mark failed', { saleId: original.id, releaseError }));
    throw error;
  }
  // The reversal itself names both people; a failed audit write must not make a done cancellation look undone.
  await recordAudit(
    database,
    { storeId, deviceId },
    {
      action: 'sale.void',
      staffId,
      approverId,
      subjectId: original.id,
      details: { number: original.number, reversalId: reversal.id, reversalNumber: reversal.number, total: original.totals.total, currency: original.currency },
    },
    now,
  ).catch((error: unknown) => console.error('Writing the audit entry of a cancellation failed', { saleId: original.id, reversalId: reversal.id, error }));
  return { ok: true, reversal };
}
