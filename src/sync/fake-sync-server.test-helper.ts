// Test helper: an in-memory sync server behind a fetch function, speaking the contract (pull, push, stream)
// closely enough to drive the real sync engine in Chromium. Not bundled: only tests import it.
import type { WireDocument } from './sync-api.ts';

interface Stored {
  seq: number;
  document: WireDocument;
}

export interface FakeSyncServer {
  fetch: typeof fetch;
  documents: (collection: string) => WireDocument[];
  pushes: Array<{ collection: string; ids: string[]; status: number; compressed: boolean }>;
  /** Answer compressed pushes with 415, as a server that only takes plain bodies would. */
  refuseCompressed: () => void;
  /** Writes as the server would (another device, the back office) and streams the change. */
  write: (collection: string, documents: ReadonlyArray<object & { id: string }>) => void;
  revoke: () => void;
  /** Refuse (400) any push batch containing a document with this field value. */
  poison: (predicate: (document: WireDocument) => boolean) => void;
}

export function createFakeSyncServer(token = 'device-token'): FakeSyncServer {
  let seq = 0;
  let revoked = false;
  let isPoison: (document: WireDocument) => boolean = () => false;
  let acceptsCompressed = true;
  const collections = new Map<string, Map<string, Stored>>();
  const streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  const encoder = new TextEncoder();
  const pushes: FakeSyncServer['pushes'] = [];

  function put(collection: string, documents: WireDocument[]): { id: string; seq: number } | null {
    const table = collections.get(collection) ?? new Map<string, Stored>();
    collections.set(collection, table);
    let last: { id: string; seq: number } | null = null;
    for (const document of documents) {
      seq += 1;
      table.delete(document.id);
      table.set(document.id, { seq, document: { ...document, _deleted: document._deleted === true } });
      last = { id: document.id, seq };
    }
    return last;
  }

  function broadcast(collection: string, documents: WireDocument[], checkpoint: { id: string; seq: number } | null): void {
    const frame = encoder.encode(`event: change\ndata: ${JSON.stringify({ collection, documents, checkpoint })}\n\n`);
    for (const stream of streams) stream.enqueue(frame);
  }

  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const authorization = new Headers(init?.headers).get('authorization');
    if (revoked || authorization !== `Bearer ${token}`) return json(401, { error: 'unauthorized', message: 'The device token is not valid' });
    if (url.pathname === '/api/v1/sync/stream') {
      let own: ReadableStreamDefaultController<Uint8Array> | undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          own = controller;
          streams.add(controller);
          controller.enqueue(encoder.encode('event: ready\ndata: {}\n\n'));
        },
        cancel() {
          if (own) streams.delete(own);
        },
      });
      init?.signal?.addEventListener('abort', () => own && streams.delete(own));
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    }
    const match = /^\/api\/v1\/sync\/(\w+)\/(pull|push)$/.exec(url.pathname);
    if (!match) return json(404, { error: 'not_found', message: url.pathname });
    const [, collection = '', operation] = match;
    if (operation === 'pull') {
      const after = Number(url.searchParams.get('seq') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 1000);
      const rows = [...(collections.get(collection)?.values() ?? [])].filter((row) => row.seq > after).sort((a, b) => a.seq - b.seq).slice(0, limit);
      const last = rows[rows.length - 1];
      const checkpoint = last ? { id: last.document.id, seq: last.seq } : after > 0 ? { id: url.searchParams.get('id') ?? '', seq: after } : null;
      return json(200, { documents: rows.map((row) => row.document), checkpoint });
    }
    const compressed = new Headers(init?.headers).get('content-encoding') === 'gzip';
    if (compressed && !acceptsCompressed) return json(415, { error: 'unsupported_media_type', message: 'Content-Encoding "gzip" is not accepted' });
    const rows = JSON.parse(compressed ? await gunzipText(init?.body as ArrayBuffer) : String(init?.body)) as Array<{ newDocumentState: WireDocument }>;
    const ids = rows.map((row) => row.newDocumentState.id);
    if (rows.some((row) => isPoison(row.newDocumentState))) {
      pushes.push({ collection, ids, status: 400, compressed });
      return json(400, { error: 'invalid_document', message: 'details.amount must be an integer' });
    }
    pushes.push({ collection, ids, status: 200, compressed });
    const documents = rows.map((row) => row.newDocumentState);
    broadcast(collection, documents, put(collection, documents));
    return json(200, []);
  };

  return {
    fetch: fakeFetch as typeof fetch,
    documents: (collection) => [...(collections.get(collection)?.values() ?? [])].map((row) => row.document),
    pushes,
    write: (collection, documents) => {
      const wire = documents as WireDocument[];
      broadcast(collection, wire, put(collection, wire));
    },
    revoke: () => {
      revoked = true;
      for (const stream of streams) stream.error(new TypeError('network error'));
      streams.clear();
    },
    poison: (predicate) => {
      isPoison = predicate;
    },
    refuseCompressed: () => {
      acceptsCompressed = false;
    },
  };
}

/** A gzip-compressed push body as text, as the real server reads it. */
async function gunzipText(body: ArrayBuffer): Promise<string> {
  return new Response(new Blob([body]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}
