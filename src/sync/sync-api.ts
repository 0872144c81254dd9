/*
 * The device's HTTP client for the sync contract (README "Sync protocol (v1)"): pull, push and the event
 * stream, each with the device token as a Bearer header. Failures come back as SyncHttpError (see
 * sync-errors.ts) or as fetch's own TypeError for network failures; nothing is retried here, the callers
 * (RxDB replication, catalog sync, event stream) own their retry policy.
 */
import type { CatalogCheckpoint } from '../catalog/catalog-database.ts';
import type { CollectionName } from '../data/schemas/index.ts';
import { readErrorAnswer } from './sync-errors.ts';

export interface SyncCheckpoint {
  id: string;
  seq: number;
}

export type WireDocument = Record<string, unknown> & { id: string; _deleted?: boolean };

export interface PullAnswer {
  documents: WireDocument[];
  checkpoint: SyncCheckpoint | null;
}

export interface PushRow {
  assumedMasterState?: WireDocument;
  newDocumentState: WireDocument;
}

export interface SyncApi {
  pull: (collection: CollectionName, checkpoint: CatalogCheckpoint | SyncCheckpoint | null, limit: number, signal?: AbortSignal) => Promise<PullAnswer>;
  /** Resolves to the conflicting master documents (empty when none). */
  push: (collection: CollectionName, rows: readonly PushRow[]) => Promise<WireDocument[]>;
  /** Opens the event stream; the caller reads the body. */
  openStream: (signal: AbortSignal) => Promise<Response>;
}

export interface SyncApiOptions {
  serverUrl: string;
  token: string;
  fetch?: typeof fetch;
}

/** Long enough for a 10,000-row catalog page on shop Wi-Fi; a hung request must not stall sync forever. */
const PULL_TIMEOUT_MS = 60_000;
const PUSH_TIMEOUT_MS = 60_000;

export function apiUrl(serverUrl: string, path: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/api/v1${path}`;
}

/**
 * Pushes from this size on go gzip-compressed (Content-Encoding: gzip) to a server on another machine: a
 * day of sales queued offline is megabytes of JSON that shrinks about tenfold, seconds saved on a shop's
 * uplink (5 MB takes 4 s at 10 Mbit/s, 0.4 s on a 100 Mbit/s LAN; compressing it takes the browser about
 * 70 ms). To a server on this very machine (a one-till shop running both on its PC) the upload costs next
 * to nothing and compressing would only add those 70 ms. Small pushes (a sale or two) go as they are.
 */
const COMPRESS_PUSH_FROM_CHARS = 64 * 1024;

function isLoopback(serverUrl: string): boolean {
  try {
    const host = new URL(serverUrl).hostname;
    return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

async function gzip(text: string): Promise<ArrayBuffer> {
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
}

export function createSyncApi({ serverUrl, token, fetch: fetchImpl = globalThis.fetch.bind(globalThis) }: SyncApiOptions): SyncApi {
  const authorization = `Bearer ${token}`;
  let compressPushes = !isLoopback(serverUrl);

  return {
    async pull(collection, checkpoint, limit, signal) {
      const query = new URLSearchParams({ id: checkpoint?.id ?? '', seq: String(checkpoint?.seq ?? 0), limit: String(limit) });
      const request = `GET /sync/${collection}/pull`;
      const timeout = AbortSignal.timeout(PULL_TIMEOUT_MS);
      const response = await fetchImpl(apiUrl(serverUrl, `/sync/${collection}/pull?${query}`), {
        headers: { authorization, accept: 'application/json' },
        cache: 'no-store',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      if (!response.ok) throw await readErrorAnswer(response, request);
      return (await response.json()) as PullAnswer;
    },

    async push(collection, rows) {
      const request = `POST /sync/${collection}/push`;
      const text = JSON.stringify(rows);
      const send = (body: string | ArrayBuffer, encoding?: 'gzip') =>
        fetchImpl(apiUrl(serverUrl, `/sync/${collection}/push`), {
          method: 'POST',
          headers: { authorization, accept: 'application/json', 'content-type': 'application/json', ...(encoding ? { 'content-encoding': encoding } : {}) },
          body,
          cache: 'no-store',
          signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
        });
      let response: Response;
      if (compressPushes && text.length >= COMPRESS_PUSH_FROM_CHARS && typeof CompressionStream === 'function') {
        response = await send(await gzip(text), 'gzip');
        // A server that does not take compressed bodies says 415: send it plain from now on.
        if (response.status === 415) {
          compressPushes = false;
          response = await send(text);
        }
      } else {
        response = await send(text);
      }
      if (!response.ok) throw await readErrorAnswer(response, request);
      return (await response.json()) as WireDocument[];
    },

    async openStream(signal) {
      const response = await fetchImpl(apiUrl(serverUrl, '/sync/stream'), {
        headers: { authorization, accept: 'text/event-stream' },
        cache: 'no-store',
        signal,
      });
      if (!response.ok) throw await readErrorAnswer(response, 'GET /sync/stream');
      return response;
    },
  };
}
