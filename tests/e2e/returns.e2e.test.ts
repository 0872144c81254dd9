// Returns at the counter (issue 16), in real Chromium against the real server process:
//  (a) an online order, paid online and shipped with its packing slip, comes back to the store while the
//      tablet is offline: the slip's QR is checked with the server's key on the tablet (an altered one is
//      refused), one item goes back to stock and one is written off as damaged, the money goes on the
//      customer's store credit; back online the return syncs once and the server's stock and credit
//      balances moved by exactly that;
//  (b) an in-store sale is partly returned to cash, the refund above the store's limit approved on the spot
//      by the manager's PIN; the server holds the return with the manager's proof.
import { describe, expect, it } from 'vitest';
import { signDelivery } from '../../sync-server/src/routes/orders-webhook.ts';
import { generateProduct } from '../../sync-server/src/seed/catalog.ts';
import type { BalanceDocument, CustomerDocument, ProductDocument, SaleDocument } from '../../src/data/schemas/types.ts';
import { DEMO_PINS } from './support/pos-server.test-helper.ts';
import { readDeviceDocuments } from './support/device-storage.test-helper.ts';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { returnsScreen } from './screens/returns-screen.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';

const ENROLLMENT_CODE = 'E2E-RETURNS-01';
const SECRET = 'e2e-returns-generic-webhook-secret-0000001';
const NOW = new Date().toISOString();
// Packaged demo products (the server seeds the same first 40 with POS_DEMO_PRODUCTS=40).
const packaged = Array.from({ length: 40 }, (_, index) => generateProduct(index, NOW)).filter((product) => !product.weighed && product.barcodes.length > 0);
const [milk, rice] = packaged as [ProductDocument, ProductDocument];
const dearest = [...packaged].sort((a, b) => b.price - a.price)[0]!;
const STORE_LIMIT = 500_000;

