/*
 * Live change events for the event stream: after a push commits, every server instance learns which
 * collections changed for which stores and which seq range holds the change, and its stream hub reads the
 * rows and sends them to the devices that may see them.
 *
 * SQLite (one server process): the event is emitted in-process at the end of the write transaction. The
 * hub's read needs the single database connection, so it runs after the commit, and events keep commit order.
 * PostgreSQL (N instances): the event goes out with NOTIFY inside the write transaction, so PostgreSQL
 * delivers it only if the transaction commits, and in commit order, to every instance LISTENing, this one
 * included (events never take a local shortcut, which could overtake an earlier commit's notification).
 * A NOTIFY payload is limited to 8000 bytes, so it carries only {collection, storeIds, fromSeq, toSeq,
 * originDeviceId};
 * each instance reads the documents itself. If the LISTEN connection drops, events may have been missed:
 * the hub closes every stream ("reset"), devices reconnect and pull again (RESYNC), and nothing is lost.
 */
import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import type { CollectionName } from '../../../src/data/schemas/index.ts';
import type { Database } from '../store/database-types.ts';
import type { Store } from '../store/open-store.ts';

export interface ChangeEvent {
  collection: CollectionName;
  /** Stores whose devices may see the change; null: any store may (customers, the catalog). */
  storeIds: string[] | null;
  fromSeq: number;
  toSeq: number;
  /** The device whose push wrote the change (undefined for the server's own writes). */
  originDeviceId?: string;
}

export type BusMessage =
  | { type: 'change'; event: ChangeEvent }
  | { type: 'device-revoked'; deviceId: string }
  /** Events may have been missed: every stream should be closed so its device re-syncs. */
  | { type: 'reset' };

export interface ChangeBus {
  /** Inside the write transaction, after the writes. */
  announce(db: Kysely<Database>, events: readonly ChangeEvent[]): Promise<void>;
  announceRevocation(deviceId: string): Promise<void>;
  subscribe(listener: (message: BusMessage) => void): () => void;
  close(): Promise<void>;
}

const NOTIFY_LIMIT = 7900;
const RECONNECT_MS = 1000;

export async function createChangeBus(store: Store, databaseUrl: string | undefined, log: FastifyBaseLogger): Promise<ChangeBus> {
  if (store.kind === 'postgres' && databaseUrl !== undefined) {
    const bus = new PostgresChangeBus(databaseUrl, channelFor(store.schema ?? 'public'), log);
    await bus.start();
    return bus;
  }
  return new LocalChangeBus();
}

/** One channel per schema, so deployments (and test databases) sharing a PostgreSQL server stay apart. */
export function channelFor(schema: string): string {
  return `pos_sync_${schema.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
}

class LocalChangeBus implements ChangeBus {
  protected readonly emitter = new EventEmitter().setMaxListeners(0);

  async announce(_db: Kysely<Database>, events: readonly ChangeEvent[]): Promise<void> {
    for (const event of events) this.emitter.emit('message', { type: 'change', event } satisfies BusMessage);
  }

  async announceRevocation(deviceId: string): Promise<void> {
    this.emitter.emit('message', { type: 'device-revoked', deviceId } satisfies BusMessage);
  }

  subscribe(listener: (message: BusMessage) => void): () => void {
    this.emitter.on('message', listener);
    return () => this.emitter.off('message', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

type NotifyPayload = { events: ChangeEvent[] } | { revoked: string };

function changesPayload(events: readonly ChangeEvent[]): string {
  const payload = JSON.stringify({ events: [...events] } satisfies NotifyPayload);
  if (payload.length <= NOTIFY_LIMIT) return payload;
  return JSON.stringify({ events: events.map((e) => ({ ...e, storeIds: null })) } satisfies NotifyPayload);
}

/**
 * Server writes made by another process (the admin command), announced inside their write transaction.
 * PostgreSQL: the same NOTIFY every server instance LISTENs to, so connected tablets get the change live.
 * SQLite: a server learns of changes only in its own process, so there is no one to tell; the writes
 * carry new seqs and tablets get them on their next pull (every stream reconnection pulls). Returns
 * whether the change was announced.
 */
export async function announceFromOutside(store: Store, db: Kysely<Database>, events: readonly ChangeEvent[]): Promise<boolean> {
  if (store.kind !== 'postgres' || events.length === 0) return false;
  await sql`select pg_notify(${channelFor(store.schema ?? 'public')}, ${changesPayload(events)})`.execute(db);
  return true;
}

class PostgresChangeBus extends LocalChangeBus {
  private client: pg.Client | undefined;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly log: FastifyBaseLogger,
  ) {
    super();
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
    client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload !== undefined) this.deliver(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    this.client = client;
  }

  override async announce(db: Kysely<Database>, events: readonly ChangeEvent[]): Promise<void> {
    await sql`select pg_notify(${this.channel}, ${changesPayload(events)})`.execute(db);
  }

  override async announceRevocation(deviceId: string): Promise<void> {
    if (this.client === undefined) {
      await super.announceRevocation(deviceId);
      return;
    }
    await this.client.query('select pg_notify($1, $2)', [this.channel, JSON.stringify({ revoked: deviceId } satisfies NotifyPayload)]);
  }

  override async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end();
    await super.close();
  }

  private deliver(text: string): void {
    let payload: NotifyPayload;
    try {
      payload = JSON.parse(text) as NotifyPayload;
    } catch (error) {
      this.log.error({ err: error, payload: text.slice(0, 200) }, 'unreadable change notification');
      return;
    }
    if ('revoked' in payload) this.emitter.emit('message', { type: 'device-revoked', deviceId: payload.revoked } satisfies BusMessage);
    else for (const event of payload.events) this.emitter.emit('message', { type: 'change', event } satisfies BusMessage);
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    this.log.error({ err: error }, 'lost the LISTEN connection for live changes: closing streams and reconnecting');
    client.end().catch((endError: unknown) => this.log.warn({ err: endError }, 'closing the lost LISTEN connection failed'));
    this.emitter.emit('message', { type: 'reset' } satisfies BusMessage);
    const retry = (): void => {
      if (this.closed) return;
      this.start().catch((startError: unknown) => {
        this.log.error({ err: startError }, 'reconnecting the LISTEN connection failed; retrying');
        this.reconnectTimer = setTimeout(retry, RECONNECT_MS);
      });
    };
    this.reconnectTimer = setTimeout(retry, RECONNECT_MS);
  }
}
