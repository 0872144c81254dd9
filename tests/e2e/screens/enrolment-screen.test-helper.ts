/*
 * The enrolment screen in the words of the shop: open it from the counter's "not set up" message, type the
 * store's code and a device name, enrol, read the error if the code was wrong.
 */
import type { Page } from 'playwright-core';

export const enrolmentScreen = {
  async openFromCounter(page: Page): Promise<void> {
    await page.getByTestId('open-enrolment').click();
    await page.getByTestId('enrolment-code').waitFor({ timeout: 20_000 });
  },

  async enrol(page: Page, details: { code: string; deviceName: string }): Promise<void> {
    await enrolmentScreen.fillIn(page, details);
    await enrolmentScreen.submit(page);
  },

  async fillIn(page: Page, { code, deviceName }: { code: string; deviceName: string }): Promise<void> {
    await page.getByTestId('enrolment-code').fill(code);
    await page.getByTestId('enrolment-device-name').fill(deviceName);
  },

  async submit(page: Page): Promise<void> {
    await page.getByTestId('enrolment-submit').click();
  },

  async waitUntilEnrolled(page: Page): Promise<string> {
    const done = page.getByTestId('enrolment-done');
    await done.waitFor({ timeout: 20_000 });
    return (await done.textContent()) ?? '';
  },

  async errorText(page: Page): Promise<string> {
    const error = page.getByTestId('enrolment-error');
    await error.waitFor({ timeout: 20_000 });
    return (await error.textContent()) ?? '';
  },
};
