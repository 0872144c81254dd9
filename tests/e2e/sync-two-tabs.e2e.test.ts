// Two tabs of the POS open on one tablet (the app opened twice): a supervisor signs in and opens the
// drawer without a sale in each (audit entries), only one of them talks to the server, each document reaches the server exactly once, and when the syncing tab is closed
// the other takes over and sends what was written since. Real server process, real Chromium.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PINS } from './support/pos-server.test-helper.ts';
import { useServerAndBrowser } from './support/tablet.test-helper.ts';
import { openWatchedPage } from './support/browser.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { enrolmentScreen } from './screens/enrolment-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';
import { auditEntriesWrittenBy, readDeviceIdentity } from './support/device-storage.test-helper.ts';
import { DeviceClient } from '../support/device-client.test-helper.ts';

const ENROLLMENT_CODE = 'E2E-TWO-TABS-01';

/** Counts the push requests a tab sends, whatever the collection. */
function countPushes(page: Page): () => number {
  let pushes = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/api\/v1\/sync\/[^/]+\/push$/.test(request.url())) pushes += 1;
  });
  return () => pushes;
}

async function auditCountsOnServer(client: DeviceClient): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const { id } of await client.pullAll<{ id: string }>('audit', 1_000)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

async function expectOnServerOnce(client: DeviceClient, ids: readonly string[]): Promise<void> {
  await expect
    .poll(async () => {
      const counts = await auditCountsOnServer(client);
      return ids.map((id) => counts.get(id) ?? 0);
    }, { timeout: 30_000, interval: 250 })
    .toEqual(ids.map(() => 1));
}

async function supervisorOpensDrawer(page: Page, times: number): Promise<void> {
  await shellScreen.goToCounter(page);
  await staffScreen.waitForSignInPanel(page);
  await staffScreen.signIn(page, 'supervisor', DEMO_PINS.supervisor);
  await staffScreen.waitUntilSignedInAs(page, '');
  await staffScreen.openDrawerWithoutSaleRepeatedly(page, times);
}

describe('two tabs of the POS on one tablet', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: ENROLLMENT_CODE, POS_DEMO_PRODUCTS: '200' } });

  it('sends what both tabs write exactly once, from one tab, and the other takes over when it closes', async () => {
    const server = fixture.server();
    const browser = fixture.browser();
    const { context, page: first } = await openWatchedPage(browser);
    const firstPushes = countPushes(first);
    await shellScreen.open(first, server.url);
    await enrolmentScreen.openFromCounter(first);
    await enrolmentScreen.enrol(first, { code: ENROLLMENT_CODE, deviceName: 'Quầy hai tab' });
    await syncStatus.waitForCatalogReady(first);
    await syncStatus.waitForState(first, 'idle');

    const second = await context.newPage();
    const secondPushes = countPushes(second);
    await shellScreen.open(second, server.url);

    const identity = await readDeviceIdentity(first);
    const client = new DeviceClient(server.url, identity);

    // Each tab: the supervisor's sign-in and four no-sale drawer openings, five audit entries.
    const writtenInFirst = await auditEntriesWrittenBy(first, 5, () => supervisorOpensDrawer(first, 4));
    const writtenInSecond = await auditEntriesWrittenBy(second, 5, () => supervisorOpensDrawer(second, 4));
    await expectOnServerOnce(client, [...writtenInFirst, ...writtenInSecond]);
    expect(firstPushes()).toBeGreaterThan(0);
    expect(secondPushes()).toBe(0);

    await first.close();
    const writtenAfterClose = await auditEntriesWrittenBy(second, 5, () => staffScreen.openDrawerWithoutSaleRepeatedly(second, 5));
    await expectOnServerOnce(client, [...writtenInFirst, ...writtenInSecond, ...writtenAfterClose]);
    expect(secondPushes()).toBeGreaterThan(0);
    await syncStatus.waitForPending(second, 0);

    const counts = await auditCountsOnServer(client);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    await context.close();
  });
});
