// Issue 16's gift cards, in real Chromium against the real server process (the demo store of 2,000 products,
// whose counter goods include its gift card): on tablet A a cashier taps the gift card on the quick keys, a
// bank card typed as its number is refused, the card's number and 500,000 make the line, paid in cash; the
// server holds 500,000 on the card right after the sync. A second card rung up and parked, never paid, holds
// nothing. Tablet B (another enrolled device, its own browser context) sees the card confirmed, and the
// server's own figure, and pays part of a purchase with it; the server holds the rest. Back on A, the
// gift-card screen shows the new balance and reloads the card at the counter with 200,000, paid; the server
// holds it. A bank card checked on the gift-card screen is refused.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { enrolTablet, useServerAndBrowser, type EnrolledTablet } from './support/tablet.test-helper.ts';
import { waitForNameIndexBuilt } from './support/device-storage.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { productGrid } from './screens/product-grid.test-helper.ts';
import { giftCardsScreen } from './screens/gift-cards-screen.test-helper.ts';
import { generateGiftCardNumber } from '../../src/domain/gift-card-number.ts';
import { FIRST_COUNTER_GOOD } from '../../sync-server/src/seed/catalog.ts';
import { GIFT_CARD_GOOD } from '../../sync-server/src/seed/catalog-data.ts';
import type { BalanceDocument, ProductDocument } from '../../src/data/schemas/types.ts';

const CODE = 'E2E-GIFT-CARDS-01';
const GIFT_CARD_SKU = `SP${String(FIRST_COUNTER_GOOD + GIFT_CARD_GOOD + 1).padStart(6, '0')}`;
const SYNCED = { timeout: 30_000, interval: 250 };

async function readyToSell(page: Page): Promise<void> {
  await shellScreen.goToCounter(page);
  await syncStatus.waitForCatalogCount(page, 2000);
  // The quick keys and the search come from the name index a new tablet builds after its first sync.
  await waitForNameIndexBuilt(page);
  await counterScreen.waitUntilReady(page);
  await counterScreen.signIn(page, { role: 'cashier' });
}

function serverBalance(tablet: EnrolledTablet, card: string): () => Promise<number | undefined> {
  const id = `giftcard:${tablet.identity.storeId}:${card}`;
  return async () => (await tablet.client.pullAll<BalanceDocument>('balances')).find((balance) => balance.id === id)?.value;
}

describe('a gift card sold on one tablet, spent in part on another, reloaded', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: '2000' } });

  it('sold and paid on A, the server holds it at once; redeemed in part on B; reloaded on A; unpaid and bank-card numbers hold nothing', async () => {
    const a = await enrolTablet(fixture.browser(), fixture.server(), { code: CODE, deviceName: 'Quầy 1' });
    const card = generateGiftCardNumber();
    const onServer = serverBalance(a, card);
    await readyToSell(a.page);

    // The gift card from the quick keys: a bank card typed as its number is refused, nothing rung up.
    await productGrid.tapQuickKey(a.page, GIFT_CARD_SKU);
    await giftCardsScreen.waitForPrompt(a.page);
    await giftCardsScreen.loadCard(a.page, '4111 1111 1111 1111', 500_000);
    expect(await giftCardsScreen.promptRefusal(a.page)).toBe('bank-card');
    expect(await counterScreen.lineCount(a.page)).toBe(0);
    // The card's number and 500,000 tapped: one line of 500,000, paid in cash.
    await giftCardsScreen.loadCard(a.page, card, 500_000);
    await giftCardsScreen.waitForPromptClosed(a.page);
    await counterScreen.waitForLineCount(a.page, 1);
    expect(await counterScreen.line(a.page, GIFT_CARD_SKU)).toEqual({ qty: 1000, total: 500_000 });
    await counterScreen.pay(a.page, { cash: 500_000 });
    await expect.poll(onServer, SYNCED).toBe(500_000);

    // A second card rung up and parked, never paid: the server holds nothing on it.
    const unpaid = generateGiftCardNumber();
    await productGrid.tapQuickKey(a.page, GIFT_CARD_SKU);
    await giftCardsScreen.loadCard(a.page, unpaid, 200_000);
    await counterScreen.waitForLineCount(a.page, 1);
    await counterScreen.park(a.page);

    // Tablet B, in its own browser context: the card as the sync brought it, and the server's own figure.
    const b = await enrolTablet(fixture.browser(), fixture.server(), { code: CODE, deviceName: 'Quầy 2' });
    await readyToSell(b.page);
    await giftCardsScreen.openFromCounter(b.page, GIFT_CARD_SKU);
    await giftCardsScreen.check(b.page, card);
    await giftCardsScreen.waitForConfirmed(b.page, 500_000);
    expect(await giftCardsScreen.figures(b.page)).toEqual({ confirmed: 500_000, onThisTablet: 500_000, server: { kind: 'known', amount: 500_000 } });
    await giftCardsScreen.check(b.page, unpaid);
    expect(await giftCardsScreen.figures(b.page)).toEqual({ confirmed: null, onThisTablet: 0, server: { kind: 'none', amount: null } });
    expect(await onServer()).toBe(500_000);

    // B sells a packaged item paid with part of the card.
    const products = (await b.client.pull<ProductDocument>('products', null, 50)).documents;
    const item = products.find((product) => !product.weighed && product.barcodes.length > 0 && product.price >= 10_000 && product.price < 500_000);
    if (item === undefined) throw new Error('the demo catalog has no packaged item under 500,000 among its first 50');
    await shellScreen.goToCounter(b.page);
    await counterScreen.waitUntilReady(b.page);
    await counterScreen.scan(b.page, item.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(b.page, 1);
    await giftCardsScreen.payWithGiftCard(b.page, card, item.price);
    await expect.poll(onServer, SYNCED).toBe(500_000 - item.price);

    // Back on A: the gift-card screen has the new balance from the sync and the server; reload 200,000 at the counter.
    await giftCardsScreen.openFromCounter(a.page, GIFT_CARD_SKU);
    await giftCardsScreen.check(a.page, card);
    await giftCardsScreen.waitForConfirmed(a.page, 500_000 - item.price);
    expect(await giftCardsScreen.figures(a.page)).toEqual({ confirmed: 500_000 - item.price, onThisTablet: 500_000 - item.price, server: { kind: 'known', amount: 500_000 - item.price } });
    await giftCardsScreen.reloadAtCounter(a.page);
    await giftCardsScreen.loadCard(a.page, null, 200_000);
    await giftCardsScreen.waitForPromptClosed(a.page);
    await counterScreen.waitForLineCount(a.page, 1);
    await counterScreen.pay(a.page, { cash: 200_000 });
    await expect.poll(onServer, SYNCED).toBe(700_000 - item.price);

    // A bank card checked on the gift-card screen is refused; the unpaid card still holds nothing.
    await giftCardsScreen.openFromCounter(a.page, GIFT_CARD_SKU);
    await giftCardsScreen.check(a.page, '4111 1111 1111 1111');
    expect(await giftCardsScreen.refusal(a.page)).toBe('bank-card');
    expect(await serverBalance(a, unpaid)()).toBeUndefined();
  });
});
