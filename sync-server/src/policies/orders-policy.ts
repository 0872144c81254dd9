/*
 * Pushes of online orders: the server (the online shop) owns an order; a store's device only adds events
 * to its store's orders (the handover at the pickup counter). mergeOrder keeps the server's order and
 * replays the device's new events on it; a handover that meets a cancellation (or a second handover, or
 * one before the order was ready) is flagged on the order and recorded as an 'order-flag' incident for a
 * manager (a handover the store allowed with money due, too: its incident says how much). Whatever the
 * device sent besides new events is ignored: the merged order is answered as the conflicting master
 * whenever it differs from the device's version, and the device adopts it.
 * What the new events did (marked ready, handed over in full or in part, cancelled in store) is owed to the
 * order's source as notices, enqueued in the outbox with the order in the same transaction (outbox-notices.ts).
 */
import type { Transaction } from 'kysely';
import { sameContent } from '../../../src/domain/canonical-json.ts';
import { mergeOrderWithEffects, unpaidAmountOf } from '../../../src/domain/merge-order.ts';
import { noticesFor } from '../integrations/outbox-notices.ts';
import { HttpError } from '../http-error.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import { loadCurrentDocuments } from './write-plan.ts';
import type { PushContext, PushedDocument, WritePlan } from './write-plan.ts';

export async function planOrdersPush(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  pushed: readonly PushedDocument<'orders'>[],
  context: PushContext,
  plan: WritePlan,
): Promise<void> {
  const current = await loadCurrentDocuments(trx, documents, 'orders', pushed);
  for (const row of pushed) {
    const master = current.get(row.id);
    if (master === undefined || master.storeId !== context.storeId) {
      throw new HttpError(
        403,
        'forbidden',
        `body/${row.index}/newDocumentState is order "${row.id}", which is not an order of this store: orders come from the online shop, a device only adds pickup events to its store's orders`,
      );
    }
    const before = master.body;
    const { order: merged, effects } = mergeOrderWithEffects(before, row.doc);
    const added = merged.events.length - before.events.length;
    let latest = master;
    if (added > 0) {
      merged.updatedAt = context.now.toISOString();
      plan.write({ collection: 'orders', id: row.id, storeId: context.storeId, body: merged, deleted: master.deleted });
      latest = { storeId: context.storeId, body: merged, deleted: master.deleted };
      current.set(row.id, latest);
      plan.notices.push(...noticesFor(merged, effects, context.noticeTargets ?? new Set()));
      const newFlags = (merged.flags ?? []).slice((before.flags ?? []).length);
      for (const flag of newFlags) {
        const event = merged.events.find((each) => each.id === flag.eventId);
        const unpaidAmount = flag.code === 'handed-over-unpaid' && event !== undefined ? unpaidAmountOf(event) : 0;
        plan.incidents.push({
          storeId: context.storeId,
          kind: 'order-flag',
          collection: 'orders',
          documentId: row.id,
          detail: { number: merged.number, code: flag.code, eventId: flag.eventId, at: flag.at, statusBefore: before.status, ...(unpaidAmount > 0 ? { unpaidAmount, currency: merged.currency } : {}) },
        });
      }
    }
    if (!sameContent(row.doc, latest.body) || row.deleted !== latest.deleted) plan.conflict(latest.body, latest.deleted);
  }
}
