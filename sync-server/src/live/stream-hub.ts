/*
 * The devices streaming live changes from this instance (GET /api/v1/sync/stream), grouped by store.
 * For each change event the hub reads the changed rows once per store that has devices listening (with
 * the same visibility rule as a pull, visible-documents.ts) and writes them to each of that store's
 * streams as `event: change` with {collection, documents, checkpoint}, in pages of 1,000 documents.
 * Events are handled one at a time, in the order they came, so checkpoints on a stream only grow.
 * A stream whose device is too slow to read (over 16 MB buffered) is closed: it re-syncs on reconnect.
 *
 * What is not sent, because the device has it or does not keep it:
 *  - its own facts: the sales, shifts, audit entries a device pushed are exactly what the server stored
 *    (append-only, stored only when new), so the pushing device gets only the last document of the range,
 *    which moves its checkpoint past the push (RxDB stores a checkpoint only with a document). Sending
 *    its 2,000 sales back while it was still pushing was most of the device's work after a day offline.
 *  - ledger entries: devices push theirs but do not replicate them down (a sale carries its own stock
 *    and points movements, and the figures a device shows come from balances + its own unconfirmed
 *    sales), and a 2,000-sale push derives some 11,000 of them. Integrators pull them
 *    (GET /api/v1/sync/ledger/pull).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { collectionPolicies, type CollectionName } from '../../../src/data/schemas/index.ts';
import type { Database } from '../store/database-types.ts';
import { readVisibleRows } from '../store/visible-documents.ts';
import type { VisibleRow } from '../store/visible-documents.ts';
import type { BusMessage, ChangeEvent } from './change-bus.ts';

export interface StreamSubscriber {
  deviceId: string;
  storeId: string;
  /** Writes raw SSE text; returns the bytes still buffered for this client. */
  send(text: string): number;
  close(): void;
}

const PAGE = 1000;
const MAX_BUFFERED = 16 * 1024 * 1024;

export class StreamHub {
  private readonly byStore = new Map<string, Set<StreamSubscriber>>();
  private queue: Promise<void> = Promise.resolve();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: FastifyBaseLogger,
    heartbeatMs: number,
  ) {
    this.heartbeat = setInterval(() => this.broadcast(': keep-alive\n\n'), heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    let n = 0;
    for (const set of this.byStore.values()) n += set.size;
    return n;
  }

  add(subscriber: StreamSubscriber): () => void {
    const set = this.byStore.get(subscriber.storeId) ?? new Set();
    set.add(subscriber);
    this.byStore.set(subscriber.storeId, set);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.byStore.get(subscriber.storeId) === set) this.byStore.delete(subscriber.storeId);
    };
  }

  handle(message: BusMessage): void {
    this.queue = this.queue
      .then(() => this.process(message))
      .catch((error: unknown) => {
        this.log.error({ err: error, message }, 'could not send a change to the event streams; closing them so devices re-sync');
        this.closeAll();
      });
  }

  /** Resolves once every event handed to the hub so far has been sent. */
  idle(): Promise<void> {
    return this.queue;
  }

  close(): void {
    clearInterval(this.heartbeat);
    this.closeAll();
  }

  private async process(message: BusMessage): Promise<void> {
    if (message.type === 'reset') return this.closeAll();
    if (message.type === 'device-revoked') {
      for (const set of this.byStore.values()) for (const s of [...set]) if (s.deviceId === message.deviceId) s.close();
      return;
    }
    const event = message.event;
    if (collectionPolicies[event.collection].streamed === 'none') return;
    const stores = event.storeIds === null ? [...this.byStore.keys()] : event.storeIds.filter((id) => this.byStore.has(id));
    for (const storeId of stores) await this.sendToStore(storeId, event);
  }

  private async sendToStore(storeId: string, event: ChangeEvent): Promise<void> {
    const subscribers = [...(this.byStore.get(storeId) ?? [])];
    const own = collectionPolicies[event.collection].streamed === 'other-devices' && event.originDeviceId !== undefined ? event.originDeviceId : undefined;
    const others = subscribers.filter((s) => s.deviceId !== own);
    const origin = subscribers.filter((s) => s.deviceId === own);
    let afterSeq = event.fromSeq - 1;
    let last: VisibleRow | undefined;
    if (others.length === 0) {
      // Only the pushing device listens: its last document is all it needs.
      [last] = await readVisibleRows(this.db, { collection: event.collection, storeId, afterSeq, toSeq: event.toSeq, limit: 1, newestFirst: true });
    } else {
      for (;;) {
        const rows = await readVisibleRows(this.db, { collection: event.collection, storeId, afterSeq, toSeq: event.toSeq, limit: PAGE });
        if (rows.length === 0) break;
        last = rows[rows.length - 1]!;
        const text = changeText(event.collection, rows);
        for (const subscriber of others) this.write(subscriber, text);
        if (rows.length < PAGE) break;
        afterSeq = last.seq;
      }
    }
    if (last === undefined || origin.length === 0) return;
    const text = changeText(event.collection, [last]);
    for (const subscriber of origin) this.write(subscriber, text);
  }

  private broadcast(text: string): void {
    for (const set of this.byStore.values()) for (const subscriber of [...set]) this.write(subscriber, text);
  }

  private write(subscriber: StreamSubscriber, text: string): void {
    if (subscriber.send(text) > MAX_BUFFERED) {
      this.log.warn({ deviceId: subscriber.deviceId }, 'event stream client too slow; closing its stream');
      subscriber.close();
    }
  }

  private closeAll(): void {
    for (const set of this.byStore.values()) for (const subscriber of [...set]) subscriber.close();
  }
}

/** One `event: change` with {collection, documents, checkpoint}; the checkpoint is the last row's. */
function changeText(collection: CollectionName, rows: readonly VisibleRow[]): string {
  const last = rows[rows.length - 1]!;
  const data = `{"collection":${JSON.stringify(collection)},"documents":[${rows.map((r) => r.json).join(',')}],"checkpoint":${JSON.stringify({ id: last.id, seq: last.seq })}}`;
  return `event: change\ndata: ${data}\n\n`;
}
