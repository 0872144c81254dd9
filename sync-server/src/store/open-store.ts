/*
 * Opens the server's database: an embedded SQLite file (the default, one store or a small chain) or
 * PostgreSQL (DATABASE_URL, a chain running several stateless server instances).
 * Both are reached through one Kysely instance so every query, migration and repository has one code path.
 *
 * SQLite: WAL so readers (pulls, health) never wait for the writer; synchronous=FULL because a sale the
 * server has acknowledged is deleted from the device's queue, so a power cut must not take it back; the
 * log is checkpointed by a worker thread (sqlite-checkpointer.ts), not inside the commits.
 * PostgreSQL: int8, timestamptz and jsonb are handed back as number, ISO text and JSON text, the same types
 * SQLite gives, so the repositories need no dialect branches.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { redactUrl } from '../config.ts';
import type { Database } from './database-types.ts';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, startSqliteCheckpointer } from './sqlite-checkpointer.ts';

export type StoreKind = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  kind: StoreKind;
  /** PostgreSQL schema the tables live in (first existing entry of search_path); undefined for SQLite. */
  schema: string | undefined;
  /**
   * SQLite only: the connection Kysely uses, for bulk writes through cached prepared statements (one
   * statement run per row beats compiling a multi-row VALUES list every time). Statements run on it inside
   * a Kysely transaction belong to that transaction: it is the one connection.
   */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /**
   * Called when something in the background fails: an idle PostgreSQL connection (e.g. the database
   * restarted; the pool reconnects by itself) or SQLite's checkpoint worker.
   */
  onBackgroundError?: (error: Error) => void;
}

export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

export async function openStore(config: { database: DatabaseConfig }, options: OpenStoreOptions = {}): Promise<Store> {
  return config.database.kind === 'sqlite'
    ? openSqlite(config.database.file, options)
    : openPostgres(config.database.url, options);
}

function openSqlite(file: string, options: OpenStoreOptions): Store {
  mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  // Another process (npm run seed while the server runs) may hold the write lock for a moment.
  database.pragma('busy_timeout = 5000');
  database.pragma('cache_size = -32000');
  database.pragma('temp_store = MEMORY');
  // Checkpoints run on a worker thread (sqlite-checkpointer.ts); this connection only as a backstop.
  database.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  const report = options.onBackgroundError ?? ((error: Error) => console.error(`SQLite: ${error.message}`));
  const checkpointer = file === ':memory:' ? undefined : startSqliteCheckpointer(file, (message) => report(new Error(message)));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    kind: 'sqlite',
    schema: undefined,
    sqlite: database,
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

const INT8_OID = 20;
const TIMESTAMPTZ_OID = 1184;
const JSONB_OID = 3802;
const JSON_OID = 114;

async function openPostgres(url: string, options: OpenStoreOptions): Promise<Store> {
  const parseTimestamp = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (value: string) => Date;
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8_OID) return toSafeNumber;
        if (oid === TIMESTAMPTZ_OID) return (value: string) => parseTimestamp(value).toISOString();
        if (oid === JSONB_OID || oid === JSON_OID) return (value: string) => value;
        return pg.types.getTypeParser(oid, format ?? 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', (error) => {
    (options.onBackgroundError ?? ((e: Error) => console.error('PostgreSQL connection error', e)))(error);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let schema: string | null;
  try {
    const result = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    schema = result.rows[0]?.schema ?? null;
  } catch (error) {
    await db.destroy();
    throw new StoreUnavailableError(
      `Cannot connect to PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (schema === null) {
    await db.destroy();
    throw new StoreUnavailableError(
      `PostgreSQL at ${redactUrl(url)} has no usable schema: create the schema named in search_path first`,
    );
  }
  return { db, kind: 'postgres', schema, close: () => db.destroy() };
}

function toSafeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Integer ${value} does not fit a JavaScript number`);
  return n;
}
