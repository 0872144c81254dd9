import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, enroll, openShop, signIn } from './helpers/shop.test-helper.ts';
import type { ShopStore } from './helpers/shop.test-helper.ts';

describe.each(DATABASE_KINDS)('devices and staff sign in (%s)', (kind) => {
  let t: TestApp;
  let q1: ShopStore;
  let q3: ShopStore;

  beforeAll(async () => {
    t = await startTestApp(kind, 'sync-auth', { env: { POS_TRUST_PROXY: '127.0.0.1', POS_PIN_LOCKOUT_MINUTES: '5' } });
    q1 = await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    q3 = await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
  });
  afterAll(async () => t?.close());

  const enrollFrom = (ip: string, enrollmentCode: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/devices/enroll', headers: { 'x-forwarded-for': ip }, payload: { enrollmentCode, deviceName: 'Quầy 2' } });

  it('a new tablet joins its store with the code and gets a 256-bit token, stored only as a hash', async () => {
    const response = await enrollFrom('10.0.0.1', 'Q1AA-BBCC-DDEE');
    expect(response.statusCode).toBe(201);
    const answer = response.json<{ deviceId: string; storeId: string; storeName: string; token: string }>();
    expect(answer).toMatchObject({ storeId: 'store-q1', storeName: 'Quận 1' });
    expect(answer.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await t.store.db.selectFrom('devices').selectAll().where('id', '=', answer.deviceId).executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(answer.token);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    // Lower-case typing of the code works too.
    expect((await enrollFrom('10.0.0.1', 'q3aa-bbcc-ddee')).json()).toMatchObject({ storeId: 'store-q3' });
  });

  it('a wrong code is 401; the 11th wrong code within a minute from one address is 429 with Retry-After, other addresses still enrol', async () => {
    for (let i = 0; i < 10; i++) {
      const wrong = await enrollFrom('10.0.0.66', `WRONG-CODE-${i}`);
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().message).toMatch(/No store has this enrollment code/);
    }
    const limited = await enrollFrom('10.0.0.66', 'Q1AA-BBCC-DDEE');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().message).toMatch(/Too many wrong enrollment codes/);
    // Behind the proxy (POS_TRUST_PROXY=127.0.0.1) another tablet has its own address.
    expect((await enrollFrom('10.0.0.67', 'Q1AA-BBCC-DDEE')).statusCode).toBe(201);
  });

  it('enrolment refuses a malformed body with 400 naming the field', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { enrollmentCode: 'Q1AA-BBCC-DDEE' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/deviceName/);
  });

  it('sync calls need a token: none, a malformed one and an unknown one are 401 with a message', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/sync/products/pull' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.json().message).toMatch(/enroll the device first/);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/sync/products/pull', headers: { authorization: 'Basic abc' } });
    expect(malformed.statusCode).toBe(401);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/sync/products/pull', headers: bearer('x'.repeat(43)) });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().message).toMatch(/Unknown token/);
    // Health and unknown routes stay as they were.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  });

  it('a cashier signs in with her PIN and gets a short-lived staff token with her role', async () => {
    const device = await enroll(t.app, q1.enrollmentCode);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/sessions',
      headers: bearer(device.token),
      payload: { staffId: 'store-q1-cashier', pin: '1111' },
    });
    expect(response.statusCode).toBe(201);
    const session = response.json<{ token: string; role: string; staffId: string; expiresAt: string }>();
    expect(session).toMatchObject({ staffId: 'store-q1-cashier', role: 'cashier' });
    const minutes = (Date.parse(session.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(10);
    expect(minutes).toBeLessThanOrEqual(15);
    // A staff of another store is unknown here.
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/staff/sessions', headers: bearer(device.token), payload: { staffId: 'store-q3-manager', pin: '999999' } });
    expect(other.statusCode).toBe(401);
    expect(other.json().message).toMatch(/No active staff member/);
  });

  it('five wrong PINs lock the person out (423, Retry-After), even with the right PIN, while colleagues still sign in', async () => {
    const device = await enroll(t.app, q1.enrollmentCode);
    const attempt = (staffId: string, pin: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/staff/sessions', headers: bearer(device.token), payload: { staffId, pin } });
    for (let i = 1; i <= 4; i++) {
      const wrong = await attempt('store-q1-supervisor', '0000');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().message).toMatch(new RegExp(`${5 - i} (try|tries) left`));
    }
    const fifth = await attempt('store-q1-supervisor', '0000');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().message).toMatch(/locked out after 5 wrong PINs/);
    const right = await attempt('store-q1-supervisor', '222222');
    expect(right.statusCode).toBe(423);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(200);
    expect((await attempt('store-q1-manager', '999999')).statusCode).toBe(201);
    expect((await attempt('store-q1-cashier', '12')).statusCode).toBe(400);
  });

  it('manager-only calls refuse a device token and a cashier with 403, and answer a manager', async () => {
    const device = await enroll(t.app, q1.enrollmentCode);
    const cashier = await signIn(t.app, device, 'store-q1-cashier', '1111');
    const manager = await signIn(t.app, device, 'store-q1-manager', '999999');
    const calls = [
      { method: 'GET' as const, url: '/api/v1/devices' },
      { method: 'POST' as const, url: '/api/v1/stores/enrollment-code' },
      { method: 'GET' as const, url: '/api/v1/incidents' },
      { method: 'GET' as const, url: '/api/v1/export/sales?from=2024-01-01&to=2030-01-01' },
      { method: 'DELETE' as const, url: '/api/v1/devices/nope' },
    ];
    for (const call of calls) {
      const asDevice = await t.app.inject({ ...call, headers: bearer(device.token) });
      expect(asDevice.statusCode, `${call.method} ${call.url}`).toBe(403);
      expect(asDevice.json().message).toMatch(/manager/);
      const asCashier = await t.app.inject({ ...call, headers: bearer(cashier) });
      expect(asCashier.statusCode).toBe(403);
      expect(asCashier.json().message).toMatch(/is a cashier/);
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/devices', headers: bearer(manager) });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ devices: Array<{ id: string }> }>().devices.map((d) => d.id)).toContain(device.deviceId);
  });

  it('a manager rotates the enrollment code: the old one stops working, the new one enrols', async () => {
    const device = await enroll(t.app, q3.enrollmentCode);
    const manager = await signIn(t.app, device, 'store-q3-manager', '999999');
    const rotated = await t.app.inject({ method: 'POST', url: '/api/v1/stores/enrollment-code', headers: bearer(manager) });
    expect(rotated.statusCode).toBe(200);
    const { enrollmentCode } = rotated.json<{ enrollmentCode: string }>();
    expect(enrollmentCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await enrollFrom('10.0.1.1', q3.enrollmentCode)).statusCode).toBe(401);
    expect((await enrollFrom('10.0.1.1', enrollmentCode)).json()).toMatchObject({ storeId: 'store-q3' });
    q3.enrollmentCode = enrollmentCode;
  });

  it('a stolen tablet is revoked by the manager: its token and its staff sessions answer 401 at once; another store cannot revoke it', async () => {
    const stolen = await enroll(t.app, q1.enrollmentCode, 'Quầy bị mất');
    const counter = await enroll(t.app, q1.enrollmentCode, 'Quầy chính');
    const stolenStaff = await signIn(t.app, stolen, 'store-q1-cashier', '1111');
    const manager = await signIn(t.app, counter, 'store-q1-manager', '999999');
    const q3Device = await enroll(t.app, q3.enrollmentCode);
    const q3Manager = await signIn(t.app, q3Device, 'store-q3-manager', '999999');

    const foreign = await t.app.inject({ method: 'DELETE', url: `/api/v1/devices/${stolen.deviceId}`, headers: bearer(q3Manager) });
    expect(foreign.statusCode).toBe(404);

    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/devices/${stolen.deviceId}`, headers: bearer(manager) });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json()).toMatchObject({ id: stolen.deviceId });
    for (const token of [stolen.token, stolenStaff]) {
      const after = await t.app.inject({ method: 'GET', url: '/api/v1/sync/sales/pull', headers: bearer(token) });
      expect(after.statusCode).toBe(401);
    }
    const revokedAnswer = await t.app.inject({ method: 'GET', url: '/api/v1/sync/sales/pull', headers: bearer(stolen.token) });
    expect(revokedAnswer.json().message).toMatch(/removed from its store/);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sync/sales/pull', headers: bearer(counter.token) })).statusCode).toBe(200);
  });
});
