import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startPosServer } from './support/pos-server.test-helper.ts';

const PG_URL = process.env.POS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Health {
  status: string;
  database: string;
  schemaVersion: number;
}

async function health(url: string): Promise<Health> {
  const response = await fetch(`${url}/api/v1/health`);
  expect(response.status).toBe(200);
  return (await response.json()) as Health;
}

function enrollmentCodeIn(output: string): string | undefined {
  return /enrol+ment code\W+([A-Z0-9-]{10,})/i.exec(output)?.[1];
}

describe('the server process as a store runs it (npm run server)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('starts on the embedded SQLite file, prints its enrollment code and keeps it across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pos-process-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

    const first = await startPosServer({ dataDir });
    const firstHealth = await health(first.url);
    expect(firstHealth).toMatchObject({ status: 'ok', database: 'sqlite' });
    expect(firstHealth.schemaVersion).toBeGreaterThan(0);
    const code = enrollmentCodeIn(first.output());
    expect(code, first.output()).toBeDefined();
    await first.stop();

    const second = await startPosServer({ dataDir });
    cleanups.push(() => second.stop());
    expect(enrollmentCodeIn(second.output())).toBe(code);
    expect(await health(second.url)).toMatchObject({ database: 'sqlite', schemaVersion: firstHealth.schemaVersion });
  });

  it('takes the enrollment code a store sets with POS_ENROLLMENT_CODE', async () => {
    const server = await startPosServer({ env: { POS_ENROLLMENT_CODE: 'QUAN1-DEMO-2026' } });
    cleanups.push(() => server.stop());
    expect(enrollmentCodeIn(server.output())).toBe('QUAN1-DEMO-2026');
  });

  it('runs on PostgreSQL when DATABASE_URL points at it', async () => {
    const schema = `pos_process_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    try {
      await admin.connect();
    } catch (error) {
      throw new Error(`PostgreSQL is required for this test and could not be reached at ${PG_URL} (set POS_TEST_PG_URL): ${String(error)}`, { cause: error });
    }
    await admin.query(`CREATE SCHEMA ${schema}`);
    cleanups.push(async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    });

    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const server = await startPosServer({ env: { DATABASE_URL: url.toString() } });
    cleanups.push(() => server.stop());
    expect(await health(server.url)).toMatchObject({ status: 'ok', database: 'postgres' });
    const products = await admin.query(`SELECT count(*)::int AS n FROM ${schema}.documents WHERE collection = 'products'`);
    expect(products.rows[0].n).toBe(2000);
  });
});
