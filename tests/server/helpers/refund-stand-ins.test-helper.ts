/*
 * Stand-ins for the refund endpoints of the shop platforms (real HTTP servers on 127.0.0.1), answering as the
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
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RefundRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown> | undefined;
}

export interface RefundStandIn {
  url: string;
  requests: RefundRequest[];
  /** Refunds made, by the platform's order id. */
  refunds: Map<string, Array<Record<string, unknown>>>;
  failNext(count: number, status?: number): void;
  loseNextAnswer(): void;
  close(): Promise<void>;
}

type Platform = 'shopify' | 'woocommerce' | 'callback';

export async function startRefundStandIn(platform: Platform): Promise<RefundStandIn> {
  const requests: RefundRequest[] = [];
  const refunds = new Map<string, Array<Record<string, unknown>>>();
  let failures = { count: 0, status: 500 };
  let loseAnswer = false;
  const handle = (request: RefundRequest): { status: number; body: unknown } => {
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
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown> | undefined;
      try {
        json = body === '' ? undefined : (JSON.parse(body) as Record<string, unknown>);
      } catch {
        json = undefined;
      }
      const request: RefundRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json };
      requests.push(request);
      let answer: { status: number; body: unknown };
      if (failures.count > 0) {
        failures.count -= 1;
        answer = { status: failures.status, body: { errors: 'stand-in failure' } };
      } else {
        answer = handle(request);
        if (loseAnswer && request.method === 'POST') {
          loseAnswer = false;
          answer = { status: 500, body: { errors: 'answer lost' } };
        }
      }
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    refunds,
    failNext: (count, status = 500) => (failures = { count, status }),
    loseNextAnswer: () => (loseAnswer = true),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
