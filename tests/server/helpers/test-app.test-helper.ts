/*
 * A server app on a fresh test database, for inject()-based stories. The database is opened and migrated
 * here (not by buildApp) so a story can also reach into it, or pull it away.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../../sync-server/src/app.ts';
import type { Store, StoreKind } from '../../../sync-server/src/store/open-store.ts';
import { openTestStore } from './test-databases.test-helper.ts';
import type { TestDatabase } from './test-databases.test-helper.ts';

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  database: TestDatabase;
  /** Log lines written by the app (JSON objects), when started with captureLogs. */
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startTestApp(
  kind: StoreKind,
  label: string,
  options: { staticDir?: string; env?: Record<string, string>; captureLogs?: boolean } = {},
): Promise<TestApp> {
  const { database, store } = await openTestStore(kind, label);
  const logs: Array<Record<string, unknown>> = [];
  const logger: FastifyBaseLogger | undefined = options.captureLogs
    ? pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) })
    : undefined;
  const config = database.config({ ...(options.staticDir ? { POS_STATIC_DIR: options.staticDir } : {}), ...options.env });
  const app = await buildApp(config, { store, ...(logger ? { logger } : {}) });
  return {
    app,
    store,
    database,
    logs,
    async close() {
      await app.close();
      await store.close();
      await database.dispose();
    },
  };
}
