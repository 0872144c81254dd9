/*
 * Every server test runs against both databases the server supports: an embedded SQLite file in a temp
 * directory and PostgreSQL (POS_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/test), where
 * each test database is its own schema (search_path set through the connection URL), dropped afterwards.
 * PostgreSQL is required: when it cannot be reached the PostgreSQL suites fail and say what to set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readServerConfig } from '../../../sync-server/src/config.ts';
import type { ServerConfig } from '../../../sync-server/src/config.ts';
import { migrateToLatest } from '../../../sync-server/src/store/migrations.ts';
import { openStore } from '../../../sync-server/src/store/open-store.ts';
import type { Store, StoreKind } from '../../../sync-server/src/store/open-store.ts';

export const DATABASE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

export const PG_TEST_URL = process.env['POS_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  kind: StoreKind;
  /** Environment a server process would need to use this database (POS_DATA_DIR, DATABASE_URL). */
  env: Record<string, string>;
  /** Scratch directory of this database, removed by dispose(). */
  dir: string;
  /** readServerConfig over `env` plus quiet logs, port 0 and the given extra variables. */
  config(extraEnv?: Record<string, string>): ServerConfig;
  dispose(): Promise<void>;
}

/** A new, empty database of the given kind. */
export async function createTestDatabase(kind: StoreKind, label: string): Promise<TestDatabase> {
  const env: Record<string, string> = {};
  let dropSchema = async (): Promise<void> => undefined;
  if (kind === 'postgres') {
    const schema = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${Date.now().toString(36)}`;
    await withAdminClient((client) => client.query(`CREATE SCHEMA "${schema}"`));
    const url = new URL(PG_TEST_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    env['DATABASE_URL'] = url.toString();
    dropSchema = () => withAdminClient((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(() => undefined);
  }
  // Created only once the database exists, so a missing PostgreSQL leaves nothing behind.
  const dir = mkdtempSync(path.join(tmpdir(), `pos-${label}-`));
  env['POS_DATA_DIR'] = dir;
  return {
    kind,
    env,
    dir,
    config: (extraEnv = {}) => readServerConfig({ LOG_LEVEL: 'silent', PORT: '0', ...env, ...extraEnv }),
    async dispose() {
      await dropSchema();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new database of the given kind, opened and migrated. */
export async function openTestStore(kind: StoreKind, label: string): Promise<{ database: TestDatabase; store: Store }> {
  const database = await createTestDatabase(kind, label);
  const store = await openStore(database.config());
  await migrateToLatest(store);
  return { database, store };
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is required for the server tests, but ${PG_TEST_URL.replace(/:[^:@/]*@/, ':***@')} could not be reached ` +
        `(${(error as Error).message}). Start PostgreSQL, or set POS_TEST_PG_URL=postgres://user@host:port/database ` +
        'to a database the tests may create schemas in.',
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
