/*
 * Live change events for the event stream: after a push commits, every server instance learns which
 * collections changed for which stores and which seq range holds the change, and its stream hub reads the
 * rows and sends them to the devices that may see them.
 *
 * SQLite (one server process): the event is emitted in-process at the end of the write transaction. The
 * hub's read needs the single database connection, so it runs after the commit, and events keep commit order.
 * Another process writing the same file (the admin command, `npm run seed`) cannot reach this process, so
 * the bus also reads the sequence counter every second: when it has moved past every seq announced here,
 * the range in between was written elsewhere and is announced for every streamed collection (the hub
 * reads what is there). The read waits for the one connection, so it never sees a transaction of this
 * process half-way, and everything this process committed before it was announced already.
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
import { collectionPolicies } from '../../../src/data/schemas/index.ts';
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

/** How often a SQLite server looks for writes made by another process. */
export const OUTSIDE_WRITES_POLL_MS = 1000;

export async function createChangeBus(store: Store, databaseUrl: string | undefined, log: FastifyBaseLogger): Promise<ChangeBus> {
  if (store.kind === 'postgres' && databaseUrl !== undefined) {
    const bus = new PostgresChangeBus(databaseUrl, channelFor(store.schema ?? 'public'), log);
    await bus.start();
    return bus;
  }
  if (store.kind === 'sqlite') {
    const bus = new SqliteChangeBus(store, log);
    await bus.start(OUTSIDE_WRITES_POLL_MS);
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

/** SQLite: the in-process bus, plus writes of other processes found on the sequence counter. */
class SqliteChangeBus extends LocalChangeBus {
  private lastSeen = 0;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
  ) {
    super();
  }

  async start(intervalMs: number): Promise<void> {
    // A database not reachable (or not migrated) yet must not stop the server from starting: the health
    // check says what is wrong, and the first look that works starts from there.
    this.lastSeen = await sequenceCounter(this.store.db).catch((error: unknown) => {
      this.log.warn({ err: error }, 'could not read the sequence counter at start; writes of other processes are looked for from the next read');
      return Number.MAX_SAFE_INTEGER;
    });
    this.timer = setInterval(() => void this.lookForOutsideWrites(), intervalMs);
    this.timer.unref();
  }

  override async announce(db: Kysely<Database>, events: readonly ChangeEvent[]): Promise<void> {
    for (const event of events) this.lastSeen = Math.max(this.lastSeen, event.toSeq);
    await super.announce(db, events);
  }

  override async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await super.close();
  }

  private async lookForOutsideWrites(): Promise<void> {
    if (this.polling || this.closed) return;
    this.polling = true;
    try {
      const value = await sequenceCounter(this.store.db);
      // The first read after a start that could not read the counter only sets where to look from.
      if (this.lastSeen === Number.MAX_SAFE_INTEGER) this.lastSeen = value;
      if (value <= this.lastSeen || this.closed) return;
      const fromSeq = this.lastSeen + 1;
      this.lastSeen = value;
      for (const [collection, policy] of Object.entries(collectionPolicies) as Array<[CollectionName, (typeof collectionPolicies)[CollectionName]]>) {
        if (policy.streamed === 'none') continue;
        this.emitter.emit('message', { type: 'change', event: { collection, storeIds: null, fromSeq, toSeq: value } } satisfies BusMessage);
      }
    } catch (error) {
      this.log.warn({ err: error }, 'could not look for writes made by another process; tablets get them on their next pull');
    } finally {
      this.polling = false;
    }
  }
}

async function sequenceCounter(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('sequence_counter').select('value').where('name', '=', 'documents').executeTakeFirst();
  return Number(row?.value ?? 0);
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
 * SQLite: there is no channel to another process; a running server finds the write on the sequence
 * counter within a second (SqliteChangeBus) and tells its tablets then. Returns whether it was announced.
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
