/*
 * The kinds of outbox notice that bring their own sender (a registry, so a new kind is a new folder plus a
 * row here instead of a branch in notice-senders.ts). A notice of a kind not listed goes through the pickup
 * notice senders (notice-senders.ts); the outbox, its worker and its retries are the same for every kind.
 *   online-refund   a return of an order paid online, refunded by the order's shop (refunds/, issue 16)
 */
import type { IntegrationsConfig } from '../integrations-config.ts';
import type { OutboxNotice } from '../store/outbox-repository.ts';
import { ONLINE_REFUND } from './refunds/refund-notices.ts';
import { refundSenderFor } from './refunds/refund-senders.ts';

export type KindSender = (notice: OutboxNotice) => Promise<{ ok: boolean; status: number | null; error?: string }>;

type KindSenderFactory = (target: string, config: IntegrationsConfig['notices']) => KindSender | undefined;

const noticeKinds: ReadonlyMap<string, KindSenderFactory> = new Map([[ONLINE_REFUND, refundSenderFor]]);

/** Whether notices of `kind` have a sender of their own. */
export function hasOwnSender(kind: string): boolean {
  return noticeKinds.has(kind);
}

/** The sender of a notice of a registered kind to `target`, or undefined when the target is not configured. */
export function kindSenderFor(kind: string, target: string, config: IntegrationsConfig['notices']): KindSender | undefined {
  return noticeKinds.get(kind)?.(target, config);
}
