/*
 * The browser tests' fake USB receipt printer (src/devices/printer/fake-usb-printer.test-helper.ts), put in
 * a real page before the app's scripts run: its TypeScript is stripped here (Vite's own transform) and run
 * as an init script, which installs navigator.usb's requestDevice/getDevices over the fake and keeps it on
 * window for the test to read back every byte the app sent. Everything above WebUSB is the built app's:
 * the Settings pairing, the driver, the printer service and the ESC/POS encoder.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { transformWithOxc } from 'vite';

const FAKE_SOURCE = fileURLToPath(new URL('../../../src/devices/printer/fake-usb-printer.test-helper.ts', import.meta.url));
const HANDLE = '__e2eUsbPrinter';

/** The init script: the fake's code, then one Epson TM-T20III that the chooser picks and that stays plugged in across reloads. */
async function initScript(): Promise<string> {
  const source = readFileSync(FAKE_SOURCE, 'utf8').replace(/^export /gm, '');
  const { code } = await transformWithOxc(source, FAKE_SOURCE, { lang: 'ts' });
  return `(() => {\n${code}\nconst usb = installFakeUsb();\nconst printer = new FakeUsbPrinter();\nusb.chooserPicks = printer;\nusb.plugged = [printer];\nwindow.${HANDLE} = { usb, printer };\n})();`;
}

/** Every page of `context` opened (or reloaded) from now on has the fake printer on its navigator.usb. */
export async function plugInFakeUsbPrinter(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: await initScript() });
}

/** The bytes of the print jobs the page's fake printer received from job `fromJob` on (status requests left out), in order. */
export async function printedBytes(page: Page, fromJob = 0): Promise<Uint8Array> {
  const bytes = await page.evaluate(
    ({ handle, from }) => {
      const fake = (window as unknown as Record<string, { printer: { jobs: Uint8Array[] } } | undefined>)[handle];
      if (fake === undefined) throw new Error('this page has no fake USB printer: call plugInFakeUsbPrinter before it loads');
      return fake.printer.jobs.slice(from).flatMap((job) => Array.from(job));
    },
    { handle: HANDLE, from: fromJob },
  );
  return Uint8Array.from(bytes);
}

/** Pairs the printer in Settings as a manager would (the browser's chooser picks the fake); resolves once connected. */
export async function pairPrinterInSettings(page: Page): Promise<{ vietnamese: string | null; columns: string | null }> {
  await page.getByTestId('nav-settings').click();
  const panel = page.getByTestId('printer-panel');
  await panel.waitFor({ timeout: 20_000 });
  await panel.getByTestId('printer-pair').click();
  await page.locator('[data-testid="printer-panel"][data-connection="connected"]').waitFor({ timeout: 20_000 });
  const resolved = panel.getByTestId('printer-resolved');
  return { vietnamese: await resolved.getAttribute('data-vietnamese'), columns: await resolved.getAttribute('data-columns') };
}

/** How many print jobs the page's fake printer has received. */
export async function printJobCount(page: Page): Promise<number> {
  return page.evaluate((handle) => (window as unknown as Record<string, { printer: { jobs: unknown[] } }>)[handle]?.printer.jobs.length ?? 0, HANDLE);
}
