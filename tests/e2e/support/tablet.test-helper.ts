/*
 * What most E2E files start with: one real server process and one real Chromium for the file, and a
 * tablet enrolled through the real enrolment screen with its catalog on board.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startPosServer, type RunningPosServer, type StartOptions } from './pos-server.test-helper.ts';
import { launchChromium, openWatchedPage, type WatchedPage } from './browser.test-helper.ts';
import { readDeviceIdentity, type DeviceIdentity } from './device-storage.test-helper.ts';
import { shellScreen } from '../screens/shell-screen.test-helper.ts';
import { enrolmentScreen } from '../screens/enrolment-screen.test-helper.ts';
import { syncStatus } from '../screens/sync-status.test-helper.ts';
import { DeviceClient } from '../../support/device-client.test-helper.ts';

export interface ServerAndBrowser {
  readonly server: () => RunningPosServer;
  readonly browser: () => Browser;
}

/** Starts the server and Chromium before the file's tests and stops both after them. */
export function useServerAndBrowser(options: StartOptions = {}): ServerAndBrowser {
  let server: RunningPosServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startPosServer(options);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    server: () => started(server, 'server'),
    browser: () => started(browser, 'browser'),
  };
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the ${what} is not running: use it inside a test, after beforeAll`);
  return value;
}

export interface EnrolledTablet extends WatchedPage {
  readonly identity: DeviceIdentity;
  /** The same device's token, for checking over HTTP what the server holds for its store. */
  readonly client: DeviceClient;
}

export interface EnrolOptions {
  readonly code: string;
  readonly deviceName: string;
  /** Wait until the catalog is ready to scan (default true). */
  readonly waitForCatalog?: boolean;
}

/** A fresh browser context enrolled on the server as a tablet would be, by typing the store's code. */
export async function enrolTablet(browser: Browser, server: RunningPosServer, options: EnrolOptions): Promise<EnrolledTablet> {
  const watched = await openWatchedPage(browser);
  const { page } = watched;
  await shellScreen.open(page, server.url);
  await enrolmentScreen.openFromCounter(page);
  await enrolmentScreen.enrol(page, { code: options.code, deviceName: options.deviceName });
  await enrolmentScreen.waitUntilEnrolled(page);
  if (options.waitForCatalog ?? true) await syncStatus.waitForCatalogReady(page);
  const identity = await readDeviceIdentity(page);
  return { ...watched, identity, client: new DeviceClient(server.url, identity) };
}
