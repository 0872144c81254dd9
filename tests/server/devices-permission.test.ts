// Who may list and revoke a store's devices (and rotate its code, read its incidents, export its sales) is
// decided by the permission table in the store's config, read at every call: the same table the tablets
// and the push role check use. Moving a permission in config moves the right; nobody keeps it by role name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConfigDocument } from '../../src/data/schemas/types.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, enroll, openShop, serverWrites, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice, ShopStore } from './helpers/shop.test-helper.ts';

describe.each(DATABASE_KINDS)('device administration follows the store permission table (%s)', (kind) => {
  let t: TestApp;
  let shop: ShopStore;
  let counter: EnrolledDevice;

  beforeAll(async () => {
    t = await startTestApp(kind, 'devices-permission');
    shop = await openShop(t.store, 'store-q5', 'Quận 5', 'Q5AA-BBCC-DDEE');
    counter = await enroll(t.app, shop.enrollmentCode, 'Quầy chính');
  });
  afterAll(async () => t?.close());

  /** The head office edits the store's config on the server, as a config change would arrive. */
  const editConfig = async (change: (body: StoreConfigDocument) => object) => {
    const current = await t.app.documents.get('config', shop.id);
    if (current === undefined) throw new Error('the test store has no config');
    await serverWrites(t.store, [{ collection: 'config', id: shop.id, storeId: shop.id, body: change(current.body) }]);
  };
  const movePermission = (permission: string, from: string, to: string) =>
    editConfig((body) => {
      const table = { ...(body['permissions'] as Record<string, unknown>) };
      table[from] = (table[from] as string[]).filter((name) => name !== permission);
      table[to] = [...(table[to] as string[]), permission];
      return { ...body, permissions: table };
    });
  const listDevices = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/devices', headers: bearer(token) });

  it('with the standard table a manager lists the devices; a supervisor and a device token are refused with the permission named', async () => {
    const manager = await signIn(t.app, counter, 'store-q5-manager', '999999');
    const supervisor = await signIn(t.app, counter, 'store-q5-supervisor', '222222');

    const list = await listDevices(manager);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ devices: Array<{ id: string; name: string; revokedAt: string | null }> }>().devices).toContainEqual(
      expect.objectContaining({ id: counter.deviceId, name: 'Quầy chính', revokedAt: null }),
    );

    const refused = await listDevices(supervisor);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({
      error: 'forbidden',
      message:
        'Listing and revoking devices needs the permission "device.revoke" (held by: manager); staff member "store-q5-supervisor" is a supervisor, and this store\'s permission table does not give it to that role',
    });
    const asDevice = await listDevices(counter.token);
    expect(asDevice.statusCode).toBe(403);
    expect(asDevice.json().message).toMatch(/needs the permission "device\.revoke" \(held by: manager\): sign in with the PIN/);
  });

  it('when the config gives device.revoke to supervisors instead, the supervisor revokes a tablet and the manager is refused, without signing in again', async () => {
    const manager = await signIn(t.app, counter, 'store-q5-manager', '999999');
    const supervisor = await signIn(t.app, counter, 'store-q5-supervisor', '222222');
    const spare = await enroll(t.app, shop.enrollmentCode, 'Quầy dự phòng');
    await movePermission('device.revoke', 'manager', 'supervisor');
    try {
      const managerNow = await t.app.inject({ method: 'DELETE', url: `/api/v1/devices/${spare.deviceId}`, headers: bearer(manager) });
      expect(managerNow.statusCode).toBe(403);
      expect(managerNow.json().message).toMatch(/\(held by: supervisor\); staff member "store-q5-manager" is a manager/);

      const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/devices/${spare.deviceId}`, headers: bearer(supervisor) });
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json()).toMatchObject({ id: spare.deviceId });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/sync/sales/pull', headers: bearer(spare.token) })).statusCode).toBe(401);
    } finally {
      await movePermission('device.revoke', 'supervisor', 'manager');
    }
    expect((await listDevices(manager)).statusCode).toBe(200);
  });

  it('a table where nobody holds device.revoke refuses everyone, and says so', async () => {
    const manager = await signIn(t.app, counter, 'store-q5-manager', '999999');
    const before = await currentConfig();
    await editConfig((body) => {
      const table = body['permissions'] as Record<string, string[]>;
      return { ...body, permissions: { ...table, manager: table['manager']!.filter((name) => name !== 'device.revoke') } };
    });
    try {
      const refused = await listDevices(manager);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toMatch(/\(no role at this store holds it\)/);
    } finally {
      await editConfig(() => before);
    }
  });

  it('a manager taken off the staff list after signing in loses access at the next call', async () => {
    const manager = await signIn(t.app, counter, 'store-q5-manager', '999999');
    const before = await currentConfig();
    await editConfig((body) => ({
      ...body,
      staff: (body['staff'] as Array<Record<string, unknown>>).map((member) => (member['id'] === 'store-q5-manager' ? { ...member, active: false } : member)),
    }));
    try {
      const refused = await listDevices(manager);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toBe('Listing and revoking devices needs an active staff member of this store; "store-q5-manager" is no longer on its staff list');
    } finally {
      await editConfig(() => before);
    }
  });

  it('the code rotation, the incidents and the sales export follow enrollment.rotate and report.view the same way', async () => {
    const supervisor = await signIn(t.app, counter, 'store-q5-supervisor', '222222');
    const calls = [
      { permission: 'enrollment.rotate', method: 'POST' as const, url: '/api/v1/stores/enrollment-code', what: /^Rotating the enrollment code needs/ },
      { permission: 'report.view', method: 'GET' as const, url: '/api/v1/incidents', what: /^Reading the incidents needs/ },
      { permission: 'report.view', method: 'GET' as const, url: '/api/v1/export/sales?from=2024-01-01&to=2030-01-01', what: /^Exporting sales needs/ },
    ];
    for (const call of calls) {
      const refused = await t.app.inject({ method: call.method, url: call.url, headers: bearer(supervisor) });
      expect(refused.statusCode, call.url).toBe(403);
      expect(refused.json().message).toMatch(call.what);
      expect(refused.json().message).toContain(`"${call.permission}" (held by: manager)`);
    }
    await editConfig((body) => {
      const table = body['permissions'] as Record<string, string[]>;
      return { ...body, permissions: { ...table, supervisor: [...table['supervisor']!, 'enrollment.rotate', 'report.view'] } };
    });
    for (const call of calls) {
      const allowed = await t.app.inject({ method: call.method, url: call.url, headers: bearer(supervisor) });
      expect(allowed.statusCode, call.url).toBe(200);
    }
  });

  /** The config body as it is now, to put back after a story changed it. */
  async function currentConfig(): Promise<StoreConfigDocument> {
    const current = await t.app.documents.get('config', shop.id);
    if (current === undefined) throw new Error('the test store has no config');
    return current.body;
  }
});
