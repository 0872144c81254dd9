/*
 * Online refunds at the returns desk (issue 16): what became of the refunds asked of an order's shop, read from
 * the server (GET /api/v1/orders/:orderId/refunds) when online. The method itself is offered by return-draft.ts.
 */
import { ONLINE_REFUND_NO_CONNECTION } from '../../domain/online-refund.ts';
import { apiUrl } from '../../sync/sync-api.ts';

export type OnlineRefundState = 'pending' | 'failing' | 'delivered';

export interface OnlineRefundSeen {
  readonly id: string;
  readonly returnNumber?: string;
  readonly amount: number;
  readonly currency: string;
  readonly state: OnlineRefundState;
  /** Only ever the server's own ONLINE_REFUND_NO_CONNECTION (domain/online-refund.ts): it cannot go. */
  readonly reason?: string;
}

/** The words (returns.onlineRefund.*) for what became of a refund: one that cannot go at all says so. */
export function refundStatusKey(refund: Pick<OnlineRefundSeen, 'state' | 'reason'>): string {
  return refund.state === 'failing' && refund.reason === ONLINE_REFUND_NO_CONNECTION ? 'returns.onlineRefund.noConnection' : `returns.onlineRefund.${refund.state}`;
}

function isRefundList(body: unknown): body is { refunds: OnlineRefundSeen[] } {
  if (typeof body !== 'object' || body === null || !('refunds' in body) || !Array.isArray(body.refunds)) return false;
  return body.refunds.every((r: unknown) => typeof r === 'object' && r !== null && 'amount' in r && typeof r.amount === 'number' && 'state' in r && typeof r.state === 'string');
}

/** The online refunds of an order as the server knows them; throws with the status when it will not say. */
export async function fetchOnlineRefunds(server: { readonly serverUrl: string; readonly token: string }, orderId: string, signal?: AbortSignal): Promise<OnlineRefundSeen[]> {
  const response = await fetch(apiUrl(server.serverUrl, `/orders/${encodeURIComponent(orderId)}/refunds`), {
    headers: { authorization: `Bearer ${server.token}`, accept: 'application/json' },
    cache: 'no-store',
    ...(signal === undefined ? {} : { signal }),
  });
  if (!response.ok) throw new Error(`the server answered ${response.status} to the online refunds of order ${orderId}`);
  const body: unknown = await response.json();
  if (!isRefundList(body)) throw new Error(`the server answered the online refunds of order ${orderId} in a shape this tablet does not read`);
  return body.refunds;
}
