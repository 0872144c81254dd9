import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { buildApp } from '../../sync-server/src/app.ts';
import { latestSchemaVersion } from '../../sync-server/src/store/migrations.ts';
import { openStore } from '../../sync-server/src/store/open-store.ts';
import { DATABASE_KINDS, createTestDatabase } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';

describe.each(DATABASE_KINDS)('the health check on %s', (kind) => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp(kind, 'health');
  });

  afterAll(async () => {
    await server?.close();
  });

  it('tells a load balancer the server and its database are fine, with the schema version', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: kind,
      schemaVersion: latestSchemaVersion,
      version: packageJson.version,
    });
  });

  it('answers 503 with a clear message when the database is gone', async () => {
    const database = await createTestDatabase(kind, 'health-down');
    const config = database.config();
    const store = await openStore(config);
    const app = await buildApp(config, { store });
    try {
      await store.close();
      const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ error: 'database_unavailable', message: `The ${kind} database is not reachable` });
    } finally {
      await app.close();
      await database.dispose();
    }
  });

  it('opens, migrates and closes its own database when buildApp is given none', async () => {
    const database = await createTestDatabase(kind, 'health-own');
    const app = await buildApp(database.config());
    try {
      const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(response.json()).toMatchObject({ status: 'ok', database: kind, schemaVersion: latestSchemaVersion });
    } finally {
      await app.close();
      await database.dispose();
    }
  });
});
