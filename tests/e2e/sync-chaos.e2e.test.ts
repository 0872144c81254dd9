// A flaky store network between a real tablet (Chromium) and the real server: connections refused,
// responses lost after the server did the work, bodies cut in the middle, long delays. The tablet must
// still end with the whole catalog, and every audit entry the till wrote (a supervisor's sign-in and 120
// no-sale drawer openings) must reach the server exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PINS, startPosServer, type RunningPosServer } from './support/pos-server.test-helper.ts';
import { launchChromium, openWatchedPage } from './support/browser.test-helper.ts';
import { auditEntriesWrittenBy, readDeviceIdentity } from './support/device-storage.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { enrolmentScreen } from './screens/enrolment-screen.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';
import { startChaosProxy, type ChaosProxy } from '../support/chaos-proxy.test-helper.ts';
import { DeviceClient } from '../support/device-client.test-helper.ts';

const CODE = 'CHAOS-NET-2026';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sync over a network that drops, delays and cuts', () => {
  let server: RunningPosServer;
  let proxy: ChaosProxy;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPosServer({ env: { POS_ENROLLMENT_CODE: CODE } });
    proxy = await startChaosProxy({ target: server.url, seed: 20261124, refuse: 0.1, dropResponse: 0.2, cutBody: 0.2, maxDelayMs: 300, affects: /^\/api\/v1\/sync\// });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.stop();
  });

  it('converges: the catalog arrives whole and a sign-in and 120 drawer openings written under chaos land exactly once', async () => {
    const { context, page } = await openWatchedPage(browser);
    // The app itself and the enrolment come through; from then on every sync call may suffer.
    await shellScreen.open(page, proxy.url);
    await enrolmentScreen.openFromCounter(page);
    await enrolmentScreen.enrol(page, { code: CODE, deviceName: 'Quầy mạng chập chờn' });
    await enrolmentScreen.waitUntilEnrolled(page);

    // The staff list comes with the store config, itself through the chaos; then the PIN check is local.
    await shellScreen.goToCounter(page);
    await staffScreen.waitForSignInPanel(page, 120_000);
    const written = await auditEntriesWrittenBy(page, 1, () => staffScreen.signIn(page, 'supervisor', DEMO_PINS.supervisor));
    for (let round = 0; round < 6; round++) {
      written.push(...(await auditEntriesWrittenBy(page, 20, () => staffScreen.openDrawerWithoutSaleRepeatedly(page, 20))));
      await sleep(1500);
    }
    await syncStatus.waitForCatalogCount(page, 2000, 120_000);

    // The store's network comes back to normal: everything still waiting must go through now.
    proxy.setCalm(true);
    await syncStatus.waitForPending(page, 0, 120_000);

    expect(proxy.stats.dropped + proxy.stats.cut + proxy.stats.refused).toBeGreaterThan(5);
    const identity = await readDeviceIdentity(page);
    const client = new DeviceClient(server.url, identity);
    const audit = await client.pullAll<{ id: string }>('audit', 1000);
    const counts = new Map<string, number>();
    for (const entry of audit) counts.set(entry.id, (counts.get(entry.id) ?? 0) + 1);
    for (const id of written) expect(counts.get(id), `audit entry ${id}`).toBe(1);
    expect(audit).toHaveLength(written.length);
    await context.close();
  }, 300_000);
});
