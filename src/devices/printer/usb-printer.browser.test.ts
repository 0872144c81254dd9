// The till's receipt printer over real WebUSB plumbing in Chromium: the real driver library opens the
// device, claims its interface, reads its status and writes its jobs; only the USBDevice (the Epson on
// the counter) is stood in for (fake-usb-printer.test-helper.ts). Its bytes are read back as a printer
// would (escpos-decode.test-helper.ts): the test page, a cash sale with the drawer pulse, the drawer alone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { codepageNumbers, decodeEscPos, readPaper } from './escpos-decode.test-helper.ts';
import { FakeUsbPrinter, installFakeUsb } from './fake-usb-printer.test-helper.ts';
import type { FakeUsb } from './fake-usb-printer.test-helper.ts';
import { resolvePrinterProfile } from './printer-profile.ts';
import { buildReceipt } from './receipt-model.ts';
import { hoaSenStore, porkAndCoffeeSale, testPageTexts } from './receipt-fixtures.test-helper.ts';
import { TEST_PAGE_BARCODE, VIETNAMESE_LETTERS, rulerRow } from './test-page.ts';
import { createBrowserPrinterService } from './use-printer.ts';
import type { UsbPrinterService } from './usb-printer-service.ts';


function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key) };
}

function decode(bytes: Uint8Array) {
  const profile = resolvePrinterProfile({ paperWidth: 80, codepageMapping: 'epson', language: 'esc-pos' });
  return decodeEscPos(bytes, codepageNumbers(profile.encoderOptions, ['tcvn3', 'tcvn3capitals']));
}

let usb: FakeUsb;
const services: UsbPrinterService[] = [];

function newService(storage = memoryStorage()): UsbPrinterService {
  const service = createBrowserPrinterService(storage);
  services.push(service);
  return service;
}

beforeEach(() => {
  usb = installFakeUsb();
  // The driver logs (console.log) what it swallows; the service reports what matters as problems.
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  // A forgotten printer stops its service reacting to the next test's USB events.
  for (const service of services.splice(0)) await service.forget();
  usb.restore();
  vi.restoreAllMocks();
});

describe('a manager pairs the Epson in Settings', () => {
  it('the test page shows a full ruler row, every Vietnamese letter and the barcode, with no drawer kick', async () => {
    const epson = new FakeUsbPrinter();
    usb.chooserPicks = epson;
    const service = newService();
    expect(await service.pair()).toBeUndefined();
    expect(service.state).toMatchObject({ connection: 'connected', printer: { productName: 'TM-T20III', codepageMapping: 'epson', language: 'esc-pos' } });

    expect(await service.printTestPage(testPageTexts)).toEqual({ ok: true, via: 'usb' });
    const decoded = decode(epson.allBytes());
    const paper = readPaper(decoded).map((row) => row.normalize('NFC').replaceAll('\u00d0', '\u0110'));
    expect(paper).toContain(rulerRow(48));
    for (const letters of VIETNAMESE_LETTERS) expect(paper).toContain(letters);
    expect(paper).toContain(`[CODE128 ${TEST_PAGE_BARCODE}]`);
    expect(decoded.commands).not.toContain('pulse');
    expect(decoded.commands.at(-1)).toBe('cut');
  });

  it('a cash sale kicks the drawer before the receipt prints; a card sale does not; the drawer opens alone with ESC p', async () => {
    const epson = new FakeUsbPrinter();
    usb.chooserPicks = epson;
    const service = newService();
    await service.pair();

    const cash = buildReceipt(porkAndCoffeeSale(), hoaSenStore);
    expect(cash.opensCashDrawer).toBe(true);
    expect(await service.printReceipt(cash, { openCashDrawer: cash.opensCashDrawer })).toEqual({ ok: true, via: 'usb' });
    const cashPrint = decode(epson.jobs.at(-1) ?? new Uint8Array());
    expect(cashPrint.commands.slice(0, 2)).toEqual(['initialize', 'pulse']);
    // Pin 2 of the drawer port, 100 ms on: what Epson documents for a drawer kick.
    expect(cashPrint.pulses).toEqual([{ pin: 0, onMs: 100, offMs: 500 }]);
    expect(readPaper(cashPrint)).toContain('[CODE128 Q1-T03-000123]');

    const card = buildReceipt(porkAndCoffeeSale([{ method: 'card', amount: 90_000, reference: 'APPR 1' }]), hoaSenStore);
    await service.printReceipt(card);
    expect(decode(epson.jobs.at(-1) ?? new Uint8Array()).commands).not.toContain('pulse');

    expect(await service.openDrawer()).toEqual({ ok: true, via: 'usb' });
    const kick = epson.jobs.at(-1) ?? new Uint8Array();
    expect(decode(kick).commands).toEqual(['pulse']);
    expect([...kick.subarray(0, 3)]).toEqual([0x1b, 0x70, 0x00]);
  });

  it('on "text as images" the test page draws every Vietnamese row as a picture and keeps plain rows as text', async () => {
    const epson = new FakeUsbPrinter();
    usb.chooserPicks = epson;
    const service = newService();
    await service.pair();
    service.updateSettings({ vietnamese: 'raster', paperWidth: 58 });
    expect(await service.printTestPage(testPageTexts)).toEqual({ ok: true, via: 'usb' });
    const decoded = decode(epson.allBytes());
    const paper = readPaper(decoded);
    expect(paper).toContain(rulerRow(32));
    expect(paper).toContain(`[CODE128 ${TEST_PAGE_BARCODE}]`);
    expect(paper.filter((row) => /[^\x20-\x7e]/u.test(row))).toEqual([]);
    const images = decoded.paper.filter((item) => item.kind === 'image');
    expect(images.length).toBeGreaterThan(0);
    // 32 columns on a 58 mm head: 384 dots, with ink on them (the letters were drawn, not left blank).
    for (const image of images) {
      expect(image).toMatchObject({ width: 384 });
      if (image.kind === 'image') expect(image.blackDots).toBeGreaterThan(100);
    }
  });

  it('the manager closes the chooser without picking: nothing is paired and the panel can say how to pair', async () => {
    const service = newService();
    expect(await service.pair()).toBe('chooserClosed');
    expect(service.state).toMatchObject({ connection: 'unpaired', problem: 'chooserClosed' });
    expect(await service.openDrawer()).toEqual({ ok: false, problem: 'notPaired' });
  });
});

