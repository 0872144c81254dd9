/*
 * The notices an order change owes its source (pure): what the store's events did (mergeOrderWithEffects in
 * src/domain/merge-order.ts) told to the shop the order came from, so it can tell the customer.
 *   ready-for-pickup    the counter marked the order ready
 *   handed-over         the customer (or courier) took it: `complete`, or only `lines` so far
 *   cancelled-in-store  the store cancelled it
 * A notice is owed only where the server can deliver it (a configured target: the order's platform, or the
 * generic shop's callback for orders without one). Its key (order, event, kind) makes it one notice however
 * often the push that caused it is retried; its id, made once, is the Idempotency-Key of every attempt.
 */
import { v7 as uuidv7 } from 'uuid';
import type { OrderDocument } from '../../../src/data/schemas/types.ts';
import type { OrderEffect } from '../../../src/domain/merge-order.ts';
import type { NoticeTarget } from '../integrations-config.ts';
import type { NewNotice } from '../store/outbox-repository.ts';

export type NoticeKind = 'ready-for-pickup' | 'handed-over' | 'cancelled-in-store';

export interface NoticeLine {
  sourceLineId?: string;
  sku: string;
  name: string;
  /** Thousandths of a unit, as the order's lines. */
  qty: number;
}

/** What a notice says, whatever the target: the senders (notice-senders.ts) turn it into each API's call. */
export interface NoticePayload {
  kind: NoticeKind;
  orderId: string;
  storeId: string;
  number: string;
  source?: string;
  sourceOrderId?: string;
  eventId: string;
  at: string;
  /** How the order leaves the store: a pickup's ready notice goes out with its pickup code (outbox-worker.ts). */
  fulfilment?: 'pickup' | 'delivery';
  /** handed-over: whether every line has now left the store. */
  complete?: boolean;
  /** handed-over: what left the store in this handover. */
  lines?: NoticeLine[];
}

export interface NoticeToSend extends NewNotice {
  target: NoticeTarget;
  payload: NoticePayload;
}

export function noticeTargetOf(order: Pick<OrderDocument, 'source'>): NoticeTarget {
  return order.source === 'shopify' || order.source === 'woocommerce' || order.source === 'haravan' ? order.source : 'generic';
}

export function noticesFor(order: OrderDocument, effects: readonly OrderEffect[], targets: ReadonlySet<NoticeTarget>): NoticeToSend[] {
  const target = noticeTargetOf(order);
  if (!targets.has(target)) return [];
  return effects.map((effect) => {
    const payload: NoticePayload = {
      kind: effect.kind === 'ready' ? 'ready-for-pickup' : effect.kind === 'cancelled' ? 'cancelled-in-store' : 'handed-over',
      orderId: order.id,
      storeId: order.storeId,
      number: order.number,
      ...(order.source !== undefined ? { source: order.source } : {}),
      ...(order.sourceOrderId !== undefined ? { sourceOrderId: order.sourceOrderId } : {}),
      eventId: effect.eventId,
      at: effect.at,
      ...(order.fulfilment !== undefined ? { fulfilment: order.fulfilment } : {}),
    };
    if (effect.kind === 'handed-over') {
      payload.complete = effect.complete;
      payload.lines = effect.lines.flatMap(({ line, qty }) => {
        const ordered = order.lines[line];
        if (ordered === undefined) return [];
        return [{ ...(ordered.sourceLineId !== undefined ? { sourceLineId: ordered.sourceLineId } : {}), sku: ordered.sku, name: ordered.name, qty }];
      });
    }
    return { id: uuidv7(), eventKey: `${order.id}|${effect.eventId}|${payload.kind}`, storeId: order.storeId, orderId: order.id, target, payload };
  });
}
