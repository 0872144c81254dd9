// A bank-transfer QR payment shown to the customer (issue 13): the store's manager gives the store its bank
// account in the back office's settings; a till enrolled after it rings up two items offline with the
// customer display open beside it, and paying by QR puts the same VietQR, for what is due, on the customer's
// screen, for them to scan there rather than a printed sticker; once the cashier confirms the transfer, the
// display thanks them. Real server process, real Chromium, the built app (index.html and display.html).
import { describe, expect, it } from 'vitest';
import { DeviceClient } from '../support/device-client.test-helper.ts';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { DEMO_PINS } from './support/pos-server.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';

const CODE = 'E2E-DISPLAY-QR-01';
const BANK = { bin: '970436', accountNumber: '0071000123456', accountName: 'CUA HANG DEMO QUAN 1' };

interface ProductDoc { sku: string; name: string; price: number; barcodes: string[]; weighed: boolean }
interface ConfigDoc { staff: Array<{ id: string; role: string }> }

/** The manager puts the store's bank account in the back office's settings, as the settings screen does. */
async function giveTheStoreItsBank(url: string): Promise<void> {
  const office = await DeviceClient.enrol(url, CODE, 'Văn phòng');
  const [config] = (await office.pull<ConfigDoc>('config', null, 1)).documents;
  const manager = config?.staff.find((person) => person.role === 'manager');
  if (!manager) throw new Error('the demo store has no manager');
  const headers = { authorization: `Bearer ${await office.staffToken(manager.id, DEMO_PINS.manager)}`, 'content-type': 'application/json' };
  const read = await fetch(`${url}/api/v1/backoffice/settings`, { headers });
  expect(read.status).toBe(200);
  const { settings, updatedAt } = (await read.json()) as { settings: Record<string, unknown>; updatedAt: string };
  const saved = await fetch(`${url}/api/v1/backoffice/settings`, { method: 'PUT', headers, body: JSON.stringify({ settings: { ...settings, bank: BANK }, expectedUpdatedAt: updatedAt }) });
  expect(saved.status).toBe(200);
}

describe('the customer display at a bank-transfer payment', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: '200' } });

  it('shows the VietQR the till shows, for what is due, and thanks the customer once the transfer is confirmed, offline', async () => {
    await giveTheStoreItsBank(fixture.server().url);
    const { context, page, client } = await enrolTablet(fixture.browser(), fixture.server(), { code: CODE, deviceName: 'Quầy QR' });
    const [first, second] = (await client.pull<ProductDoc>('products', null, 50)).documents.filter((product) => !product.weighed && product.price >= 5_000);
    if (!first || !second) throw new Error('the demo catalog has too few packaged products');

    await shellScreen.goToCounter(page);
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'cashier' });
    await shellScreen.waitUntilInstalledForOffline(page);
    await context.setOffline(true);

    const opened = context.waitForEvent('page');
    await page.getByTestId('open-customer-display').click();
    const display = await opened;
    await display.getByTestId('customer-display').waitFor();

    await counterScreen.scan(page, first.barcodes[0] ?? '');
    await counterScreen.scan(page, second.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(page, 2);
    const due = await counterScreen.total(page);
    await display.locator('[data-testid="customer-display"][data-phase="sale"]').waitFor();

    await page.getByTestId('cart-pay').click();
    await page.getByTestId('pay-panel').waitFor();
    await page.getByTestId('method-bank_qr').click();
    const tillQr = page.getByTestId('qr-tender');
    await tillQr.locator('img').waitFor();
    const payload = (await tillQr.getAttribute('data-payload')) ?? '';
    expect(payload).toContain(BANK.accountNumber);
    expect(payload).toContain(String(due));

    // The customer's screen: the same QR, drawn, with the amount.
    const customerQr = display.getByTestId('display-qr');
    await customerQr.locator('img').waitFor();
    expect(await customerQr.getAttribute('data-payload')).toBe(payload);
    expect(Number(((await customerQr.locator('figcaption').textContent()) ?? '').replace(/\D/g, ''))).toBe(due);

    await page.getByTestId('qr-confirm').click();
    await page.getByTestId('pay-complete').click();
    await expect.poll(() => display.getByTestId('customer-display').getAttribute('data-phase')).toBe('thanks');
    expect(await display.getByTestId('display-qr').count()).toBe(0);
    expect(Number(((await display.getByTestId('display-total').textContent()) ?? '').replace(/\D/g, ''))).toBe(due);
    await context.close();
  }, 180_000);
});
