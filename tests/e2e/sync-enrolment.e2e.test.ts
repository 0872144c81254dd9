// A new tablet joins its store and syncs, on a real server process and a real Chromium:
// enrolment with the store's code, the demo catalog arriving, and a cashier's sign-in made offline (its
// audit entry) reaching the server exactly once when the network returns.
import { describe, expect, it } from 'vitest';
import { DEMO_PINS, type RunningPosServer } from './support/pos-server.test-helper.ts';
import { useServerAndBrowser } from './support/tablet.test-helper.ts';
import { openWatchedPage } from './support/browser.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { enrolmentScreen } from './screens/enrolment-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';
import { readDeviceIdentity, waitForAuditEntries } from './support/device-storage.test-helper.ts';

const ENROLLMENT_CODE = 'E2E-SYNC-2025-A';
const DEMO_PRODUCTS = 2_000;

async function pullAll(server: RunningPosServer, token: string, collection: string): Promise<Array<{ id: string }>> {
  const documents: Array<{ id: string }> = [];
  let checkpoint: { id: string; seq: number } | null = null;
  for (;;) {
    const query = new URLSearchParams({ id: checkpoint?.id ?? '', seq: String(checkpoint?.seq ?? 0), limit: '1000' });
    const response = await fetch(`${server.url}/api/v1/sync/${collection}/pull?${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { documents: Array<{ id: string }>; checkpoint: { id: string; seq: number } | null };
    documents.push(...page.documents);
    if (page.documents.length < 1000) return documents;
    checkpoint = page.checkpoint;
  }
}

describe('a new tablet joining its store', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: ENROLLMENT_CODE, POS_DEMO_PRODUCTS: String(DEMO_PRODUCTS) } });

  it('says plainly when the enrolment code is wrong', async () => {
    const server = fixture.server();
    const browser = fixture.browser();
    const { context, page } = await openWatchedPage(browser);
    await shellScreen.open(page, server.url);
    await syncStatus.waitForState(page, 'not-enrolled');
    await enrolmentScreen.openFromCounter(page);
    await enrolmentScreen.enrol(page, { code: 'WRONG-CODE-0000', deviceName: 'Quầy thử' });
    expect(await enrolmentScreen.errorText(page)).toContain('Mã đăng ký không đúng');
    await context.close();
  });

  it('enrols with the printed code, receives the catalog, and sends what was written offline exactly once', async () => {
    const server = fixture.server();
    const browser = fixture.browser();
    const { context, page, problems } = await openWatchedPage(browser);
    await shellScreen.open(page, server.url);
    await syncStatus.waitForCatalogCount(page, 0);
    await syncStatus.waitForState(page, 'not-enrolled');

    await enrolmentScreen.openFromCounter(page);
    const started = Date.now();
    await enrolmentScreen.enrol(page, { code: ENROLLMENT_CODE, deviceName: 'Quầy 1' });
    expect(await enrolmentScreen.waitUntilEnrolled(page)).toContain('Quầy 1');

    await syncStatus.waitForCatalogReady(page);
    const catalogMs = Date.now() - started;
    await shellScreen.goToCounter(page);
    await syncStatus.waitForCatalogCount(page, DEMO_PRODUCTS);
    console.log(JSON.stringify({ name: 'e2e_enrol_to_catalog_2000_ms', value: catalogMs, unit: 'ms' }));
    await syncStatus.waitForState(page, 'idle');

    await context.setOffline(true);
    await syncStatus.waitForState(page, 'offline');
    await staffScreen.waitForSignInPanel(page);
    await staffScreen.signIn(page, 'cashier', DEMO_PINS.cashier);
    const [signIn] = await waitForAuditEntries(page, 1, 'staff.sign_in');
    await syncStatus.waitForPending(page, 1);

    await context.setOffline(false);
    await syncStatus.waitForPending(page, 0, 60_000);
    await syncStatus.waitForState(page, 'idle', 60_000);

    const audit = await pullAll(server, (await readDeviceIdentity(page)).token, 'audit');
    expect(audit.filter((document) => document.id === signIn?.id)).toHaveLength(1);
    expect(problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/.test(problem))).toEqual([]);
    await context.close();
  });
});
