// A cashier's changes beyond her role at a real till, approved on the spot with a supervisor's PIN: a big
// price override, a discount over the limit and removing a line. Each leaves an audit entry with both people;
// a manager finds them in the audit trail by action and by person; back online the server accepts every
// entry (its role check finds the approver holds the permission) and nothing is left waiting.
// Real server process, real Chromium, the built app.
import { describe, expect, it } from 'vitest';
import { DEMO_PINS } from './support/pos-server.test-helper.ts';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';
import { waitForAuditEntries } from './support/device-storage.test-helper.ts';

const CODE = 'E2E-APPROVALS-01';

interface ProductDoc { sku: string; price: number; barcodes: string[]; weighed: boolean }
interface AuditDoc { id: string; action: string; staffId: string; approverId?: string; subjectId?: string; approvalProof?: { by: string; mac: string } }

describe('approvals at the counter', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: '200' } });

  it('a supervisor approves a price override, a big discount and a removed line; the trail shows both people and syncs', async () => {
    const { context, page, client } = await enrolTablet(fixture.browser(), fixture.server(), { code: CODE, deviceName: 'Quầy duyệt' });
    const products = (await client.pull<ProductDoc>('products', null, 50)).documents.filter((product) => !product.weighed && product.price >= 10_000);
    const [first, second, third] = products;
    if (!first || !second || !third) throw new Error('the demo catalog has too few packaged products');

    await shellScreen.goToCounter(page);
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'cashier' });
    const cashierId = await staffScreen.signedInStaffId(page);
    for (const product of [first, second, third]) await counterScreen.scan(page, product.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(page, 3);

    // Half the price again: beyond what a cashier may change alone.
    await counterScreen.openLine(page, first.sku);
    await counterScreen.changeOpenLine(page, 'line-price', String(Math.round(first.price * 1.5)));
    await staffScreen.approve(page, 'supervisor', DEMO_PINS.supervisor);
    await expect.poll(async () => (await counterScreen.line(page, first.sku)).total).toBe(Math.round(first.price * 1.5));

    // 30 % off, over the cashier's 10 %.
    await counterScreen.openLine(page, second.sku);
    await counterScreen.changeOpenLine(page, 'line-discount', '30');
    await staffScreen.approve(page, 'supervisor', DEMO_PINS.supervisor);
    await expect.poll(async () => (await counterScreen.line(page, second.sku)).total).toBeLessThan(second.price);

    // The customer changes her mind about the third item.
    await counterScreen.openLine(page, third.sku);
    await counterScreen.removeOpenLine(page);
    await staffScreen.approve(page, 'supervisor', DEMO_PINS.supervisor);
    await counterScreen.waitForLineCount(page, 2);
    await counterScreen.pay(page, { cash: 10_000_000 });

    const onDevice = await waitForAuditEntries(page, 3, undefined);
    const sensitive = onDevice.filter((entry) => ['price.override', 'sale.discount', 'sale.void_line'].includes(entry.action));
    expect(sensitive.map((entry) => entry.action).sort()).toEqual(['price.override', 'sale.discount', 'sale.void_line']);
    const supervisorId = sensitive[0]?.approverId ?? '';
    expect(supervisorId).not.toBe('');
    for (const entry of sensitive) expect(entry).toMatchObject({ staffId: cashierId, approverId: supervisorId });

    // The manager reads them in the audit trail: by action, and by the supervisor as approver.
    await staffScreen.switchTo(page, 'manager', DEMO_PINS.manager);
    await staffScreen.openAuditViewer(page);
    await staffScreen.filterAuditByAction(page, 'sale.void_line');
    await expect.poll(() => staffScreen.auditRows(page)).toEqual([{ action: 'sale.void_line', staffId: cashierId, approverId: supervisorId }]);
    await staffScreen.filterAuditByAction(page, '');
    await page.getByTestId('audit-filter-person').selectOption(supervisorId);
    await expect
      .poll(async () => (await staffScreen.auditRows(page)).map((row) => row.action).sort())
      .toEqual(['approval.granted', 'approval.granted', 'approval.granted', 'price.override', 'sale.discount', 'sale.void_line'].sort());

    // The server takes every entry: the approver holds each permission in the store's table, and each entry
    // carries a proof made with the supervisor's PIN (signed as it was written), which the server verified.
    await syncStatus.waitForPending(page, 0, 60_000);
    const onServer = await client.pullAll<AuditDoc>('audit');
    for (const entry of sensitive) expect(onServer.filter((each) => each.id === entry.id)).toHaveLength(1);
    for (const entry of onServer.filter((each) => sensitive.some((s) => s.id === each.id))) expect(entry.approvalProof?.by).toBe(supervisorId);
    const managerId = await staffScreen.signedInStaffId(page);
    const managerToken = await client.staffToken(managerId, DEMO_PINS.manager);
    expect(await client.incidents(managerToken, 'unproven-approval')).toEqual([]);

    // The same kind of entry made up with the device token alone (no PIN typed) is stored but flagged.
    const forged = { ...sensitive[0], id: crypto.randomUUID(), createdAt: new Date().toISOString() };
    delete (forged as Partial<AuditDoc>).approvalProof;
    expect((await client.push('audit', [{ ...forged, _deleted: false }])).status).toBe(200);
    expect((await client.incidents(managerToken, 'unproven-approval')).map((incident) => incident.documentId)).toEqual([forged.id]);
    await context.close();
  }, 180_000);
});
