/*
 * The refund an order's shop is asked for when a return of an order paid online goes back online (issue 16):
 * derived by the server from the return it checked (return-money.ts: `onlineRefund`, never the document's
 * own claim) and the order as the server keeps it. Pure: the server's outbox (sync-server/src/integrations/
 * refunds) turns it into each platform's call, and a test can read it back.
 *   amount      integer minor units, > 0
 *   amountText  the same amount as the platform's decimal text, exactly ("125000" VND, "19.99" USD)
 *   lines       what came back of the order's lines (the platform's own line ids when the order had them),
 *               whole pieces for the platforms that count pieces
 */
import { getCurrency, isKnownCurrency } from './currency.ts';
import { writeDecimalAmount } from './decimal-amount.ts';

/**
 * Why an online refund cannot go at all: the server has no platform connection configured (no notice target),
 * so no worker sends it; the server marks it failing with this reason, the returns desk says so.
 */
export const ONLINE_REFUND_NO_CONNECTION = 'no platform connection configured';

export interface OnlineRefundLine {
  readonly sourceLineId?: string;
  readonly sku: string;
  /** Thousandths, as the order's lines. */
  readonly qty: number;
}

export interface OnlineRefundRequest {
  readonly kind: 'online-refund';
  readonly orderId: string;
  /** The order's number as the customer knows it. */
  readonly number: string;
  readonly storeId: string;
  readonly source?: string;
  readonly sourceOrderId?: string;
  readonly returnId: string;
  readonly returnNumber: string;
  readonly currency: string;
  readonly amount: number;
  readonly amountText: string;
  readonly lines: readonly OnlineRefundLine[];
  readonly at: string;
}

export interface RefundedOrder {
  readonly id: string;
  readonly number: string;
  readonly storeId: string;
  readonly source?: string;
  readonly sourceOrderId?: string;
  readonly currency: string;
  readonly lines: ReadonlyArray<{ readonly sku: string; readonly sourceLineId?: string }>;
}

export interface CheckedOnlineReturn {
  readonly id: string;
  readonly number: string;
  readonly storeId: string;
  readonly createdAt: string;
  /** The lines within what was bought, as the server counted them (return-money.ts `counted`). */
  readonly counted: ReadonlyArray<{ readonly originalLine: number; readonly within: number }>;
  /** What the server allows to go back online (return-money.ts `onlineRefund`). */
  readonly onlineRefund: number;
}

/**
 * The request for the order's shop, or undefined when nothing goes back online (an order in a currency the
 * POS does not know never got in: the webhooks refuse it).
 */
export function onlineRefundRequest(ret: CheckedOnlineReturn, order: RefundedOrder): OnlineRefundRequest | undefined {
  if (!Number.isSafeInteger(ret.onlineRefund) || ret.onlineRefund <= 0 || !isKnownCurrency(order.currency)) return undefined;
  const byLine = new Map<number, number>();
  for (const counted of ret.counted) if (counted.within > 0) byLine.set(counted.originalLine, (byLine.get(counted.originalLine) ?? 0) + counted.within);
  const lines: OnlineRefundLine[] = [];
  for (const [index, qty] of [...byLine].sort((a, b) => a[0] - b[0])) {
    const line = order.lines[index];
    if (line === undefined) continue;
    lines.push({ ...(line.sourceLineId === undefined ? {} : { sourceLineId: line.sourceLineId }), sku: line.sku, qty });
  }
  return {
    kind: 'online-refund',
    orderId: order.id,
    number: order.number,
    storeId: ret.storeId,
    ...(order.source === undefined ? {} : { source: order.source }),
    ...(order.sourceOrderId === undefined ? {} : { sourceOrderId: order.sourceOrderId }),
    returnId: ret.id,
    returnNumber: ret.number,
    currency: order.currency,
    amount: ret.onlineRefund,
    amountText: writeDecimalAmount(ret.onlineRefund, getCurrency(order.currency).minorDigits),
    lines,
    at: ret.createdAt,
  };
}
