/*
 * The Settings screen's "Devices of this store" panel, in the words of the shop: a person signs in on the
 * panel with their PIN (checked by the server), reads the store's devices, revokes one after confirming,
 * and reads what the panel says when something is refused or the network is gone.
 */
import type { Locator, Page } from 'playwright-core';
import { shellScreen } from './shell-screen.test-helper.ts';
import type { StaffRole } from './staff-screen.test-helper.ts';

export interface DeviceRow {
  id: string;
  name: string;
  status: 'active' | 'revoked';
  thisDevice: boolean;
  canRevoke: boolean;
}

export const settingsScreen = {
  devicesPanel(page: Page): Locator {
    return page.getByTestId('devices-panel');
  },

  async openDevices(page: Page): Promise<void> {
    await shellScreen.goToSettings(page);
    await this.devicesPanel(page).waitFor({ timeout: 10_000 });
  },

  /** Picks the person with `role` on the panel and types `pin`; resolves once the server has answered. */
  async signInToDevices(page: Page, role: StaffRole, pin: string): Promise<void> {
    const panel = this.devicesPanel(page);
    const signIn = panel.getByTestId('devices-sign-in');
    await signIn.locator(`[data-testid^="devices-staff-"][data-role="${role}"]`).click({ timeout: 30_000 });
    const before = Number(await signIn.getAttribute('data-answered'));
    for (const digit of pin) await signIn.getByTestId(`pin-digit-${digit}`).click();
    await signIn.getByTestId('pin-submit').click();
    await page.waitForFunction(
      (count) => {
        const entry = document.querySelector('[data-testid="devices-sign-in"]');
        return entry === null || Number(entry.getAttribute('data-answered')) > count;
      },
      before,
      { timeout: 20_000 },
    );
  },

  async waitUntilSignedIn(page: Page): Promise<string> {
    const signedIn = this.devicesPanel(page).getByTestId('devices-signed-in');
    await signedIn.waitFor({ timeout: 20_000 });
    return (await signedIn.getAttribute('data-staff-id')) ?? '';
  },

  async isSignedIn(page: Page): Promise<boolean> {
    return (await this.devicesPanel(page).getByTestId('devices-signed-in').count()) > 0;
  },

  async problem(page: Page): Promise<{ kind: string | null; text: string }> {
    const problem = this.devicesPanel(page).getByTestId('devices-problem');
    await problem.waitFor({ timeout: 20_000 });
    return { kind: await problem.getAttribute('data-kind'), text: (await problem.textContent()) ?? '' };
  },

  async devices(page: Page): Promise<DeviceRow[]> {
    await this.devicesPanel(page).getByTestId('devices-list').waitFor({ timeout: 20_000 });
    return this.devicesPanel(page)
      .getByTestId('device-row')
      .evaluateAll((rows) =>
        rows.map((row) => ({
          id: row.getAttribute('data-device-id') ?? '',
          name: row.querySelector('.device-name')?.textContent ?? '',
          status: row.getAttribute('data-status') as 'active' | 'revoked',
          thisDevice: row.getAttribute('data-this-device') === 'true',
          canRevoke: row.querySelector('[data-testid="device-revoke"]') !== null,
        })),
      );
  },

  row(page: Page, deviceId: string): Locator {
    return this.devicesPanel(page).locator(`[data-testid="device-row"][data-device-id="${deviceId}"]`);
  },

  async thisTabletNote(page: Page): Promise<string> {
    return (await this.devicesPanel(page).locator('[data-testid="device-row"][data-this-device="true"] .device-note').textContent()) ?? '';
  },

  /** Taps Revoke on the device's row, reads the confirmation, confirms, and waits until the list shows it revoked. */
  async revoke(page: Page, deviceId: string): Promise<string> {
    const row = this.row(page, deviceId);
    await row.getByTestId('device-revoke').click();
    const confirm = row.getByTestId('device-revoke-confirm');
    const question = (await confirm.textContent()) ?? '';
    await confirm.getByTestId('device-revoke-yes').click();
    await this.devicesPanel(page).locator(`[data-testid="device-row"][data-device-id="${deviceId}"][data-status="revoked"]`).waitFor({ timeout: 20_000 });
    return question;
  },

  async notice(page: Page): Promise<{ kind: string | null; text: string }> {
    const notice = this.devicesPanel(page).getByTestId('devices-notice');
    await notice.waitFor({ timeout: 20_000 });
    return { kind: await notice.getAttribute('data-kind'), text: (await notice.textContent()) ?? '' };
  },

  async waitForOfflineMessage(page: Page): Promise<string> {
    const message = this.devicesPanel(page).getByTestId('devices-offline');
    await message.waitFor({ timeout: 20_000 });
    return (await message.textContent()) ?? '';
  },

  async signOutOfDevices(page: Page): Promise<void> {
    await this.devicesPanel(page).getByTestId('devices-sign-out').click();
    await this.devicesPanel(page).getByTestId('devices-sign-in').waitFor({ timeout: 10_000 });
  },
};
