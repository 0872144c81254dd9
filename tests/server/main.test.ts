import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../sync-server/src/config.ts';
import { latestSchemaVersion } from '../../sync-server/src/store/migrations.ts';
import { DATABASE_KINDS, createTestDatabase } from './helpers/test-databases.test-helper.ts';
import type { TestDatabase } from './helpers/test-databases.test-helper.ts';
import { runFailingServer, startServerProcess } from './helpers/server-process.test-helper.ts';
import { createStaticDir } from './helpers/test-static-dir.test-helper.ts';
import type { TestStaticDir } from './helpers/test-static-dir.test-helper.ts';

const ENROLLMENT_LINE = /enrollment code: (\S+)/;

describe.each(DATABASE_KINDS)('a store owner runs `npm run server` (%s)', (kind) => {
  let database: TestDatabase;
  let dist: TestStaticDir;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'main');
    dist = createStaticDir({ built: true });
    env = { ...database.env, POS_STATIC_DIR: dist.root };
  });

  afterAll(async () => {
    await database?.dispose();
    dist?.dispose();
  });

  it('sees the URL first, then the demo store with its enrollment code, staff PINs and pickup codes', async () => {
    const server = await startServerProcess(env);
    try {
      const lines = server.output().split('\n');
      const firstUrlLine = lines.find((line) => /https?:\/\//.test(line));
      expect(firstUrlLine).toMatch(/^POS server listening on http:\/\/localhost:\d+$/);
      expect(server.output()).toContain(`database: ${kind}`);
      expect(server.output()).toMatch(ENROLLMENT_LINE);
      expect(server.output()).toMatch(/cashier\s+Nguyễn Thị Lan\s+PIN \d{6}/);
      expect(server.output()).toMatch(/manager\s+Lê Hoàng Nam\s+PIN \d{6}/);
      expect(server.output()).toMatch(/DH\d+\s+.+pickup code \d{6}/);

      const health = await fetch(`${server.url}/api/v1/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', database: kind, schemaVersion: latestSchemaVersion });
      const shell = await fetch(`${server.url}/sale/1`, { headers: { accept: 'text/html' } });
      expect(shell.status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(server.output()).toContain('SIGTERM received: closing the server and the database');
  });

  it('gets the same enrollment code after a restart, and the one from POS_ENROLLMENT_CODE when set', async () => {
    const first = await startServerProcess(env);
    const code = ENROLLMENT_LINE.exec(first.output())?.[1];
    expect(await first.stop()).toBe(0);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const second = await startServerProcess(env);
    expect(ENROLLMENT_LINE.exec(second.output())?.[1]).toBe(code);
    expect(second.output()).not.toContain('Demo store seeded');
    expect(await second.stop()).toBe(0);

    const third = await startServerProcess({ ...env, POS_ENROLLMENT_CODE: 'CUAHANG-Q1-2024' });
    expect(ENROLLMENT_LINE.exec(third.output())?.[1]).toBe('CUAHANG-Q1-2024');
    expect(await third.stop()).toBe(0);
  });

  it('grows the demo catalog with `npm run seed -- --products 2500`', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'sync-server', 'src', 'seed-cli.ts'), '--products', '2500'], {
      cwd: repoRoot,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Catalog now has 2500 products (500 written in');
    expect(result.stdout).toContain('Enrollment code: CUAHANG-Q1-2024');
  });
});

describe('a server that cannot start says why', () => {
  it('names the bad setting', async () => {
    const { code, output } = await runFailingServer({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output).toContain('Cannot start the POS server: PORT must be a whole number from 0 to 65535, got "eighty"');
  });

  it('names the database it could not reach', async () => {
    const { code, output } = await runFailingServer({ DATABASE_URL: 'postgres://pos:secret@127.0.0.1:1/pos' });
    expect(code).toBe(1);
    expect(output).toContain('Cannot start the POS server: Cannot connect to PostgreSQL at postgres://pos:***@127.0.0.1:1/pos');
    expect(output).not.toContain('secret');
  });
});
