// Staff at a real till: a tablet enrolled with a real server, then, offline, a cashier signs in with her
// PIN, a guesser is locked out (and a reload does not help), cashiers switch, a no-sale drawer opening needs
// a manager's PIN, the manager reads it in the audit trail, and the entries reach the server once online.
import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from './support/tablet.test-helper.ts';
import { openWatchedPage } from './support/browser.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { enrolmentScreen } from './screens/enrolment-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';
import { readDeviceIdentity } from './support/device-storage.test-helper.ts';
import { DeviceClient } from '../support/device-client.test-helper.ts';
import type { AuditEntryDocument } from '../../src/data/schemas/types.ts';

const ENROLLMENT_CODE = 'E2E-STAFF-2025-A';
const PINS = { cashier: '246810', supervisor: '135791', manager: '975310' } as const;
const NAMES = { cashier: 'Nguyễn Thị Lan', supervisor: 'Trần Minh Tuấn', manager: 'Lê Hoàng Nam' } as const;

describe('staff signing in at the till', () => {
  const fixture = useServerAndBrowser({
      env: {
        POS_ENROLLMENT_CODE: ENROLLMENT_CODE,
        POS_DEMO_PRODUCTS: '200',
        POS_DEMO_CASHIER_PIN: PINS.cashier,
        POS_DEMO_SUPERVISOR_PIN: PINS.supervisor,
        POS_DEMO_MANAGER_PIN: PINS.manager,
      },
    });

  it('signs in offline, locks out a guesser across a reload, switches cashiers, asks a manager to approve, and syncs the trail', async () => {
    const server = fixture.server();
    const browser = fixture.browser();
    const { context, page, problems } = await openWatchedPage(browser);
    await shellScreen.open(page, server.url);
    await syncStatus.waitForState(page, 'not-enrolled');
    await enrolmentScreen.openFromCounter(page);
    await enrolmentScreen.enrol(page, { code: ENROLLMENT_CODE, deviceName: 'Quầy nhân viên' });
    await enrolmentScreen.waitUntilEnrolled(page);
    await syncStatus.waitForCatalogReady(page);
    await syncStatus.waitForState(page, 'idle');
    await shellScreen.goToCounter(page);
    await staffScreen.waitForSignInPanel(page);

    // The network goes (once the shell is precached, so the reload below opens offline): the PIN is checked on the tablet against the synced hash.
    await shellScreen.waitUntilInstalledForOffline(page);
    await context.setOffline(true);
    await syncStatus.waitForState(page, 'offline');
    await staffScreen.signIn(page, 'cashier', PINS.cashier);
    await staffScreen.waitUntilSignedInAs(page, NAMES.cashier);
    const cashierId = await staffScreen.signedInStaffId(page);
    await staffScreen.signOut(page);

    // Someone guesses the supervisor's PIN: four wrong tries say how many are left, the fifth locks.
    for (let attempt = 1; attempt <= 4; attempt++) {
      await staffScreen.signIn(page, 'supervisor', '000000');
      expect((await staffScreen.pinMessage(page)).kind).toBe('wrong');
    }
    expect(await staffScreen.waitForPinMessage(page, 'wrong', '1')).toContain('1');
    await staffScreen.signIn(page, 'supervisor', '000000');
    await staffScreen.waitForPinMessage(page, 'locked');

    // A reload gives no fresh tries: even the right PIN is refused until the lock-out ends.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await staffScreen.waitForSignInPanel(page);
    await staffScreen.signIn(page, 'supervisor', PINS.supervisor);
    await staffScreen.waitForPinMessage(page, 'locked');

    // Quick switch: the cashier signs in, the manager takes over with her own PIN, and hands back.
    await staffScreen.signIn(page, 'cashier', PINS.cashier);
    await staffScreen.waitUntilSignedInAs(page, NAMES.cashier);
    await staffScreen.switchTo(page, 'manager', PINS.manager);
    await staffScreen.waitUntilSignedInAs(page, NAMES.manager);
    const managerId = await staffScreen.signedInStaffId(page);
    await staffScreen.switchTo(page, 'cashier', PINS.cashier);
    await staffScreen.waitUntilSignedInAs(page, NAMES.cashier);

    // A reload within the idle time keeps the cashier signed in (no PIN again).
    await page.reload({ waitUntil: 'domcontentloaded' });
    await staffScreen.waitUntilSignedInAs(page, NAMES.cashier);
    expect(await staffScreen.signedInStaffId(page)).toBe(cashierId);

    // A cashier may not open the drawer without a sale: the manager approves on the spot.
    await staffScreen.openDrawerWithoutSale(page);
    await expect.poll(() => staffScreen.approvalDialog(page).textContent()).toContain(NAMES.cashier);
    await staffScreen.approve(page, 'manager', PINS.manager);
    await staffScreen.waitForDrawerOpened(page);

    // The manager reads it in the audit trail, newest first.
    await staffScreen.switchTo(page, 'manager', PINS.manager);
    await staffScreen.openAuditViewer(page);
    await staffScreen.filterAuditByAction(page, 'drawer.open');
    await expect.poll(() => staffScreen.auditRows(page)).toEqual([{ action: 'drawer.open', staffId: cashierId, approverId: managerId }]);

    // Back online, the trail reaches the server.
    await context.setOffline(false);
    await syncStatus.waitForPending(page, 0, 60_000);
    const device = new DeviceClient(server.url, await readDeviceIdentity(page));
    const audit = await device.pullAll<AuditEntryDocument>('audit');
    const drawer = audit.filter((entry) => entry.action === 'drawer.open');
    expect(drawer).toHaveLength(1);
    expect(drawer[0]).toMatchObject({ staffId: cashierId, approverId: managerId });
    // Approved offline, proven all the same: the manager's PIN signed it on the tablet (approval-proof.ts).
    expect(drawer[0]?.approvalProof?.by).toBe(managerId);
    expect(audit.filter((entry) => entry.action === 'approval.granted')).toEqual([
      expect.objectContaining({ staffId: cashierId, approverId: managerId, details: { permission: 'drawer.open' } }),
    ]);
    expect(audit.filter((entry) => entry.action === 'staff.pin_lockout')).toHaveLength(1);
    expect(audit.filter((entry) => entry.action === 'staff.sign_in').length).toBeGreaterThanOrEqual(5);
    expect(audit.some((entry) => entry.action === 'staff.sign_out' && entry.staffId === cashierId)).toBe(true);
    // No PIN is ever written into the trail.
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(Object.values(PINS).join('|')));
    expect(problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/.test(problem))).toEqual([]);
    await context.close();
  });
});
