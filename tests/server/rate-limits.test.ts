/*
 * Rate limits hold where a guesser would push: wrong enrollment codes per address (counted in the
 * database, so two server instances on one database share the count), failed staff sign-ins per device,
 * and refused webhook deliveries per address. Each answers 429 with Retry-After and says what to wait for.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../sync-server/src/app.ts';
import { signDelivery } from '../../sync-server/src/routes/orders-webhook.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, enroll, openShop } from './helpers/shop.test-helper.ts';

const SECRET = 'rate-limit-webhook-secret-0123456789abcdef';

describe.each(DATABASE_KINDS)('rate limits (%s)', (kind) => {
  let t: TestApp;
  let second: FastifyInstance;
  const env = { POS_TRUST_PROXY: '127.0.0.1', POS_WEBHOOK_SECRET: SECRET };

  beforeAll(async () => {
    t = await startTestApp(kind, 'rate-limits', { env });
    // A second server instance on the same database, with its own connection (buildApp opens and migrates it).
    second = await buildApp(t.database.config(env));
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const enrollFrom = (app: FastifyInstance, ip: string, enrollmentCode: string) =>
    app.inject({ method: 'POST', url: '/api/v1/devices/enroll', headers: { 'x-forwarded-for': ip }, payload: { enrollmentCode, deviceName: 'Quầy 2' } });

  it('ten wrong enrollment codes from one address, split over two server instances, lock that address out of both', async () => {
    for (let i = 0; i < 10; i++) {
      const wrong = await enrollFrom(i % 2 === 0 ? t.app : second, '10.1.0.5', `WRONG-CODE-${i}`);
      expect(wrong.statusCode).toBe(401);
    }
    for (const app of [t.app, second]) {
      const limited = await enrollFrom(app, '10.1.0.5', 'Q1AA-BBCC-DDEE');
      expect(limited.statusCode).toBe(429);
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(120);
      expect(limited.json()).toEqual({ error: 'too_many_requests', message: `Too many wrong enrollment codes from this address: try again in ${retryAfter} seconds` });
    }
    // Nine wrong codes from another address leave it free to enrol.
    for (let i = 0; i < 9; i++) expect((await enrollFrom(second, '10.1.0.6', `WRONG-CODE-${i}`)).statusCode).toBe(401);
    expect((await enrollFrom(t.app, '10.1.0.6', 'Q1AA-BBCC-DDEE')).statusCode).toBe(201);
  });

  it('twenty failed staff sign-ins on one device, whoever they name, stop that device for a while; another device still signs in', async () => {
    const thief = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Máy lạ');
    const attempt = (app: FastifyInstance, token: string, staffId: string, pin: string) =>
      app.inject({ method: 'POST', url: '/api/v1/staff/sessions', headers: bearer(token), payload: { staffId, pin } });
    for (let i = 0; i < 20; i++) {
      // Unknown people and four wrong PINs each for the real ones: nobody gets locked out by these alone.
      const staffId = i < 8 ? ['store-q1-cashier', 'store-q1-supervisor'][i % 2]! : `guess-${i}`;
      const answer = await attempt(i % 2 === 0 ? t.app : second, thief.token, staffId, '0000');
      expect(answer.statusCode, answer.body).toBe(401);
    }
    const limited = await attempt(second, thief.token, 'store-q1-manager', '999999');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().message).toMatch(/^Too many failed staff sign-ins on this device: try again in \d+ seconds$/);
    const counter = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 1');
    expect((await attempt(t.app, counter.token, 'store-q1-manager', '999999')).statusCode).toBe(201);
  });

  it("the PIN lock-out follows the store config's settings (5 wrong PINs, 15 minutes), not only the server's default", async () => {
    const till = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 3');
    const attempt = (pin: string) => t.app.inject({ method: 'POST', url: '/api/v1/staff/sessions', headers: bearer(till.token), payload: { staffId: 'store-q1-manager', pin } });
    for (let i = 0; i < 4; i++) expect((await attempt('0000')).json().message).toMatch(/before a 15-minute lock-out/);
    const locked = await attempt('0000');
    expect(locked.statusCode).toBe(423);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
  });

  it('ten refused webhook deliveries from one address make the next one wait, even a correctly signed one; other addresses are not affected', async () => {
    const deliver = (app: FastifyInstance, ip: string, signature?: string) => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const body = '{}';
      return app.inject({
        method: 'POST',
        url: '/api/v1/orders/webhook',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, 'x-pos-timestamp': timestamp, 'x-pos-signature': signature ?? `sha256=${signDelivery(SECRET, timestamp, body)}` },
        payload: body,
      });
    };
    for (let i = 0; i < 10; i++) expect((await deliver(i % 2 === 0 ? t.app : second, '10.2.0.9', `sha256=${'0'.repeat(64)}`)).statusCode).toBe(401);
    const limited = await deliver(t.app, '10.2.0.9');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().message).toMatch(/^Too many refused webhook deliveries from this address/);
    // A correctly signed (if empty) delivery from elsewhere gets through to validation.
    const elsewhere = await deliver(second, '10.2.0.10');
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().message).toMatch(/required property/);
  });
});
