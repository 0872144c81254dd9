/*
 * A shop's first steps on an empty server (POS_DEMO=off), as the adoption stories begin: the chain's admin
 * command (`npm run admin -- <verb>`, run on the server's own database as the operator types it) creates
 * the store and adds its manager with a PIN; a tablet enrols with the printed code through the real
 * enrolment screen, finds no catalog yet, and the manager signs in at the counter.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { counterScreen } from '../screens/counter-screen.test-helper.ts';
import { shellScreen } from '../screens/shell-screen.test-helper.ts';
import { syncStatus } from '../screens/sync-status.test-helper.ts';
import type { RunningPosServer } from './pos-server.test-helper.ts';
import { enrolTablet } from './tablet.test-helper.ts';
import type { EnrolledTablet } from './tablet.test-helper.ts';

const run = promisify(execFile);

/** `npm run admin -- <args>` on the server's own database; what it printed. */
export async function admin(server: RunningPosServer, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'sync-server/src/admin-cli.ts', ...args], {
    env: { ...process.env, POS_DATA_DIR: server.dataDir, LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
  return stdout;
}

export interface NewShopDetails {
  storeName: string;
  address: string;
  managerName: string;
  managerPin: string;
}

export interface NewShop {
  storeId: string;
  /** The enrolment code the admin command printed. */
  code: string;
  tablet: EnrolledTablet;
}

/** The store and its manager made by the admin command, a tablet enrolled there, the manager signed in at the counter. */
export async function openNewShop(browser: Browser, server: RunningPosServer, shop: NewShopDetails): Promise<NewShop> {
  const created = await admin(server, ['create-store', '--name', shop.storeName, '--address', shop.address, '--time-zone', 'Asia/Ho_Chi_Minh', '--currency', 'VND']);
  const storeId = /id:\s+(\S+)/.exec(created)?.[1];
  const code = /enrollment code:\s+(\S+)/.exec(created)?.[1];
  if (storeId === undefined || code === undefined) throw new Error(`create-store printed no id or enrolment code:\n${created}`);
  const added = await admin(server, ['add-manager', '--store', storeId, '--name', shop.managerName, '--pin', shop.managerPin]);
  if (!added.includes(`${shop.managerName} is a manager of "${shop.storeName}"`)) throw new Error(`add-manager did not add ${shop.managerName}:\n${added}`);

  const tablet = await enrolTablet(browser, server, { code, deviceName: 'Quầy 1' });
  if (tablet.identity.storeId !== storeId) throw new Error(`the tablet enrolled in ${tablet.identity.storeId}, not in the new store ${storeId}`);
  await shellScreen.goToCounter(tablet.page);
  await syncStatus.waitForCatalogCount(tablet.page, 0);
  await counterScreen.signIn(tablet.page, { role: 'manager' }, shop.managerPin);
  return { storeId, code, tablet };
}
