// Issue 16's proof for customers and loyalty, on a real tablet in real Chromium against the real server: with
// the network gone, a cashier creates a new customer on the customers screen (the phone typed with +84) and
// sells to them; the first sale, over the demo store's first tier threshold (read from its config), earns
// points at no tier and brings the customer to the tier, which the counter shows; the next sale earns at the
// tier's multiplier and names it. Meanwhile the back office had recorded the same person under the same
// number written the national way. Back online, the server keeps ONE customer for the number (the tablet's
// copy merged into the known one, its points moved over) with exactly the points the tablet's sales earned;
// a later sale redeems points as a tender and the server's balance follows to the point.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { readDeviceDocuments } from './support/device-storage.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { counterCustomer, customersScreen } from './screens/customers-screen.test-helper.ts';
import { DeviceClient } from '../support/device-client.test-helper.ts';
import { generateProduct } from '../../sync-server/src/seed/catalog.ts';
import { loyaltyRules, earningMultiplier, pointsFor } from '../../src/domain/loyalty.ts';
import type { LoyaltyRules } from '../../src/domain/loyalty.ts';
import type { BalanceDocument, CustomerDocument, SaleDocument, StoreConfigDocument } from '../../src/data/schemas/types.ts';

const ENROLLMENT_CODE = 'E2E-LOYALTY-01';
const NOW = new Date().toISOString();
const WAIT_SYNC = { timeout: 90_000, interval: 500 };

function pointsOf(sale: SaleDocument): number {
  return (sale.ledger ?? []).filter((entry) => entry.kind === 'points').reduce((sum, entry) => sum + entry.delta, 0);
}

async function saleOnDevice(page: Page, number: string): Promise<SaleDocument> {
  const sale = (await readDeviceDocuments<SaleDocument>(page, 'sales')).find((each) => each.number === number);
  if (sale === undefined) throw new Error(`sale ${number} is not on the tablet`);
  return sale;
}

