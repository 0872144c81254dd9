/*
 * Where the real Chromium for browser tests lives. Playwright cannot download its own browsers here,
 * so tests drive the system Chromium (Debian's `chromium` package) through playwright-core.
 * scripts/ensure-chromium.mjs installs it when it can; this module only finds it.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Run `node scripts/ensure-chromium.mjs` (as root it installs ' +
        "Debian's chromium package), or install Chromium yourself and set CHROME_PATH to it.",
    );
  }
  return found;
}
