// No card data anywhere: after a real tablet enrols, a cashier signs in on the PIN pad, a no-sale drawer
// opening is approved by a supervisor's PIN and a sale is paid on the external card terminal (the till keeps
// the terminal's reference) and synced, nothing that looks
// like a card number is in the browser's IndexedDB (every database, every object store), in the server's
// SQLite file (every table) or in the server's log output. A planted number in a scratch copy of each
// source proves the scanner itself can fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { startPosServer, type RunningPosServer } from './support/pos-server.test-helper.ts';
import { launchChromium, openWatchedPage } from './support/browser.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { enrolmentScreen } from './screens/enrolment-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { readDeviceIdentity } from './support/device-storage.test-helper.ts';
import { DeviceClient } from '../support/device-client.test-helper.ts';

const ENROLLMENT_CODE = 'E2E-CARDS-2025-A';
const PINS = { cashier: '246813', supervisor: '135792', manager: '975311' } as const;
const PLANTED = '4111 1111 1111 1111';

/*
 * A card number: 13-19 digits, spaces or hyphens allowed between them, not part of a longer digit run,
 * with a card scheme's prefix and length, and a valid Luhn check digit. Prefix and length matter: without
 * them every 13-digit epoch-millisecond timestamp would count. A 13-digit number that is also a valid
 * EAN-13 is read as a product barcode (Germany's 400-440 and Japan's 45/49 start like a Visa card): 13-digit
 * Visa numbers are no longer issued, and the catalog holds thousands of such barcodes.
 */
// Not after "<digit>.": the fraction of a decimal number (RxDB's float timestamps) is no card number.
const DIGIT_RUN = /(?<!\d\.?)\d(?:[ -]?\d){12,18}(?![\d])/g;
const SCHEMES: ReadonlyArray<{ prefix: RegExp; lengths: readonly number[] }> = [
  { prefix: /^4/, lengths: [13, 16, 19] }, // Visa
  { prefix: /^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/, lengths: [16] }, // Mastercard
  { prefix: /^3[47]/, lengths: [15] }, // American Express
  { prefix: /^3(0[0-5]|[689])/, lengths: [14, 16, 17, 18, 19] }, // Diners
  { prefix: /^35(2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] }, // JCB
  { prefix: /^6(011|5|4[4-9]|2)/, lengths: [16, 17, 18, 19] }, // Discover, UnionPay
  { prefix: /^9704/, lengths: [16, 19] }, // Napas (Vietnam's domestic cards)
];

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function validEan13(digits: string): boolean {
  if (digits.length !== 13) return false;
  const sum = [...digits.slice(0, 12)].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === Number(digits[12]);
}

function findCardNumbers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(/[ -]/g, '');
    const scheme = SCHEMES.find((s) => s.prefix.test(digits) && s.lengths.includes(digits.length));
    if (scheme && luhnValid(digits) && !validEan13(digits)) found.push(match[0]);
  }
  return found;
}

/** Every record of every object store of every IndexedDB database of the page's origin, as text. */
async function dumpIndexedDb(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const dump: Record<string, string> = {};
    const request = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const database = await request(indexedDB.open(info.name));
      for (const storeName of Array.from(database.objectStoreNames)) {
        const store = database.transaction(storeName, 'readonly').objectStore(storeName);
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        dump[`${info.name}/${storeName}`] = JSON.stringify({ keys, values });
      }
      database.close();
    }
    return dump;
  });
}

/** Every row of every table of a SQLite file, as text (blobs as hex and as latin1 text). */
function dumpSqlite(file: string): Record<string, string> {
  const database = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    const dump: Record<string, string> = {};
    for (const { name } of tables) {
      const rows = database.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all();
      dump[name] = JSON.stringify(rows, (_key, value: unknown) =>
        Buffer.isBuffer(value) ? `${value.toString('hex')} ${value.toString('latin1')}` : value,
      );
    }
    return dump;
  } finally {
    database.close();
  }
}

function cardNumbersIn(dump: Record<string, string>): string[] {
  return Object.entries(dump).flatMap(([place, text]) => findCardNumbers(text).map((number) => `${number} in ${place}`));
}