describe('a new customer created offline earns points, reaches a tier and redeems', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: ENROLLMENT_CODE, POS_DEMO_PRODUCTS: '200' } });

  it('is one customer on the server after sync, with exactly the points the tablet earned and spent', async () => {
    const server = fixture.server();
    const backOffice = await DeviceClient.enrol(server.url, ENROLLMENT_CODE, 'Back office');
    const storeId = backOffice.enrolment.storeId;
    const { context, page, problems, client } = await enrolTablet(fixture.browser(), server, { code: ENROLLMENT_CODE, deviceName: 'Quầy 1' });
    await shellScreen.goToCounter(page);
    await syncStatus.waitForCatalogCount(page, 200);
    const [config] = await client.pullAll<StoreConfigDocument>('config');
    const rules: LoyaltyRules | undefined = loyaltyRules(config);
    if (rules === undefined) throw new Error('the demo store runs no loyalty programme');
    const firstTier = rules.tiers[0];
    if (firstTier === undefined) throw new Error('the demo store has no loyalty tiers');

    await shellScreen.waitUntilInstalledForOffline(page);
    await context.setOffline(true);
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'cashier' });

    // While the tablet is offline, the back office records the same person, her number written the national way.
    const knownId = 'known-pham-thu-ha';
    const known: CustomerDocument = { id: knownId, storeId, name: 'Phạm Thu Hà', searchName: 'pham thu ha', phone: '0903000003', createdAt: NOW, updatedAt: NOW };
    expect((await backOffice.push('customers', [known])).status).toBe(200);

    // Offline: the cashier creates her on the customers screen and sells to her.
    await customersScreen.open(page);
    const offlineId = await customersScreen.create(page, { name: 'Phạm Thu Hà', phone: '+84 903 000 003', memberCard: 'TV-0003' });
    expect(offlineId).not.toBe(knownId);
    expect(await customersScreen.loyalty(page)).toEqual({ tier: '', spend: 0, points: 0 });
    await customersScreen.sellTo(page, offlineId);
    await counterCustomer.waitForLoyalty(page, { tier: '', points: 0 });

    // First sale: enough of a packaged product to pass the first tier's threshold.
    const product = Array.from({ length: 40 }, (_, index) => generateProduct(index, NOW)).find((each) => !each.weighed && each.barcodes.length > 0 && each.price >= 20_000);
    if (product === undefined) throw new Error('no packaged product in the demo catalog');
    await counterScreen.scan(page, product.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(page, 1);
    await counterCustomer.setQuantity(page, product.sku, Math.ceil(firstTier.minSpend / product.price) + 1);
    const firstTotal = await counterScreen.total(page);
    expect(firstTotal).toBeGreaterThanOrEqual(firstTier.minSpend);
    const firstNumber = await counterScreen.pay(page, { cash: firstTotal });
    const first = await saleOnDevice(page, firstNumber);
    expect(first.customerId).toBe(offlineId);
    expect(first['loyaltyTier']).toBeUndefined();
    expect(pointsOf(first)).toBe(pointsFor(firstTotal, earningMultiplier(first.createdAt, rules, undefined), rules.amountPerPoint));

    // Second sale, still offline: the counter shows her new tier, and the sale earns at it.
    expect(await counterCustomer.attachByPhone(page, '0903 000 003')).toBe(offlineId);
    await counterCustomer.waitForLoyalty(page, { tier: firstTier.id, points: pointsOf(first) });
    await counterScreen.scan(page, product.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(page, 1);
    const secondTotal = await counterScreen.total(page);
    const secondNumber = await counterScreen.pay(page, { cash: secondTotal });
    const second = await saleOnDevice(page, secondNumber);
    expect(second['loyaltyTier']).toBe(firstTier.id);
    expect(pointsOf(second)).toBe(pointsFor(secondTotal, earningMultiplier(second.createdAt, rules, firstTier), rules.amountPerPoint));
    const earnedOffline = pointsOf(first) + pointsOf(second);

    // Online: both sales and the customer reach the server; her copy is merged into the known customer.
    await context.setOffline(false);
    const pointsBalanceId = `points:${storeId}:${knownId}`;
    await expect
      .poll(async () => (await client.pullAll<BalanceDocument>('balances')).find((balance) => balance.id === pointsBalanceId)?.value, WAIT_SYNC)
      .toBe(earnedOffline);
    const customersOnServer = await backOffice.pullAll<CustomerDocument & { _deleted?: boolean }>('customers');
    const live = customersOnServer.filter((customer) => customer._deleted !== true && customer.phone.replace(/^\+84/, '0') === '0903000003');
    expect(live.map((customer) => customer.id)).toEqual([knownId]);
    expect(customersOnServer.find((customer) => customer.id === offlineId)).toMatchObject({ _deleted: true, mergedIntoId: knownId });
    expect((await client.pullAll<BalanceDocument>('balances')).find((balance) => balance.id === `points:${storeId}:${offlineId}`)?.value ?? 0).toBe(0);

    // A later sale: the known customer is found by her number, with the points the server confirmed, and redeems some.
    await expect.poll(async () => (await readDeviceDocuments<CustomerDocument>(page, 'customers')).some((customer) => customer.id === knownId), WAIT_SYNC).toBe(true);
    expect(await counterCustomer.attachByPhone(page, '+84903000003')).toBe(knownId);
    await counterCustomer.waitForLoyalty(page, { tier: '', points: earnedOffline }, 60_000);
    await counterScreen.scan(page, product.barcodes[0] ?? '');
    await counterCustomer.setQuantity(page, product.sku, 5);
    const redeemPoints = rules.redeem?.minRedeemPoints ?? 100;
    const thirdNumber = await counterCustomer.payWithPointsAndCash(page, redeemPoints);
    const third = await saleOnDevice(page, thirdNumber);
    expect(third.tenders.find((tender) => tender.method === 'points')).toMatchObject({ amount: redeemPoints * (rules.redeem?.pointValue ?? 0), points: redeemPoints });
    expect(third.ledger?.find((entry) => entry.kind === 'points' && entry.delta < 0)?.delta).toBe(-redeemPoints);
    const thirdPoints = pointsOf(third);

    await expect
      .poll(async () => (await client.pullAll<BalanceDocument>('balances')).find((balance) => balance.id === pointsBalanceId)?.value, WAIT_SYNC)
      .toBe(earnedOffline + thirdPoints);
    const salesOnServer = await client.pullAll<SaleDocument>('sales');
    expect(salesOnServer.map((sale) => sale.number).sort()).toEqual([firstNumber, secondNumber, thirdNumber].sort());
    expect(problems.filter((problem) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_NAME|sync/i.test(problem))).toEqual([]);
    await context.close();
  });
});
