import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, readServerConfig, repoRoot } from '../../sync-server/src/config.ts';
import { createSelfSignedCertificate } from './helpers/test-tls.test-helper.ts';

describe('a store starts the server with its environment', () => {
  it('runs with no settings at all: port 8080 on every interface, SQLite in ./data, the built app from dist/', () => {
    const config = readServerConfig({}, '/srv/pos');
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/pos/data',
      database: { kind: 'sqlite', file: '/srv/pos/data/pos.sqlite' },
      enrollmentCode: undefined,
      staticDir: path.join(repoRoot, 'dist'),
      tls: undefined,
      logLevel: 'info',
      demoProducts: 2000,
    });
  });

  it('switches to PostgreSQL when DATABASE_URL is a postgres:// URL', () => {
    const config = readServerConfig({ DATABASE_URL: 'postgres://pos:secret@db.chain.vn:5432/pos' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://pos:secret@db.chain.vn:5432/pos' });
  });

  it('takes the demo store settings: enrollment code, catalog size, staff PINs', () => {
    const config = readServerConfig({
      POS_ENROLLMENT_CODE: 'QUAN1-DEMO-2024',
      POS_DEMO_PRODUCTS: '100000',
      POS_DEMO_CASHIER_PIN: '1234',
      POS_DEMO_MANAGER_PIN: '987654',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'WARN',
    });
    expect(config).toMatchObject({
      enrollmentCode: 'QUAN1-DEMO-2024',
      demoProducts: 100000,
      demoPins: { cashier: '1234', manager: '987654', supervisor: undefined },
      port: 0,
      host: '127.0.0.1',
      logLevel: 'warn',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number from 0 to 65535, got "eighty"/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ DATABASE_URL: 'mysql://root@localhost/pos' }, /DATABASE_URL must start with postgres:\/\//],
    [{ DATABASE_URL: 'postgres://pos:hunter2@[bad' }, /DATABASE_URL is not a valid URL: "postgres:\/\/pos:\*\*\*@\[bad"/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"/],
    [{ POS_ENROLLMENT_CODE: 'short' }, /POS_ENROLLMENT_CODE must be 10 to 64 letters, digits or dashes/],
    [{ POS_DEMO_PRODUCTS: '0' }, /POS_DEMO_PRODUCTS must be a whole number from 1 to 1000000/],
    [{ POS_DEMO_CASHIER_PIN: '12ab' }, /POS_DEMO_CASHIER_PIN must be 4 to 8 digits/],
    [{ TLS_CERT: '/etc/ssl/pos.crt' }, /TLS_CERT and TLS_KEY must be given together/],
    [{ TLS_CERT: '/nope/pos.crt', TLS_KEY: '/nope/pos.key' }, /TLS_CERT file not found: \/nope\/pos.crt/],
    [{ POS_TRUST_PROXY: 'nginx' }, /POS_TRUST_PROXY must be true, false or a comma-separated list/],
    [{ POS_PIN_LOCKOUT_MINUTES: '0' }, /POS_PIN_LOCKOUT_MINUTES must be a whole number from 1 to 1440/],
    [{ POS_STAFF_SESSION_MINUTES: 'soon' }, /POS_STAFF_SESSION_MINUTES must be a whole number/],
    [{ POS_WEBHOOK_SECRET: 'too-short-to-sign' }, /POS_WEBHOOK_SECRET must be at least 32 characters \(e\.g\. `openssl rand -hex 32`\), got 17/],
  ])('refuses to start on a bad value and names it: %j', (env, message) => {
    expect(() => readServerConfig(env)).toThrow(ConfigError);
    expect(() => readServerConfig(env)).toThrow(message);
  });

  it('behind a TLS proxy, trusts the proxy named in POS_TRUST_PROXY for client addresses; PIN lock-out and staff sessions have defaults', () => {
    expect(readServerConfig({})).toMatchObject({ trustProxy: false, pinLockoutMs: 5 * 60_000, staffSessionMs: 15 * 60_000, sseHeartbeatMs: 15_000 });
    expect(readServerConfig({ POS_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(readServerConfig({ POS_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toBe('127.0.0.1,10.0.0.0/8');
    expect(readServerConfig({ POS_PIN_LOCKOUT_MINUTES: '10', POS_STAFF_SESSION_MINUTES: '30' })).toMatchObject({ pinLockoutMs: 600_000, staffSessionMs: 1_800_000 });
  });

  it('keeps the orders webhook off until POS_WEBHOOK_SECRET is set', () => {
    expect(readServerConfig({}).webhookSecret).toBeUndefined();
    expect(readServerConfig({ POS_WEBHOOK_SECRET: ` ${'ab12'.repeat(16)} ` }).webhookSecret).toBe('ab12'.repeat(16));
  });

  describe('with a certificate', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pos-tls-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('serves HTTPS when TLS_CERT and TLS_KEY point at existing files', () => {
      const { cert, key } = createSelfSignedCertificate(dir);
      expect(readServerConfig({ TLS_CERT: cert, TLS_KEY: key }).tls).toEqual({ certFile: cert, keyFile: key });
    });
  });
});
