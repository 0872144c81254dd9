/*
 * flash_sale_10k_orders_s (issue 15): a flash sale on the web shop, 10,000 signed Shopify order deliveries
 * sent as fast as a real server process on SQLite takes them (64 at a time), while one tablet of the store
 * holds the event stream open: seconds from the first delivery sent to the last of the 10,000 orders on the
 * tablet. `detail` has how long the deliveries took to be answered (all of them 2xx) and the rate.
 */
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import { startPosServer } from '../e2e/support/pos-server.test-helper.ts';
import { openEventStream } from '../support/sse-client.test-helper.ts';
import { report } from './report.ts';
import { shopifyBody } from './webhook-ack.bench.ts';

const SECRET = 'shpss_bench_0123456789abcdef0123';
const CODE = 'BENCH-FLASH-0001';
const ORDERS = 10_000;
const CONCURRENCY = 64;
const FIRST = 500_000;

export async function benchFlashSale(): Promise<void> {
  const server = await startPosServer({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: '200', POS_SHOPIFY_WEBHOOK_SECRET: SECRET } });
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const enrolled = await fetch(`${server.url}/api/v1/devices/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ enrollmentCode: CODE, deviceName: 'flash' }) });
    const { token } = (await enrolled.json()) as { token: string };
    const wanted = new Set<string>();
    const bodies = Array.from({ length: ORDERS }, (_, i) => {
      const body = shopifyBody(FIRST + i);
      wanted.add(`9100000000000${String(FIRST + i).padStart(6, '0')}`);
      return { body, signature: createHmac('sha256', SECRET).update(body).digest('base64') };
    });
    const seen = new Set<string>();
    let allSeen: () => void = () => {};
    const everything = new Promise<void>((resolve) => (allSeen = resolve));
    const stream = openEventStream(`${server.url}/api/v1/sync/stream`, token, (event) => {
      if (event.event !== 'change') return;
      const change = JSON.parse(event.data) as { collection: string; documents: Array<{ sourceOrderId?: string }> };
      if (change.collection !== 'orders') return;
      for (const doc of change.documents) if (doc.sourceOrderId !== undefined && wanted.has(doc.sourceOrderId)) seen.add(doc.sourceOrderId);
      if (seen.size === wanted.size) allSeen();
    });
    await stream.ready;
    const target = new URL(`${server.url}/api/v1/orders/webhooks/shopify`);
    const send = (delivery: { body: string; signature: string }, index: number) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          {
            agent,
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(delivery.body),
              'x-shopify-hmac-sha256': delivery.signature,
              'x-shopify-topic': 'orders/create',
              'x-shopify-webhook-id': `flash-${index}`,
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(delivery.body);
      });
    const started = performance.now();
    let next = 0;
    let refused = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < bodies.length) {
          const index = next++;
          const status = await send(bodies[index]!, index);
          if (status < 200 || status >= 300) refused += 1;
        }
      }),
    );
    const answered = performance.now() - started;
    await Promise.race([everything, new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${seen.size} of ${ORDERS} orders reached the tablet within 5 minutes`)), 300_000))]);
    const onTablet = performance.now() - started;
    stream.close();
    report('flash_sale_10k_orders_s', onTablet / 1000, 's', {
      deliveries_answered_s: Number((answered / 1000).toFixed(2)),
      deliveries_per_s: Math.round(ORDERS / (answered / 1000)),
      refused,
      orders_on_tablet: seen.size,
      database: 'sqlite',
    });
    if (refused > 0) throw new Error(`${refused} deliveries were not answered 2xx`);
  } finally {
    agent.destroy();
    await server.stop();
  }
}
