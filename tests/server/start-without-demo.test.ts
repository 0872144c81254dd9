// A shop that is not trying the demo starts the server with POS_DEMO=off: no demo store is written, and
// the first start on an empty database says how to create the chain's first store and its manager.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../sync-server/src/admin/run-admin.ts';
import { ConfigError, readServerConfig } from '../../sync-server/src/config.ts';
import { readMeta } from '../../sync-server/src/store/meta-repository.ts';
import { openStore } from '../../sync-server/src/store/open-store.ts';
import { DATABASE_KINDS, createTestDatabase } from './helpers/test-databases.test-helper.ts';
import type { TestDatabase } from './helpers/test-databases.test-helper.ts';
import { runFailingServer, startServerProcess } from './helpers/server-process.test-helper.ts';
import { createStaticDir } from './helpers/test-static-dir.test-helper.ts';
import type { TestStaticDir } from './helpers/test-static-dir.test-helper.ts';

describe('POS_DEMO in the server configuration', () => {
  it('is on unless set to off; anything else stops the server naming the variable', () => {
    expect(readServerConfig({}).demo).toBe(true);
    expect(readServerConfig({ POS_DEMO: 'on' }).demo).toBe(true);
    expect(readServerConfig({ POS_DEMO: 'off' }).demo).toBe(false);
    expect(readServerConfig({ POS_DEMO: ' OFF ' }).demo).toBe(false);
    expect(() => readServerConfig({ POS_DEMO: 'no' })).toThrow(ConfigError);
    expect(() => readServerConfig({ POS_DEMO: 'false' })).toThrow('POS_DEMO must be "on" or "off", got "false"');
  });
});

describe.each(DATABASE_KINDS)('npm start with POS_DEMO=off (%s)', (kind) => {
  let database: TestDatabase;
  let dist: TestStaticDir;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'no-demo');
    dist = createStaticDir({ built: true });
    env = { ...database.env, POS_STATIC_DIR: dist.root, POS_DEMO: 'off' };
  });
  afterAll(async () => {
    await database?.dispose();
    dist?.dispose();
  });

  const storedShop = async () => {
    const store = await openStore(database.config());
    try {
      const stores = await store.db.selectFrom('stores').select('name').execute();
      const documents = await store.db.selectFrom('documents').select('collection').execute();
      return { stores: stores.map((s) => s.name), documents: documents.length, demo: await readMeta(store.db, 'demo') };
    } finally {
      await store.close();
    }
  };

  it('starts on an empty database without a demo store and says how to create the first store and manager', async () => {
    const server = await startServerProcess(env);
    try {
      expect(server.output()).toMatch(/^POS server listening on http:\/\/localhost:\d+$/m);
      expect(server.output()).toContain('No store yet (demo off)');
      expect(server.output()).toContain('npm run admin -- create-store --name');
      expect(server.output()).toContain('npm run admin -- add-manager --store');
      expect(server.output()).not.toContain('Demo store');
      expect(server.output()).not.toMatch(/enrollment code: \S+/);
      const health = await fetch(`${server.url}/api/v1/health`);
      expect(health.status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(await storedShop()).toEqual({ stores: [], documents: 0, demo: undefined });
  });

  it('once the admin command made a store, a restart names it and still seeds no demo', async () => {
    const exit = await runAdmin(['create-store', '--name', 'Cửa hàng Quận 3'], { env: { ...database.env, LOG_LEVEL: 'silent' }, out: () => undefined, err: () => undefined, readPin: async () => '' });
    expect(exit).toBe(0);
    const server = await startServerProcess(env);
    try {
      expect(server.output()).toContain('Stores: Cửa hàng Quận 3 (demo off)');
      expect(server.output()).not.toContain('No store yet');
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const { stores, demo } = await storedShop();
    expect(stores).toEqual(['Cửa hàng Quận 3']);
    expect(demo).toBeUndefined();
  });

  it('refuses to start with a POS_DEMO it does not know', async () => {
    const { code, output } = await runFailingServer({ ...env, POS_DEMO: 'maybe' });
    expect(code).toBe(1);
    expect(output).toContain('Cannot start the POS server: POS_DEMO must be "on" or "off", got "maybe"');
  });
});