describe('the next morning and during the day', () => {
  it('the app reconnects without the chooser, notices the cable pulled, and reconnects when it is plugged back', async () => {
    const epson = new FakeUsbPrinter();
    const storage = memoryStorage();
    usb.chooserPicks = epson;
    await newService(storage).pair();
    await epson.close();
    usb.chooserPicks = undefined;

    const morning = createBrowserPrinterService(storage);
    services.push(morning);
    expect(morning.state.connection).toBe('disconnected');
    await morning.start();
    expect(morning.state.connection).toBe('connected');
    expect(epson.opened).toBe(true);

    epson.unplug(usb);
    await vi.waitFor(() => expect(morning.state).toMatchObject({ connection: 'disconnected', problem: 'disconnected' }));
    expect(await morning.openDrawer()).toEqual({ ok: false, problem: 'disconnected' });

    epson.plugIn(usb);
    await vi.waitFor(() => expect(morning.state.connection).toBe('connected'));
    expect(morning.state.problem).toBeUndefined();
    expect(await morning.openDrawer()).toEqual({ ok: true, via: 'usb' });
    expect(decode(epson.jobs.at(-1) ?? new Uint8Array()).commands).toEqual(['pulse']);
  });

  it('out of paper: nothing is printed, the drawer stays shut, and the cashier reads what to do', async () => {
    const epson = new FakeUsbPrinter();
    usb.chooserPicks = epson;
    const service = newService();
    await service.pair();
    epson.status = { offline: 0x12 | 0x20, paper: 0x12 | 0x60 };
    expect(await service.printReceipt(buildReceipt(porkAndCoffeeSale(), hoaSenStore))).toEqual({ ok: false, problem: 'paperOut' });
    expect(epson.jobs).toEqual([]);
    expect(service.state.problem).toBe('paperOut');
  });

  it('forgetting the printer takes back the permission: the next start does not reconnect', async () => {
    const epson = new FakeUsbPrinter();
    const storage = memoryStorage();
    usb.chooserPicks = epson;
    const service = newService(storage);
    await service.pair();
    await service.forget();
    expect(epson.forgotten).toBe(true);
    expect(epson.opened).toBe(false);
    const next = newService(storage);
    await next.start();
    expect(next.state.connection).toBe('unpaired');
  });
});