async function deliverShippedOrder(url: string, storeId: string, customer: CustomerDocument): Promise<{ id: string; total: number }> {
  const line = (product: ProductDocument, pieces: number) => ({ productId: product.id, sku: product.sku, name: product.name, qty: pieces * 1000, unitPrice: product.price, taxRate: 800, total: pieces * product.price });
  const lines = [line(milk, 2), line(rice, 1)];
  const total = lines.reduce((sum, each) => sum + each.total, 0);
  const body = JSON.stringify({
    id: 'e2e-web-3001',
    storeId,
    number: 'W3001',
    status: 'pending',
    fulfilment: 'delivery',
    customerName: customer.name,
    currency: 'VND',
    lines,
    total,
    paid: true,
    placedAt: NOW,
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const answer = await fetch(`${url}/api/v1/orders/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pos-timestamp': timestamp, 'x-pos-signature': `sha256=${signDelivery(SECRET, timestamp, body)}` },
    body,
  });
  expect(answer.status, await answer.clone().text()).toBe(201);
  return { id: ((await answer.json()) as { orderId: string }).orderId, total };
}

function balanceOf(balances: readonly BalanceDocument[], kind: BalanceDocument['kind'], refId: string): number {
  return balances.find((balance) => balance.kind === kind && balance.refId === refId)?.value ?? 0;
}

/** The QR text with its summary changed after signing (a dearer total), the signature kept. */
function altered(qr: string): string {
  const [prefix, payload, signature] = qr.split('.');
  const summary = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  return [prefix, Buffer.from(JSON.stringify({ ...summary, total: Number(summary['total']) * 10 })).toString('base64url'), signature].join('.');
}

describe('returns at the counter', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: ENROLLMENT_CODE, POS_DEMO_PRODUCTS: '40', POS_WEBHOOK_SECRET: SECRET } });

  it('an online order comes back offline from its packing slip, one item resellable and one damaged, as store credit; it syncs once and the server’s stock and credit are right; an in-store sale is partly returned to cash with the manager’s approval', async () => {
    const server = fixture.server();
    const { context, page, client, identity } = await enrolTablet(fixture.browser(), server, { code: ENROLLMENT_CODE, deviceName: 'Quầy đổi trả' });
    const customer = (await client.pullAll<CustomerDocument>('customers')).find((each) => each.phone !== undefined && each.phone !== '');
    if (customer === undefined) throw new Error('the demo store has no customer with a phone');
    const order = await deliverShippedOrder(server.url, identity.storeId, customer);
    const slipAnswer = await fetch(`${server.url}/api/v1/orders/${order.id}/packing-slip`, { headers: client.headers });
    expect(slipAnswer.status).toBe(200);
    const slip = (await slipAnswer.json()) as { qr: string };
    const before = await client.pullAll<BalanceDocument>('balances');

    await shellScreen.goToCounter(page);
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'cashier' });
    await returnsScreen.open(page);
    await syncStatus.waitForState(page, 'idle', 60_000);

    // (a) Offline: the slip is all the tablet has to go on.
    await context.setOffline(true);
    await returnsScreen.find(page, altered(slip.qr));
    expect(await returnsScreen.waitForNotice(page, 'error')).toMatch(/giả mạo|bị sửa/);
    await returnsScreen.find(page, slip.qr);
    await returnsScreen.waitForPurchase(page, 'W3001', 'slip');
    await returnsScreen.takeBack(page, 0, 1, { reason: 'changed-mind', condition: 'resellable' });
    await returnsScreen.takeBack(page, 1, 1, { reason: 'defective', condition: 'damaged' });
    await returnsScreen.refundTo(page, 'store_credit');
    await returnsScreen.attachCustomer(page, customer.phone, customer.name);
    const credit = await returnsScreen.plannedRefund(page);
    expect(credit).toBe(milk.price + rice.price);
    const slipNeedsApproval = await returnsScreen.needsApproval(page);
    expect(slipNeedsApproval).toBe(credit > STORE_LIMIT);
    await returnsScreen.confirm(page);
    if (slipNeedsApproval) await staffScreen.approve(page, 'manager', DEMO_PINS.manager);
    expect(await returnsScreen.waitForNotice(page, 'success', 30_000)).toMatch(/Đã ghi phiếu trả hàng/);
    const onTablet = (await readDeviceDocuments<SaleDocument>(page, 'sales')).filter((doc) => doc.kind === 'return');
    expect(onTablet).toHaveLength(1);
    const slipReturn = onTablet[0]!;
    expect(slipReturn).toMatchObject({ orderId: order.id, originalNumber: 'W3001', customerId: customer.id, tenders: [{ method: 'store_credit', amount: -credit }] });

    // Back online: pushed once; the stock and the credit on the server follow.
    await context.setOffline(false);
    await syncStatus.waitForPending(page, 0, 60_000);
    await expect
      .poll(async () => (await client.pullAll<SaleDocument>('sales')).filter((doc) => doc.id === slipReturn.id).length, { timeout: 30_000 })
      .toBe(1);
    await expect
      .poll(async () => {
        const after = await client.pullAll<BalanceDocument>('balances');
        return {
          milk: balanceOf(after, 'stock', milk.id) - balanceOf(before, 'stock', milk.id),
          rice: balanceOf(after, 'stock', rice.id) - balanceOf(before, 'stock', rice.id),
          credit: balanceOf(after, 'credit', customer.id) - balanceOf(before, 'credit', customer.id),
        };
      }, { timeout: 30_000 })
      .toEqual({ milk: 1000, rice: 0, credit });
    expect((await client.pullAll<SaleDocument>('sales')).filter((doc) => doc.kind === 'return' && doc.orderId === order.id)).toHaveLength(1);

    // (b) An in-store sale of the dearest item, enough pieces that all but one is above the store's limit.
    const pieces = Math.floor(STORE_LIMIT / dearest.price) + 2;
    await shellScreen.goToCounter(page);
    await counterScreen.waitUntilReady(page);
    for (let scan = 0; scan < pieces; scan++) await counterScreen.scan(page, dearest.barcodes[0]!);
    expect(await counterScreen.line(page, dearest.sku)).toMatchObject({ qty: pieces * 1000 });
    const receipt = await counterScreen.pay(page, { cash: await counterScreen.total(page) });
    // The stock is read once the sale itself is on the server, so the return is the only movement after it.
    await expect
      .poll(async () => (await client.pullAll<SaleDocument>('sales')).some((doc) => doc.number === receipt), { timeout: 60_000 })
      .toBe(true);
    const stockBefore = balanceOf(await client.pullAll<BalanceDocument>('balances'), 'stock', dearest.id);

    await returnsScreen.open(page);
    await returnsScreen.scan(page, receipt);
    await returnsScreen.waitForPurchase(page, receipt, 'tablet');
    expect(await returnsScreen.leftOf(page, 0)).toBe(pieces);
    await returnsScreen.takeBack(page, 0, pieces - 1, { reason: 'wrong-size' });
    await returnsScreen.refundTo(page, 'cash', true);
    expect(await returnsScreen.plannedRefund(page)).toBe((pieces - 1) * dearest.price);
    expect(await returnsScreen.needsApproval(page)).toBe(true);
    await returnsScreen.confirm(page);
    await staffScreen.approve(page, 'manager', DEMO_PINS.manager);
    await returnsScreen.waitForNotice(page, 'success', 30_000);
    await syncStatus.waitForPending(page, 0, 60_000);

    const manager = (await readDeviceDocuments<{ staff: Array<{ id: string; role: string }> }>(page, 'config'))[0]?.staff.find((member) => member.role === 'manager');
    await expect
      .poll(async () => (await client.pullAll<SaleDocument>('sales')).find((doc) => doc.kind === 'return' && doc.originalNumber === receipt), { timeout: 30_000 })
      .toMatchObject({ approverId: manager?.id, approvalFor: 'refund.above_limit', tenders: [{ method: 'cash' }], totals: { total: -(pieces - 1) * dearest.price } });
    const stored = (await client.pullAll<SaleDocument>('sales')).find((doc) => doc.kind === 'return' && doc.originalNumber === receipt);
    expect(stored?.approvalProof?.by).toBe(manager?.id);
    await expect
      .poll(async () => balanceOf(await client.pullAll<BalanceDocument>('balances'), 'stock', dearest.id) - stockBefore, { timeout: 30_000 })
      .toBe((pieces - 1) * 1000);
  });
});
