// A cashier forgot her PIN (issue 14): the manager resets it in the back office's Staff page; at the till the
// cashier, picked on the sign-in panel, is asked to choose a new PIN instead (offline it says to connect
// first), types it twice, and is signed in with it once the store's new config reaches the tablet. The server
// takes the new PIN and refuses the old one. Real server process, real Chromium.
import { describe, expect, it } from 'vitest';
import type { StoreConfigDocument } from '../../src/data/schemas/types.ts';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { DEMO_PINS } from './support/pos-server.test-helper.ts';
import { backOfficeManageScreen } from './screens/back-office-manage-screen.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';

const ENROLLMENT_CODE = 'E2E-PIN-RESET-01';
const NEW_PIN = '2468';

describe('a cashier whose PIN the manager reset chooses a new one at the till', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: ENROLLMENT_CODE, POS_DEMO_PRODUCTS: '50' } });

  it('the reset PIN no longer signs in; the new one, chosen online and typed twice, does, on the tablet and the server', async () => {
    const server = fixture.server();
    const { context, page, problems, client } = await enrolTablet(fixture.browser(), server, { code: ENROLLMENT_CODE, deviceName: 'Quầy 1' });
    await shellScreen.goToCounter(page);
    await syncStatus.waitForCatalogReady(page);
    const [config] = await client.pullAll<StoreConfigDocument>('config');
    const cashier = config?.staff.find((s) => s.role === 'cashier' && s.active);
    if (cashier === undefined) throw new Error('the demo store has no cashier');
    const signInWith = (pin: string) =>
      fetch(`${server.url}/api/v1/staff/sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${client.enrolment.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ staffId: cashier.id, pin }),
      });

    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'manager' });
    await backOfficeManageScreen.open(page, 'staff');
    await backOfficeManageScreen.signInIfAsked(page, DEMO_PINS.manager);
    await backOfficeManageScreen.resetPin(page, cashier.id);
    expect((await signInWith(DEMO_PINS.cashier)).status).toBe(401);

    // At the till: offline, the cashier is told to connect first; nothing is asked.
    await shellScreen.goToCounter(page);
    await staffScreen.signOut(page);
    await staffScreen.waitForSignInPanel(page, 20_000);
    await context.setOffline(true);
    expect(await staffScreen.pickPersonWithoutPin(page, cashier.id)).toBe('offline');

    // Online: the same PIN typed twice is saved, and signs her in once the new config has come.
    await context.setOffline(false);
    await page.locator('[data-testid="choose-pin"][data-step="first"]').waitFor({ timeout: 20_000 });
    await staffScreen.chooseNewPin(page, NEW_PIN);
    await staffScreen.waitUntilSignedInAs(page, cashier.name);
    expect(await staffScreen.signedInStaffId(page)).toBe(cashier.id);
    expect((await signInWith(NEW_PIN)).status).toBe(201);
    expect((await signInWith(DEMO_PINS.cashier)).status).toBe(401);

    // Signed out and back in, the new PIN is checked on the tablet like any other.
    await staffScreen.signOut(page);
    await staffScreen.waitForSignInPanel(page, 20_000);
    await staffScreen.signIn(page, 'cashier', NEW_PIN);
    await staffScreen.waitUntilSignedInAs(page, cashier.name);

    expect(problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/.test(problem))).toEqual([]);
    await context.close();
  }, 240_000);
});
