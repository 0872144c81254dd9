// Exchanges and returns without a receipt at the returns desk (issue 16), in real Chromium against the real
// server process:
//  (a) a customer bought one item in the store and, with the tablet offline, swaps it for a dearer one
//      scanned at the desk, paying the difference in cash: ONE exchange document;
//  (b) still offline, a customer with no receipt brings back an item found by search; the money may go
//      only on store credit, and the manager approves by PIN on the tablet.
// Back online each syncs once: the server's stock has the returned item back and the new one out, the
// exchange's money is the difference, the return without receipt arrives with the manager's proof and its
// refund on the customer's credit, and the server's returns checks raise nothing for either.
import { describe, expect, it } from 'vitest';
import { generateProduct } from '../../sync-server/src/seed/catalog.ts';
import type { BalanceDocument, CustomerDocument, SaleDocument } from '../../src/data/schemas/types.ts';
import { DEMO_PINS } from './support/pos-server.test-helper.ts';
import { readDeviceDocuments } from './support/device-storage.test-helper.ts';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { returnsScreen } from './screens/returns-screen.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';

const ENROLLMENT_CODE = 'E2E-EXCHANGE-01';
const NOW = new Date().toISOString();
// Packaged demo products (the server seeds the same first 40 with POS_DEMO_PRODUCTS=40), in a category the store takes back.
const NEVER_BACK = ['Thịt, cá, hải sản tươi', 'Rau củ, trái cây'];
const packaged = Array.from({ length: 40 }, (_, index) => generateProduct(index, NOW)).filter(
  (product) => !product.weighed && product.barcodes.length > 0 && !NEVER_BACK.includes(product.category ?? ''),
);
const byPrice = [...packaged].sort((a, b) => a.price - b.price);
const cheap = byPrice[0]!;
const dearer = byPrice.find((product) => product.price > cheap.price && product.price < 400_000)!;
const unreceipted = byPrice.find((product) => product.id !== cheap.id && product.id !== dearer.id && product.price < 400_000)!;

function balanceOf(balances: readonly BalanceDocument[], kind: BalanceDocument['kind'], refId: string): number {
  return balances.find((balance) => balance.kind === kind && balance.refId === refId)?.value ?? 0;
}

