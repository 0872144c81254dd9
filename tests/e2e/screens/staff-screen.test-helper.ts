/*
 * Staff at the till, in the words of the shop: the sign-in panel over the counter, picking a person and
 * typing their PIN on the pad, the header's staff corner (who is signed in, switch, sign out, no-sale drawer,
 * audit; folded into the header's menu under 1440 px), the approval dialog and the manager's audit viewer.
 */
import type { Locator, Page } from 'playwright-core';
import { shellScreen } from './shell-screen.test-helper.ts';

export type StaffRole = 'cashier' | 'supervisor' | 'manager';

async function typePin(scope: Locator, role: StaffRole, pin: string): Promise<void> {
  await scope.locator(`[data-testid^="staff-choice-"][data-role="${role}"]`).click();
  const entry = await scope.getByTestId('staff-pin-entry').elementHandle();
  const before = Number(await entry?.getAttribute('data-answered'));
  for (const digit of pin) await scope.getByTestId(`pin-digit-${digit}`).click();
  await scope.getByTestId('pin-submit').click();
  // The PIN check (PBKDF2, then IndexedDB) is done when the entry counts one more answer or goes away.
  await scope.page().waitForFunction(
    ({ element, count }) => !element?.isConnected || Number(element.getAttribute('data-answered')) > count,
    { element: entry, count: before },
    { timeout: 20_000 },
  );
}

export const staffScreen = {
  signInPanel(page: Page): Locator {
    return page.getByTestId('staff-sign-in').first();
  },

  async waitForSignInPanel(page: Page, timeout = 60_000): Promise<void> {
    await this.signInPanel(page).waitFor({ timeout });
  },

  /** Picks the person with `role` on the sign-in panel and types `pin`; resolves once the check has answered. */
  async signIn(page: Page, role: StaffRole, pin: string): Promise<void> {
    await typePin(this.signInPanel(page), role, pin);
  },

  /**
   * A person with no PIN yet picked on the sign-in panel: the step the choose-PIN form shows ('first',
   * 'offline', ...), once it shows.
   */
  async pickPersonWithoutPin(page: Page, staffId: string): Promise<string> {
    await this.signInPanel(page).getByTestId(`staff-choice-${staffId}`).click();
    const form = this.signInPanel(page).getByTestId('choose-pin');
    await form.waitFor({ timeout: 20_000 });
    return (await form.getAttribute('data-step')) ?? '';
  },

  /** Types a new PIN twice on the choose-PIN form (the pad, then submit, each time). */
  async chooseNewPin(page: Page, pin: string): Promise<void> {
    const panel = this.signInPanel(page);
    for (const step of ['first', 'again']) {
      await panel.locator(`[data-testid="choose-pin"][data-step="${step}"]`).waitFor({ timeout: 20_000 });
      for (const digit of pin) await panel.getByTestId(`pin-digit-${digit}`).click();
      await panel.getByTestId('pin-submit').click();
    }
  },

  async signedInStaffId(page: Page): Promise<string> {
    return (await page.getByTestId('signed-in-staff').getAttribute('data-staff-id')) ?? '';
  },

  async waitUntilSignedInAs(page: Page, name: string): Promise<void> {
    // Attached: under 1440 px the staff corner is folded into the header's menu.
    await page.getByTestId('signed-in-staff').filter({ hasText: name }).waitFor({ state: 'attached', timeout: 20_000 });
  },

  async waitUntilNobodySignedIn(page: Page): Promise<void> {
    await page.locator('[data-testid="signed-in-staff"][data-staff-id=""]').waitFor({ state: 'attached', timeout: 20_000 });
  },

  async pinMessage(page: Page): Promise<{ kind: string | null; text: string }> {
    const message = page.getByTestId('pin-message');
    await message.waitFor({ timeout: 20_000 });
    return { kind: await message.getAttribute('data-kind'), text: (await message.textContent()) ?? '' };
  },

  async waitForPinMessage(page: Page, kind: 'wrong' | 'locked', text?: string): Promise<string> {
    const message = page.locator(`[data-testid="pin-message"][data-kind="${kind}"]`).filter(text ? { hasText: text } : {});
    await message.waitFor({ timeout: 20_000 });
    return (await message.textContent()) ?? '';
  },

  async signOut(page: Page): Promise<void> {
    await shellScreen.openHeaderMenu(page);
    await page.getByTestId('staff-sign-out').click();
    await this.waitUntilNobodySignedIn(page);
  },

  /** The quick switch: the next person types their own PIN. */
  async switchTo(page: Page, role: StaffRole, pin: string): Promise<void> {
    await shellScreen.openHeaderMenu(page);
    await page.getByTestId('staff-switch').click();
    const dialog = page.getByTestId('staff-switch-dialog');
    await dialog.waitFor();
    await typePin(dialog, role, pin);
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
  },

  async openDrawerWithoutSale(page: Page): Promise<void> {
    await shellScreen.openHeaderMenu(page);
    await page.getByTestId('no-sale-drawer-open').click();
  },

  /** Someone whose role may open the drawer alone (a supervisor in the demo store) taps "no sale" `times` times. */
  async openDrawerWithoutSaleRepeatedly(page: Page, times: number): Promise<void> {
    for (let tap = 0; tap < times; tap++) {
      await shellScreen.openHeaderMenu(page);
      await page.getByTestId('no-sale-drawer-open').click();
    }
  },

  approvalDialog(page: Page): Locator {
    return page.getByTestId('approval-dialog');
  },

  async approve(page: Page, role: StaffRole, pin: string): Promise<void> {
    const dialog = this.approvalDialog(page);
    await dialog.waitFor({ timeout: 10_000 });
    await typePin(dialog, role, pin);
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
  },

  /** The opening is recorded; an E2E till has no USB printer, so the drawer itself reports it did not open. */
  async waitForDrawerOpened(page: Page): Promise<void> {
    await page.locator('[data-testid="no-sale-drawer-open"]:is([data-status="opened"], [data-status="not-opened"])').waitFor({ state: 'attached', timeout: 20_000 });
  },

  async openAuditViewer(page: Page): Promise<void> {
    await shellScreen.openHeaderMenu(page);
    await page.getByTestId('open-audit').click();
    await page.getByTestId('audit-viewer').waitFor({ timeout: 20_000 });
  },

  async auditRows(page: Page): Promise<Array<{ action: string; staffId: string; approverId: string }>> {
    await page.getByTestId('audit-table').waitFor({ timeout: 20_000 });
    return page.getByTestId('audit-row').evaluateAll((rows) =>
      rows.map((row) => ({
        action: row.getAttribute('data-action') ?? '',
        staffId: row.getAttribute('data-staff-id') ?? '',
        approverId: row.getAttribute('data-approver-id') ?? '',
      })),
    );
  },

  async filterAuditByAction(page: Page, action: string): Promise<void> {
    await page.getByTestId('audit-filter-action').selectOption(action);
  },
};
