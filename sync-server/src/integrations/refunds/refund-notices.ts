/*
 * The online refund a checked return owes the order's shop, as an outbox notice (store/outbox-repository.ts):
 * enqueued in the push transaction that stores the return, so the notice exists exactly when the return was
 * stored, and sent by the outbox worker like the pickup notices (refund-senders.ts says how per platform).
 * The amount is what the server's own check of the return allows (src/domain/return-money.ts `onlineRefund`,
 * made into the request by src/domain/online-refund.ts), never the document's claim. Its key (order, return,
 * kind) makes it one notice however often the push is retried; its id is the Idempotency-Key of every attempt.
 * A refund is enqueued even when its target is not configured on this server: it then shows up as failing,
 * for the manager, rather than money owed to a customer vanishing (at once when no target at all is
 * configured and no worker runs: refunds-without-connection.ts).
 */
import { v7 as uuidv7 } from 'uuid';
import type { SaleDocument } from '../../../../src/data/schemas/types.ts';
import { onlineRefundRequest } from '../../../../src/domain/online-refund.ts';
import type { ReturnCheck } from '../../../../src/domain/return-money.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../../store/database-types.ts';
import type { DocumentsRepository } from '../../store/documents-repository.ts';
import type { NewNotice } from '../../store/outbox-repository.ts';
import { noticeTargetOf } from '../outbox-notices.ts';

export const ONLINE_REFUND = 'online-refund';

/** The online refund notice of one checked return (none when nothing goes back online or the order is unknown). */
export async function onlineRefundNotices(trx: Transaction<Database>, documents: DocumentsRepository, ret: SaleDocument, check: Pick<ReturnCheck, 'onlineRefund' | 'counted'>): Promise<NewNotice[]> {
  if (check.onlineRefund <= 0 || ret.orderId === undefined) return [];
  const stored = (await documents.getMany(trx, 'orders', [ret.orderId])).get(ret.orderId);
  if (stored === undefined || stored.deleted) return [];
  const order = stored.body;
  const request = onlineRefundRequest({ id: ret.id, number: ret.number, storeId: ret.storeId, createdAt: ret.createdAt, counted: check.counted, onlineRefund: check.onlineRefund }, order);
  if (request === undefined) return [];
  return [{ id: uuidv7(), eventKey: `${order.id}|${ret.id}|${ONLINE_REFUND}`, storeId: ret.storeId, orderId: order.id, target: noticeTargetOf(order), payload: request }];
}