describe('exchanges and returns without a receipt at the returns desk', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: ENROLLMENT_CODE, POS_DEMO_PRODUCTS: '40' } });

  it('an item bought in store is exchanged offline for a dearer one paid in cash, synced once with the stock and money right; a return without a receipt goes on store credit with the manager’s proven approval', async () => {
    const server = fixture.server();
    const { context, page, client } = await enrolTablet(fixture.browser(), server, { code: ENROLLMENT_CODE, deviceName: 'Quầy đổi hàng' });
    const customer = (await client.pullAll<CustomerDocument>('customers')).find((each) => each.phone !== undefined && each.phone !== '');
    if (customer === undefined) throw new Error('the demo store has no customer with a phone');
    expect(dearer, 'the demo catalog has a dearer packaged item').toBeDefined();

    // The purchase: one cheap item, paid in cash, on the server before the exchange.
    await shellScreen.goToCounter(page);
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'cashier' });
    await counterScreen.scan(page, cheap.barcodes[0]!);
    const receipt = await counterScreen.pay(page, { cash: await counterScreen.total(page) });
    await expect.poll(async () => (await client.pullAll<SaleDocument>('sales')).some((doc) => doc.number === receipt), { timeout: 60_000 }).toBe(true);
    const before = await client.pullAll<BalanceDocument>('balances');

    // (a) Offline, at the returns desk: the cheap item back, the dearer one out, the customer pays the difference.
    await returnsScreen.open(page);
    await syncStatus.waitForState(page, 'idle', 60_000);
    await context.setOffline(true);
    await returnsScreen.scan(page, receipt);
    await returnsScreen.waitForPurchase(page, receipt, 'tablet');
    await returnsScreen.takeBack(page, 0, 1, { reason: 'wrong-size', condition: 'resellable' });
    await returnsScreen.startExchange(page);
    await returnsScreen.scanNewItem(page, dearer.barcodes[0]!, dearer.sku);
    const difference = await returnsScreen.difference(page);
    expect(difference).toBe(dearer.price - cheap.price);
    await returnsScreen.payDifferenceInCash(page);
    await returnsScreen.confirm(page);
    expect(await returnsScreen.waitForNotice(page, 'success', 30_000)).toMatch(/Đã ghi phiếu đổi hàng/);
    const onTablet = (await readDeviceDocuments<SaleDocument>(page, 'sales')).filter((doc) => doc.kind === 'return');
    expect(onTablet).toHaveLength(1);
    const exchange = onTablet[0]!;
    expect(exchange).toMatchObject({ reason: 'exchange', originalNumber: receipt, totals: { total: difference } });
    const cashIn = exchange.tenders.reduce((sum, tender) => sum + tender.amount, 0) - (exchange.change ?? 0);
    // What the drawer took is the difference, give or take the store's cash rounding (tenders - change = total + rounding).
    const rounding = exchange.totals['cashRounding'];
    expect(cashIn).toBe(difference + (typeof rounding === 'number' ? rounding : 0));
    expect(exchange.tenders.every((tender) => tender.method === 'cash')).toBe(true);

    // (b) Still offline, no receipt: found by search, store credit only (the demo store has no gift-card
    // refunds, and never cash), the manager's PIN typed on this tablet proves the approval.
    const creditBefore = balanceOf(before, 'credit', customer.id);
    await returnsScreen.startWithoutReceipt(page);
    // A new return starts clean: the exchange's notice goes, so the next one read is this return's.
    expect(await page.getByTestId('returns-notice').count()).toBe(0);
    expect(await page.getByTestId('returns-rest-cash').count()).toBe(0);
    await returnsScreen.findItemWithoutReceipt(page, unreceipted.sku, unreceipted.sku);
    await returnsScreen.takeBackWithoutReceipt(page, 0, 1, { reason: 'defective', condition: 'resellable' });
    await returnsScreen.refundTo(page, 'store_credit');
    await returnsScreen.attachCustomer(page, customer.phone!, customer.name);
    expect(await returnsScreen.plannedRefund(page)).toBe(unreceipted.price);
    expect(await returnsScreen.needsApproval(page)).toBe(true);
    await returnsScreen.confirm(page);
    await staffScreen.approve(page, 'manager', DEMO_PINS.manager);
    expect(await returnsScreen.waitForNotice(page, 'success', 30_000)).toMatch(/Đã ghi phiếu trả hàng/);
    expect((await readDeviceDocuments<SaleDocument>(page, 'sales')).filter((doc) => doc.kind === 'return')).toHaveLength(2);

    // Back online: each pushed once; the server's stock and the customer's credit follow, and its returns
    // checks find nothing to flag.
    await context.setOffline(false);
    await expect.poll(async () => (await client.pullAll<SaleDocument>('sales')).filter((doc) => doc.kind === 'return').length, { timeout: 60_000 }).toBe(2);
    await expect
      .poll(
        async () => {
          const after = await client.pullAll<BalanceDocument>('balances');
          const moved = (id: string) => balanceOf(after, 'stock', id) - balanceOf(before, 'stock', id);
          return { back: moved(cheap.id), out: moved(dearer.id), backWithoutReceipt: moved(unreceipted.id) };
        },
        { timeout: 30_000 },
      )
      .toEqual({ back: 1000, out: -1000, backWithoutReceipt: 1000 });
    const stored = (await client.pullAll<SaleDocument>('sales')).filter((doc) => doc.id === exchange.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ reason: 'exchange', totals: { total: difference }, tenders: exchange.tenders, change: exchange.change });

    const manager = (await readDeviceDocuments<{ staff: Array<{ id: string; role: string }> }>(page, 'config'))[0]?.staff.find((member) => member.role === 'manager');
    if (manager === undefined) throw new Error('the demo store has no manager');
    const isNoReceipt = (doc: SaleDocument) => doc.kind === 'return' && doc.originalSaleId === undefined && doc.orderId === undefined;
    await expect
      .poll(async () => (await client.pullAll<SaleDocument>('sales')).find(isNoReceipt), { timeout: 60_000 })
      .toMatchObject({ approverId: manager.id, approvalFor: 'return.without_receipt', customerId: customer.id, tenders: [{ method: 'store_credit', amount: -unreceipted.price }] });
    const noReceipt = (await client.pullAll<SaleDocument>('sales')).find(isNoReceipt)!;
    expect(noReceipt.approvalProof?.by).toBe(manager.id);
    await expect.poll(async () => balanceOf(await client.pullAll<BalanceDocument>('balances'), 'credit', customer.id) - creditBefore, { timeout: 30_000 }).toBe(unreceipted.price);

    // Neither document raised anything for the manager: no mismatch, no excess, no broken rule, no unproven approval.
    const managerToken = await client.staffToken(manager.id, DEMO_PINS.manager);
    for (const kind of ['sale-mismatch', 'return-excess', 'return-rules', 'unproven-approval']) {
      const flagged = (await client.incidents(managerToken, kind)).filter((incident) => incident.documentId === exchange.id || incident.documentId === noReceipt.id);
      expect(flagged, kind).toEqual([]);
    }
    await context.close();
  }, 240_000);
});
