// Every control a cashier taps on the counter is at least 44 px each way (issue 13: tap targets, a thumb on a
// tablet), and nothing scrolls sideways, on a 1280x800 landscape tablet and an 800x1280 portrait one: with
// lines in the cart, and at the pay panel with its keypad. Real server process, real
// Chromium, the built app and its real stylesheets.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';

const CODE = 'E2E-TOUCH-01';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
];

interface ProductDoc { barcodes: string[]; weighed: boolean; price: number }

/** The counter's visible controls smaller than 44 px either way, and whether the page scrolls sideways. */
async function smallTargets(page: Page): Promise<{ checked: number; small: string[]; sideways: boolean }> {
  return page.evaluate(() => {
    const counter = document.querySelector('[data-testid="counter"]');
    if (!counter) throw new Error('no counter on screen');
    const controls = [...counter.querySelectorAll<HTMLElement>('button, input:not([type="hidden"]), select, textarea, [role="tab"], a[href]')];
    const small = controls
      .filter((control) => {
        const box = control.getBoundingClientRect();
        const style = getComputedStyle(control);
        return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && (Math.round(box.width) < 44 || Math.round(box.height) < 44);
      })
      .map((control) => {
        const box = control.getBoundingClientRect();
        return `${control.tagName.toLowerCase()}[${control.dataset['testid'] ?? control.getAttribute('aria-label') ?? control.textContent?.trim().slice(0, 20)}] ${Math.round(box.width)}x${Math.round(box.height)}`;
      });
    const root = document.scrollingElement ?? document.documentElement;
    const checked = controls.filter((control) => control.getBoundingClientRect().width > 0).length;
    return { checked, small, sideways: root.scrollWidth > root.clientWidth };
  });
}

async function checkEachSize(page: Page, what: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const { checked, small, sideways } = await smallTargets(page);
    expect(checked, `${what}: controls on screen`).toBeGreaterThan(8);
    expect({ what, size: `${size.width}x${size.height}`, small, sideways }).toEqual({ what, size: `${size.width}x${size.height}`, small: [], sideways: false });
  }
}

describe('the counter under a thumb', () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: '200' } });

  it('has every control at least 44 px each way and no sideways scroll, landscape and portrait, from the cart to the pay panel', async () => {
    const { context, page, client } = await enrolTablet(fixture.browser(), fixture.server(), { code: CODE, deviceName: 'Quầy cảm ứng' });
    const products = (await client.pull<ProductDoc>('products', null, 50)).documents.filter((product) => !product.weighed && product.price >= 5_000).slice(0, 3);
    await page.setViewportSize(SIZES[0] ?? { width: 1280, height: 800 });
    await shellScreen.goToCounter(page);
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'cashier' });
    for (const product of products) await counterScreen.scan(page, product.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(page, products.length);
    await checkEachSize(page, 'the cart with lines');

    await page.setViewportSize(SIZES[0] ?? { width: 1280, height: 800 });
    await page.getByTestId('cart-pay').click();
    await page.getByTestId('pay-panel').waitFor();
    await checkEachSize(page, 'the pay panel');
    await context.close();
  }, 180_000);
});
