/*
 * A misbehaving network between a tablet and the server, for tests: an HTTP proxy on loopback that, at
 * random (seeded, so a failing run can be replayed), refuses connections, delays requests, drops responses
 * after the server handled the request (the client never learns its push landed), and cuts response
 * bodies in the middle. Server-Sent Events pass through but may be cut too.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { makeRandom } from './sale-factory.test-helper.ts';

export interface ChaosOptions {
  target: string;
  seed?: number;
  /** Probabilities, each 0..1. */
  refuse?: number;
  dropResponse?: number;
  cutBody?: number;
  maxDelayMs?: number;
  /** Only requests whose path matches suffer; default: all. */
  affects?: RegExp;
}

export interface ChaosProxy {
  url: string;
  stats: { requests: number; refused: number; dropped: number; cut: number };
  /** Turn the chaos off (or on again), e.g. to let the system converge at the end of a test. */
  setCalm(calm: boolean): void;
  close(): Promise<void>;
}

export async function startChaosProxy(options: ChaosOptions): Promise<ChaosProxy> {
  const target = new URL(options.target);
  const random = makeRandom(options.seed ?? 1);
  const stats = { requests: 0, refused: 0, dropped: 0, cut: 0 };
  let calm = false;
  const sockets = new Set<Socket>();

  const server = http.createServer((request: IncomingMessage, response: ServerResponse) => {
    stats.requests++;
    const spared = calm || (options.affects !== undefined && !options.affects.test(request.url ?? ''));
    const chance = (p: number | undefined) => !spared && p !== undefined && random() < p;
    if (chance(options.refuse)) {
      stats.refused++;
      request.socket.destroy();
      return;
    }
    const delay = spared ? 0 : Math.floor(random() * (options.maxDelayMs ?? 0));
    const drop = chance(options.dropResponse);
    const cut = !drop && chance(options.cutBody);
    setTimeout(() => forward(request, response, { drop, cut }), delay);
  });

  function forward(request: IncomingMessage, response: ServerResponse, fault: { drop: boolean; cut: boolean }) {
    const upstream = http.request(
      { hostname: target.hostname, port: target.port, path: request.url, method: request.method, headers: { ...request.headers, host: target.host } },
      (upstreamResponse) => {
        if (fault.drop) {
          // The server did the work; the client never hears about it.
          stats.dropped++;
          upstreamResponse.resume();
          upstreamResponse.on('end', () => response.socket?.destroy());
          return;
        }
        response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        if (!fault.cut) {
          upstreamResponse.pipe(response);
          return;
        }
        stats.cut++;
        let sent = 0;
        upstreamResponse.on('data', (chunk: Buffer) => {
          if (sent === 0) {
            const half = chunk.subarray(0, Math.max(1, Math.floor(chunk.length / 2)));
            response.write(half);
            sent += half.length;
            setTimeout(() => response.socket?.destroy(), 5);
          }
        });
      },
    );
    upstream.on('error', () => response.socket?.destroy());
    request.pipe(upstream);
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setCalm: (value) => {
      calm = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
