/*
 * Stand-ins for the refund endpoints of the shop platforms (stand-in-receiver.test-helper.ts), answering as the
 * public docs say, and keeping the refunds made so a test can count them:
 *   shopify     GET  /admin/api/<v>/orders/<id>/refunds.json      {refunds: [...]}
 *               GET  /admin/api/<v>/orders/<id>/transactions.json {transactions: [{id, kind: "sale", status: "success", gateway}]}
 *               POST /admin/api/<v>/orders/<id>/refunds.json      {refund: {...}} -> 201 {refund: {id, note, ...}}
 *   woocommerce GET  /wp-json/wc/v3/orders/<id>/refunds            [...]
 *               POST /wp-json/wc/v3/orders/<id>/refunds            {amount, reason, api_refund, meta_data} -> 201
 *   callback    POST anything -> 200 {received: true}
 * `failNext(n, status)` answers the next n requests with `status` before handling them; `loseNextAnswer()`
 * makes the next refund but answers 500 (the answer lost on the way: a retry must not refund twice).
 */
import { startReceiver } from './stand-in-receiver.test-helper.ts';
import type { ReceivedRequest, Receiver } from './stand-in-receiver.test-helper.ts';

export interface RefundStandIn extends Receiver {
  /** Refunds made, by the platform's order id. */
  refunds: Map<string, Array<Record<string, unknown>>>;
  loseNextAnswer(): void;
}

type Platform = 'shopify' | 'woocommerce' | 'callback';

export async function startRefundStandIn(platform: Platform): Promise<RefundStandIn> {
  const refunds = new Map<string, Array<Record<string, unknown>>>();
  let loseAnswer = false;
  const handle = (request: ReceivedRequest): { status: number; body: unknown } => {
    if (platform === 'callback') return { status: 200, body: { received: true } };
    const pattern = platform === 'shopify' ? /^\/admin\/api\/[^/]+\/orders\/(\d+)\/(refunds|transactions)\.json$/ : /^\/wp-json\/wc\/v3\/orders\/(\d+)\/(refunds)$/;
    const match = pattern.exec(request.path);
    if (match === null) return { status: 404, body: { errors: 'Not Found' } };
    const [, orderId = '', what] = match;
    const made = refunds.get(orderId) ?? [];
    if (request.method === 'GET' && what === 'transactions') return { status: 200, body: { transactions: [{ id: 389404469, kind: 'sale', status: 'success', gateway: 'bogus', amount: '189000' }] } };
    if (request.method === 'GET') return { status: 200, body: platform === 'shopify' ? { refunds: made } : made };
    if (request.method !== 'POST') return { status: 405, body: { errors: 'method' } };
    const refund = platform === 'shopify' ? ((request.json?.['refund'] as Record<string, unknown> | undefined) ?? {}) : (request.json ?? {});
    const stored = { id: 509562969 + made.length, ...refund };
    refunds.set(orderId, [...made, stored]);
    return { status: 201, body: platform === 'shopify' ? { refund: stored } : stored };
  };
  const receiver = await startReceiver((request) => {
    const answer = handle(request);
    if (loseAnswer && request.method === 'POST') {
      loseAnswer = false;
      return { status: 500, body: { errors: 'answer lost' } };
    }
    return answer;
  });
  return { ...receiver, refunds, loseNextAnswer: () => (loseAnswer = true) };
}
