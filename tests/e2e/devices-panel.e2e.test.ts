// A spare tablet goes missing: on the counter tablet's Settings, a cashier's PIN is refused, the manager signs
// in with hers, sees both devices (this one marked and not revocable from itself), revokes the spare after
// confirming, and the spare's next sync call is turned away; the revocation is in the synced audit trail,
// the staff token never touched the tablet's storage, and without network the panel says it needs it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PINS } from './support/pos-server.test-helper.ts';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { settingsScreen } from './screens/settings-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';
import { DeviceClient } from '../support/device-client.test-helper.ts';
import type { AuditEntryDocument } from '../../src/data/schemas/types.ts';

const ENROLLMENT_CODE = 'E2E-DEVICES-2025';

/** Everything the page's origin keeps (IndexedDB, localStorage, sessionStorage) as one text. */
async function everythingStored(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    const answer = <T,>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const database = await answer(indexedDB.open(info.name));
      for (const name of Array.from(database.objectStoreNames)) {
        parts.push(JSON.stringify(await answer(database.transaction(name, 'readonly').objectStore(name).getAll())));
      }
      database.close();
    }
    return parts.join('\n');
  });
}

describe('a manager revokes a lost tablet from Settings', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: ENROLLMENT_CODE, POS_DEMO_PRODUCTS: '50' } });

  it('refuses a cashier, lists both devices for the manager, revokes the spare, and its next sync call gets 401', async () => {
    const server = fixture.server();
    const tablet = await enrolTablet(fixture.browser(), server, { code: ENROLLMENT_CODE, deviceName: 'Quầy chính' });
    const { page, context, problems } = tablet;
    const spare = await DeviceClient.enrol(server.url, ENROLLMENT_CODE, 'Quầy dự phòng');
    expect((await fetch(`${server.url}/api/v1/sync/sales/pull?limit=1`, { headers: spare.headers })).status).toBe(200);
    await syncStatus.waitForState(page, 'idle');

    await settingsScreen.openDevices(page);

    // A cashier may not manage devices: the server says so and the panel says it plainly.
    await settingsScreen.signInToDevices(page, 'cashier', DEMO_PINS.cashier);
    const refused = await settingsScreen.problem(page);
    expect(refused.kind).toBe('notAllowed');
    expect(refused.text).toContain('không được phép quản lý thiết bị');
    expect(await settingsScreen.isSignedIn(page)).toBe(false);

    // The manager signs in; the staff token comes back from the server and stays in memory only.
    const sessionAnswer = page.waitForResponse((response) => response.url().endsWith('/api/v1/staff/sessions') && response.status() === 201);
    await settingsScreen.signInToDevices(page, 'manager', DEMO_PINS.manager);
    const managerId = await settingsScreen.waitUntilSignedIn(page);
    const staffToken = ((await (await sessionAnswer).json()) as { token: string }).token;
    expect(staffToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    const devices = await settingsScreen.devices(page);
    expect(devices).toEqual(
      expect.arrayContaining([
        { id: tablet.identity.deviceId, name: 'Quầy chính', status: 'active', thisDevice: true, canRevoke: false },
        { id: spare.enrolment.deviceId, name: 'Quầy dự phòng', status: 'active', thisDevice: false, canRevoke: true },
      ]),
    );
    expect(devices).toHaveLength(2);
    expect(await settingsScreen.thisTabletNote(page)).toContain('Không thể tự thu hồi máy tính bảng này');

    const question = await settingsScreen.revoke(page, spare.enrolment.deviceId);
    expect(question).toContain('Thu hồi "Quầy dự phòng"?');
    expect((await settingsScreen.notice(page)).kind).toBe('revoked');
    expect((await settingsScreen.devices(page)).find((device) => device.thisDevice)?.status).toBe('active');

    // The spare is turned away at its next sync call; this tablet keeps syncing.
    const spareCall = await fetch(`${server.url}/api/v1/sync/sales/pull?limit=1`, { headers: spare.headers });
    expect(spareCall.status).toBe(401);
    expect(((await spareCall.json()) as { message: string }).message).toMatch(/removed from its store by a manager/);

    // The revocation reaches the server's audit trail under the manager's name.
    await syncStatus.waitForPending(page, 0, 60_000);
    const audit = await tablet.client.pullAll<AuditEntryDocument>('audit');
    expect(audit.filter((entry) => entry.action === 'device.revoke')).toEqual([
      expect.objectContaining({ staffId: managerId, subjectId: spare.enrolment.deviceId, details: { deviceName: 'Quầy dự phòng' } }),
    ]);

    expect(await everythingStored(page)).not.toContain(staffToken);

    // Without network the panel does not pretend: the list needs it.
    await context.setOffline(true);
    expect(await settingsScreen.waitForOfflineMessage(page)).toContain('Danh sách thiết bị cần có mạng');
    await context.setOffline(false);
    await settingsScreen.devicesPanel(page).getByTestId('devices-sign-in').waitFor({ timeout: 20_000 });

    // Refused calls show up as failed resources in the console; nothing else may.
    expect(problems.filter((problem) => !/status of 403|ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/.test(problem))).toEqual([]);
    await context.close();
  });
});