describe('no card data anywhere', () => {
  let server: RunningPosServer;
  let browser: Browser;
  let scratchDir: string;

  beforeAll(async () => {
    server = await startPosServer({
      env: {
        POS_ENROLLMENT_CODE: ENROLLMENT_CODE,
        POS_DEMO_PRODUCTS: '2000',
        POS_DEMO_CASHIER_PIN: PINS.cashier,
        POS_DEMO_SUPERVISOR_PIN: PINS.supervisor,
        POS_DEMO_MANAGER_PIN: PINS.manager,
        LOG_LEVEL: 'info',
      },
    });
    browser = await launchChromium();
    scratchDir = mkdtempSync(join(tmpdir(), 'pos-card-scan-'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
  });

  it('the scanner knows a card number from timestamps, barcodes and phone numbers', () => {
    expect(findCardNumbers(`pan ${PLANTED} and 4111-1111-1111-1111 and 5555555555554444`)).toEqual([PLANTED, '4111-1111-1111-1111', '5555555555554444']);
    expect(findCardNumbers('4111111111111112 1735689600000 8934567890128 4003400016226 0901234567 41111111111111111111')).toEqual([]);
    expect(findCardNumbers('4222222222222 1767000000000.345314194599725')).toEqual(['4222222222222']);
  });

  it('finds none in IndexedDB, the server database or its logs after a shift at the till', async () => {
    const { context, page } = await openWatchedPage(browser);
    await shellScreen.open(page, server.url);
    await syncStatus.waitForState(page, 'not-enrolled');
    await enrolmentScreen.openFromCounter(page);
    await enrolmentScreen.enrol(page, { code: ENROLLMENT_CODE, deviceName: 'Quầy thẻ' });
    await enrolmentScreen.waitUntilEnrolled(page);
    await syncStatus.waitForCatalogReady(page);
    await shellScreen.goToCounter(page);
    await staffScreen.waitForSignInPanel(page);
    await staffScreen.signIn(page, 'cashier', PINS.cashier);
    await staffScreen.openDrawerWithoutSale(page);
    await staffScreen.approve(page, 'supervisor', PINS.supervisor);
    await staffScreen.waitForDrawerOpened(page);

    // A card paid on the external terminal: the till keeps the terminal's reference, never the card number.
    const client = new DeviceClient(server.url, await readDeviceIdentity(page));
    const products = (await client.pull<{ barcodes: string[]; weighed: boolean }>('products', null, 50)).documents.filter((product) => !product.weighed);
    for (const product of products.slice(0, 2)) await counterScreen.scan(page, product.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(page, 2);
    await counterScreen.pay(page, { card: await counterScreen.total(page), ref: 'VCB POS 01 APPR 004512' });
    await syncStatus.waitForPending(page, 0, 60_000);
    await syncStatus.waitForState(page, 'idle', 60_000);

    const browserDump = await dumpIndexedDb(page);
    expect(Object.keys(browserDump).length).toBeGreaterThan(5);
    expect(Object.values(browserDump).join('')).toContain('004512');
    expect(cardNumbersIn(browserDump)).toEqual([]);

    const serverFile = join(server.dataDir, 'pos.sqlite');
    const serverDump = dumpSqlite(serverFile);
    expect(Object.values(serverDump).join('')).toContain('004512');
    expect(cardNumbersIn(serverDump)).toEqual([]);

    expect(server.output().length).toBeGreaterThan(0);
    expect(findCardNumbers(server.output())).toEqual([]);

    // Controls: the same scan, over scratch copies with one planted card number each, must fail.
    await page.evaluate(async (planted) => {
      const open = indexedDB.open('scratch-card-control');
      open.onupgradeneeded = () => open.result.createObjectStore('notes');
      const database = await new Promise<IDBDatabase>((resolve, reject) => ((open.onsuccess = () => resolve(open.result)), (open.onerror = () => reject(open.error))));
      const write = database.transaction('notes', 'readwrite');
      write.objectStore('notes').put({ note: `card ${planted}` }, 'planted');
      await new Promise((resolve) => (write.oncomplete = resolve));
      database.close();
    }, PLANTED);
    expect(cardNumbersIn(await dumpIndexedDb(page))).toEqual([`${PLANTED} in scratch-card-control/notes`]);
    await page.evaluate(() => indexedDB.deleteDatabase('scratch-card-control'));

    const scratchFile = join(scratchDir, 'pos-copy.sqlite');
    const live = new SqliteDatabase(serverFile, { readonly: true });
    await live.backup(scratchFile);
    live.close();
    const scratch = new SqliteDatabase(scratchFile);
    const planted = JSON.stringify({ details: { note: PLANTED.replace(/ /g, '') } });
    scratch.prepare('CREATE TABLE planted_control (body TEXT)').run();
    scratch.prepare('INSERT INTO planted_control (body) VALUES (?)').run(planted);
    scratch.close();
    expect(cardNumbersIn(dumpSqlite(scratchFile))).toEqual(['4111111111111111 in planted_control']);

    expect(findCardNumbers(`${server.output()}\nrequest body: {"pan":"${PLANTED}"}`)).toEqual([PLANTED]);
    await context.close();
  });
});
