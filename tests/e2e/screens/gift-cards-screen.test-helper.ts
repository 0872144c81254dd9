/*
 * Gift cards as a cashier handles them (issue 16), in the words of the shop: at the counter, the gift-card
 * prompt a gift-card product opens (the card's number, an amount tapped) and the gift card as a tender in the
 * pay panel; on the gift-card screen, a card checked (what the server confirmed, what this tablet counts, the
 * server's own figure) and "reload at the counter".
 */
import type { Page } from 'playwright-core';

const WAIT = { timeout: 20_000 };

export interface GiftCardFigures {
  /** The server's last confirmed balance on this tablet, null when none. */
  readonly confirmed: number | null;
  readonly onThisTablet: number;
  /** The server's own figure: its kind ('known', 'none', 'offline', ...) and amount when known. */
  readonly server: { readonly kind: string; readonly amount: number | null };
}

const amount = (text: string | null): number | null => (text === null || text === '' ? null : Number(text));

export const giftCardsScreen = {
  /**
   * Opens the gift-card screen from the counter: the gift-card product (this SKU) tapped on the quick keys opens
   * the gift-card prompt, whose "check a card's balance" leads there.
   */
  async openFromCounter(page: Page, giftCardSku: string): Promise<void> {
    await page.getByTestId('nav-sale').click();
    await page.getByTestId('counter').waitFor(WAIT);
    await page.locator('[data-testid="grid-tab"][data-tab="quick"]').click(WAIT);
    await page.locator(`[data-testid="quick-keys"] [data-testid="product-tile"][data-sku="${giftCardSku}"]`).click(WAIT);
    await page.getByTestId('gift-card-line-check-balances').click(WAIT);
    await page.getByTestId('gift-cards-screen').waitFor(WAIT);
  },

  /** Types a card's number and checks it. */
  async check(page: Page, number: string): Promise<void> {
    await page.getByTestId('gift-card-check-number').fill(number);
    await page.getByTestId('gift-card-check').click();
  },

  /** Why the number checked was refused ('bank-card', 'not-a-gift-card'). */
  async refusal(page: Page): Promise<string | null> {
    return page.getByTestId('gift-card-check-problem').getAttribute('data-reason', WAIT);
  },

  /** The figures shown for the card checked, once the server's figure has come (or cannot). */
  async figures(page: Page): Promise<GiftCardFigures> {
    await page.locator('[data-testid="gift-card-server"]:not([data-kind="asking"])').waitFor(WAIT);
    await page.getByTestId('gift-card-on-tablet').waitFor(WAIT);
    return {
      confirmed: amount(await page.getByTestId('gift-card-confirmed').getAttribute('data-amount')),
      onThisTablet: Number(await page.getByTestId('gift-card-on-tablet').getAttribute('data-amount')),
      server: {
        kind: (await page.getByTestId('gift-card-server').getAttribute('data-kind')) ?? '',
        amount: amount(await page.getByTestId('gift-card-server').getAttribute('data-amount')),
      },
    };
  },

  /** Waits until the card checked shows this balance confirmed by the server (the sync brought it). */
  async waitForConfirmed(page: Page, value: number, timeout = 30_000): Promise<void> {
    await page.locator(`[data-testid="gift-card-confirmed"][data-amount="${value}"]`).waitFor({ timeout });
  },

  /** "Reload at the counter": the counter opens with the gift-card prompt on this card. */
  async reloadAtCounter(page: Page): Promise<void> {
    await page.getByTestId('gift-card-reload').click();
    await page.getByTestId('gift-card-line').waitFor(WAIT);
  },

  /** The counter's gift-card prompt is open (a gift-card product was rung up, or a card scanned). */
  async waitForPrompt(page: Page): Promise<void> {
    await page.getByTestId('gift-card-line').waitFor(WAIT);
  },

  /** Types the card's number in the prompt and taps one of the store's amounts. */
  async loadCard(page: Page, number: string | null, tapped: number): Promise<void> {
    if (number !== null) await page.getByTestId('gift-card-line-number').fill(number);
    await page.locator(`[data-testid="gift-card-line-quick"][data-amount="${tapped}"]`).click();
  },

  /** Why the prompt refused the number or amount ('bank-card', 'not-a-gift-card', 'amount'). */
  async promptRefusal(page: Page): Promise<string | null> {
    return page.getByTestId('gift-card-line-problem').getAttribute('data-reason', WAIT);
  },

  async waitForPromptClosed(page: Page): Promise<void> {
    await page.getByTestId('gift-card-line').waitFor({ state: 'detached', ...WAIT });
  },

  /**
   * Pays the cart with a gift card for `amount` (at most what the card holds on this tablet), what is left in
   * exact cash, and completes the sale; resolves with the receipt number.
   */
  async payWithGiftCard(page: Page, number: string, amount: number): Promise<string> {
    const before = (await page.getByTestId('counter').getAttribute('data-last-sale')) ?? '';
    await page.getByTestId('cart-pay').click();
    await page.getByTestId('pay-panel').waitFor(WAIT);
    await page.getByTestId('method-gift_card').click();
    await page.getByTestId('gift-card-id').fill(number);
    await page.getByTestId('gift-card-lookup').click();
    await page.getByTestId('gift-card-amount').fill(String(amount));
    await page.getByTestId('gift-card-add').click();
    await page.locator(`[data-testid="tender"][data-method="gift_card"][data-amount="${amount}"]`).waitFor(WAIT);
    if (await page.getByTestId('pay-cash-exact').isEnabled()) await page.getByTestId('pay-cash-exact').click();
    await page.getByTestId('pay-complete').click();
    await page.waitForFunction(
      (previous) => {
        const receipt = document.querySelector('[data-testid="counter"]')?.getAttribute('data-last-sale') ?? '';
        return receipt !== '' && receipt !== previous;
      },
      before,
      WAIT,
    );
    return (await page.getByTestId('counter').getAttribute('data-last-sale')) ?? '';
  },

  /** In the pay panel's gift-card tender: what this tablet lets the card pay, or that it knows no balance for it. */
  async tenderBalance(page: Page, number: string): Promise<{ known: false } | { known: true; balance: number }> {
    await page.getByTestId('cart-pay').click();
    await page.getByTestId('pay-panel').waitFor(WAIT);
    await page.getByTestId('method-gift_card').click();
    await page.getByTestId('gift-card-id').fill(number);
    await page.getByTestId('gift-card-lookup').click();
    const shown = page.locator('[data-testid="balance-unknown"], [data-testid="gift-card-balance"]');
    await shown.first().waitFor(WAIT);
    if (await page.getByTestId('balance-unknown').isVisible()) return { known: false };
    return { known: true, balance: Number(await page.getByTestId('gift-card-balance').getAttribute('data-amount')) };
  },
};
