/*
 * Writing a return (or exchange) at the counter: the document built by the domain (domain/sale-return.ts)
 * from the purchase and the cashier's choices, given this till's next receipt number, written with ONE RxDB
 * insert (its stock, write-off, refund and points movements embedded, as a sale's are) before anything is
 * printed; then an audit entry naming who took it back and who approved.
 *
 * Order of work: the document is built and checked first (a return that cannot be made must not burn a
 * receipt number), then the number is taken (counter-database.ts), then the insert. The approval is the
 * caller's, before this is called: buildReturn says which permissions it needs.
 */
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../data/audit-log.ts';
import type { CounterDatabase } from '../../data/counter-database.ts';
import type { PosDatabase } from '../../data/database.ts';
import { takeNextReceiptSequence } from '../../data/receipt-sequence.ts';
import { formatReceiptNumber } from '../../domain/receipt-number.ts';
import { buildSaleReturn } from '../../domain/sale-return.ts';
import type { ReturnBuild, ReturnRequest, ReturnRules, SaleReturn } from '../../domain/sale-return.ts';

export interface ReturnPeople {
  readonly storeId: string;
  readonly deviceId: string;
  readonly staffId: string;
  readonly currency: string;
  readonly approverId?: string;
}

/** Placeholder while the document is checked; replaced by the real number before anything is written. */
const UNNUMBERED = 'UNNUMBERED';

/** The receipt number's store and device parts, as a sale's (complete-sale.ts receiptCodes). */
export function receiptCodesOf(storeId: string, deviceId: string): { storeCode: string; deviceCode: string } {
  const alnum = (id: string) => id.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return { storeCode: alnum(storeId).slice(-4) || 'S', deviceCode: alnum(deviceId).slice(-6) || 'D' };
}

/** The return as it would be written now (not numbered): what it refunds and which approvals it needs. */
export function planReturn(request: ReturnRequest, people: ReturnPeople, rules: ReturnRules, now: Date, id = uuidv7({ msecs: now.getTime() })): ReturnBuild {
  return buildSaleReturn(
    request,
    {
      id,
      storeId: people.storeId,
      deviceId: people.deviceId,
      number: UNNUMBERED,
      createdAt: now.toISOString(),
      staffId: people.staffId,
      currency: people.currency,
      ...(people.approverId === undefined || people.approverId === people.staffId ? {} : { approverId: people.approverId }),
    },
    rules,
  );
}

export interface WriteReturnInput {
  readonly database: PosDatabase;
  readonly counter: CounterDatabase;
  readonly request: ReturnRequest;
  readonly rules: ReturnRules;
  readonly people: ReturnPeople;
  readonly now?: Date;
}

/** Builds, numbers and writes the return; answers the stored document or why it could not be made. */
export async function writeReturn(input: WriteReturnInput): Promise<ReturnBuild> {
  const { database, counter, people } = input;
  const now = input.now ?? new Date();
  const built = planReturn(input.request, people, input.rules, now);
  if (!built.ok) return built;
  const sequence = await takeNextReceiptSequence(counter);
  const document: SaleReturn = { ...built.document, number: formatReceiptNumber({ ...receiptCodesOf(people.storeId, people.deviceId), sequence }) };
  await database.sales.insert(document);
  // The return itself names both people; a failed audit write must not make a done return look undone.
  await recordAudit(
    database,
    { storeId: people.storeId, deviceId: people.deviceId },
    {
      action: 'sale.return',
      staffId: people.staffId,
      ...(people.approverId === undefined ? {} : { approverId: people.approverId }),
      subjectId: document.originalSaleId ?? document.orderId ?? document.id,
      details: { number: document.number, returnId: document.id, originalNumber: document.originalNumber ?? null, refunded: built.refunded, currency: document.currency },
    },
    now,
  ).catch((error: unknown) => console.error('Writing the audit entry of a return failed', { returnId: document.id, error }));
  return { ...built, document };
}
