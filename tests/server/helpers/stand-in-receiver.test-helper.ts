/*
 * A stand-in receiver for tests: a real Node HTTP server on 127.0.0.1 that records every request (method,
 * path, headers, body and its JSON) and answers with what the test's `handle` says, as a shop platform's API
 * would (platform-receivers.test-helper.ts, refund-stand-ins.test-helper.ts build theirs on it).
 * `failNext(n, status)` makes the next n requests answer `status` without handling them; `hold()` keeps
 * requests unanswered until `release()` (a server killed mid-delivery); `acknowledgedKeys()` lists the
 * Idempotency-Keys of the requests answered 2xx.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown> | undefined;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  failNext(count: number, status?: number): void;
  hold(): void;
  release(): void;
  /** Requests answered 2xx, by Idempotency-Key. */
  acknowledgedKeys(): string[];
  close(): Promise<void>;
}

export type Handler = (request: ReceivedRequest) => { status: number; body: unknown };

export async function startReceiver(handle: Handler): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const acknowledged: string[] = [];
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  let holding = false;
  const held: Array<() => void> = [];
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
      const received: ReceivedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json };
      requests.push(received);
      const answer = () => {
        if (res.destroyed) return;
        let status: number;
        let payload: unknown;
        if (failures.count > 0) {
          failures.count -= 1;
          status = failures.status;
          payload = { errors: 'stand-in failure' };
        } else {
          ({ status, body: payload } = handle(received));
        }
        if (status >= 200 && status < 300 && typeof req.headers['idempotency-key'] === 'string') acknowledged.push(req.headers['idempotency-key']);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (holding) held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (count, status = 500) => (failures = { count, status }),
    hold: () => (holding = true),
    release: () => {
      holding = false;
      for (const answer of held.splice(0)) answer();
    },
    acknowledgedKeys: () => [...acknowledged],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
