/*
 * The till's printer service with a stand-in USB driver: pairing, reconnecting, printing, the drawer,
 * the printer's own complaints, and the browser print dialog when no printer is paired.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectedReceiptPrinter } from '@point-of-sale/webusb-receipt-printer';
import { PRINTER_STORAGE_KEY, UsbPrinterService } from './usb-printer-service.ts';
import type { PairedPrinter, PrinterDriver, PrinterServiceDependencies, UsbDeviceIdentity } from './usb-printer-service.ts';
import { TEST_PAGE_BARCODE, VIETNAMESE_LETTERS, rulerRow } from './test-page.ts';
import { buildReceipt } from './receipt-model.ts';
import { codepageNumbers, decodeEscPos, readPaper } from './escpos-decode.test-helper.ts';
import { resolvePrinterProfile } from './printer-profile.ts';
import { hoaSenStore, porkAndCoffeeSale, testPageTexts } from './receipt-fixtures.test-helper.ts';
import vi_texts from '../../i18n/vi.json' with { type: 'json' };
import en_texts from '../../i18n/en.json' with { type: 'json' };

const epsonOnUsb: ConnectedReceiptPrinter = {
  type: 'usb', vendorId: 0x04b8, productId: 0x0e28, manufacturerName: 'EPSON', productName: 'TM-T20III', serialNumber: 'X5E1234567',
  language: 'esc-pos', codepageMapping: 'epson',
};

// Listeners of any event; `never` accepts each overload's listener, the fake calls them with the event's value.
type Listener = (value: never) => void;

/** A USB receipt printer on the counter, as the driver library presents it. */
class FakeDriver implements PrinterDriver {
  readonly printed: Uint8Array[] = [];
  readonly listeners = new Map<string, Listener[]>();
  /** What the printer answers to DLE EOT 2 and DLE EOT 4; undefined: it does not answer. */
  status: { offline?: number; paper?: number } = { offline: 0x12, paper: 0x12 };
  chooserPicks: ConnectedReceiptPrinter | undefined = epsonOnUsb;
  plugged = true;
  reconnectError: Error | undefined;

  emit(event: string, value?: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) setTimeout(() => (listener as (value: unknown) => void)(value), 0);
  }
  readonly addEventListener: PrinterDriver['addEventListener'] = (event: string, listener: Listener): void => {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  };
  async connect(): Promise<void> {
    if (this.chooserPicks) this.emit('connected', this.chooserPicks);
  }
  async reconnect(): Promise<void> {
    if (this.reconnectError) throw this.reconnectError;
    if (this.plugged) this.emit('connected', epsonOnUsb);
  }
  async listen(): Promise<boolean> {
    return true;
  }
  async disconnect(): Promise<void> {
    this.emit('disconnected');
  }
  async print(data: Uint8Array): Promise<void> {
    if (data[0] === 0x10 && data[1] === 0x04) {
      const answer = data[2] === 2 ? this.status.offline : this.status.paper;
      if (answer !== undefined) this.emit('data', new DataView(Uint8Array.of(answer).buffer));
      return;
    }
    this.printed.push(data);
  }
}

function memoryStorage(): PrinterServiceDependencies['storage'] & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

function setUp(options: { usb?: boolean; storage?: ReturnType<typeof memoryStorage> } = {}) {
  const driver = new FakeDriver();
  const storage = options.storage ?? memoryStorage();
  const printHtml = vi.fn(async (_html: string) => {});
  const usb = {
    /** What the service does when WebUSB says a device was plugged in. */
    plugIn: (_device: UsbDeviceIdentity): void => {
      throw new Error('the service is not watching for USB devices');
    },
    revoked: [] as PairedPrinter[],
  };
  const service = new UsbPrinterService({
    usbAvailable: () => options.usb ?? true,
    createDriver: async () => driver,
    storage,
    printHtml,
    watchUsbConnections: (onConnect) => {
      usb.plugIn = onConnect;
    },
    revokeUsbPermission: async (printer) => {
      usb.revoked.push(printer);
    },
    renderTextImage: () => { throw new Error('an Epson prints Vietnamese in TCVN3, no images needed'); },
    statusTimeoutMs: 50,
  });
  return { service, driver, storage, printHtml, usb };
}

const receipt = buildReceipt(porkAndCoffeeSale(), hoaSenStore);

function decode(bytes: Uint8Array) {
  const profile = resolvePrinterProfile({ paperWidth: 80, codepageMapping: 'epson', language: 'esc-pos' });
  return decodeEscPos(bytes, codepageNumbers(profile.encoderOptions, ['tcvn3', 'tcvn3capitals']));
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('a till with no USB printer paired', () => {
  it('prints the receipt through the browser print dialog, and warns that the drawer for the cash did not open', async () => {
    const { service, printHtml } = setUp();
    expect(await service.printReceipt(receipt)).toEqual({ ok: true, via: 'browser', warning: 'drawerNotOpened' });
    expect(printHtml).toHaveBeenCalledTimes(1);
    expect(printHtml.mock.calls[0]?.[0]).toContain('Thịt lợn ba chỉ');
  });

  it('a card sale through the browser needs no drawer, so there is nothing to warn about', async () => {
    const { service } = setUp();
    const card = buildReceipt(porkAndCoffeeSale([{ method: 'card', amount: 90_000, reference: 'APPR 1' }]), hoaSenStore);
    expect(await service.printReceipt(card)).toEqual({ ok: true, via: 'browser' });
  });

  it('the browser receipt carries the sale number\'s barcode picture, and prints without it when drawing fails', async () => {
    const printHtml = vi.fn(async (_html: string) => {});
    const drawLookupCodes = vi
      .fn<NonNullable<PrinterServiceDependencies['drawLookupCodes']>>()
      .mockResolvedValueOnce({ barcodeSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>' })
      .mockRejectedValueOnce(new Error('no canvas'));
    const service = new UsbPrinterService({
      usbAvailable: () => false,
      createDriver: async () => new FakeDriver(),
      storage: memoryStorage(),
      printHtml,
      drawLookupCodes,
      renderTextImage: () => { throw new Error('not on the browser path'); },
    });
    expect(await service.printReceipt(receipt, { openCashDrawer: false })).toEqual({ ok: true, via: 'browser' });
    expect(drawLookupCodes).toHaveBeenCalledWith(receipt.lookup);
    expect(printHtml.mock.calls[0]?.[0]).toContain('data-code="barcode"');
    expect(await service.printReceipt(receipt, { openCashDrawer: false })).toEqual({ ok: true, via: 'browser' });
    expect(printHtml.mock.calls[1]?.[0]).not.toContain('data-code=');
    expect(printHtml.mock.calls[1]?.[0]).toContain('Q1-T03-000123');
  });

  it('in a browser without WebUSB, pairing says so and receipts still print through the browser', async () => {
    const { service, printHtml } = setUp({ usb: false });
    expect(await service.pair()).toBe('unsupported');
    expect(await service.printReceipt(receipt, { openCashDrawer: false })).toEqual({ ok: true, via: 'browser' });
    expect(printHtml).toHaveBeenCalledTimes(1);
  });

  it('a manager who closes the chooser without picking is told how to pair', async () => {
    const { service, driver } = setUp();
    driver.chooserPicks = undefined;
    expect(await service.pair()).toBe('chooserClosed');
    expect(service.state).toMatchObject({ connection: 'unpaired', problem: 'chooserClosed' });
  });
});

describe('a manager pairs the Epson in Settings', () => {
  it('remembers it, prints the cash sale on it with the drawer pulse, and the browser stays out of it', async () => {
    const { service, driver, storage, printHtml } = setUp();
    expect(await service.pair()).toBeUndefined();
    expect(service.state).toMatchObject({ connection: 'connected', printer: { productName: 'TM-T20III', codepageMapping: 'epson' } });
    expect(JSON.parse(storage.items.get(PRINTER_STORAGE_KEY) ?? '{}')).toMatchObject({ printer: { serialNumber: 'X5E1234567' } });

    expect(await service.printReceipt(receipt)).toEqual({ ok: true, via: 'usb' });
    expect(printHtml).not.toHaveBeenCalled();
    const decoded = decode(driver.printed[0] ?? new Uint8Array());
    expect(decoded.commands).toContain('pulse');
    expect(decoded.commands.at(-1)).toBe('cut');
    expect(decoded.paper.some((item) => item.kind === 'text' && item.text.normalize('NFC') === 'Thịt lợn ba chỉ')).toBe(true);
  });

  it('the next morning the app reconnects to it without the chooser', async () => {
    const storage = memoryStorage();
    await setUp({ storage }).service.pair();
    const { service } = setUp({ storage });
    expect(service.state.connection).toBe('disconnected');
    await service.start();
    expect(service.state.connection).toBe('connected');
  });

  it('on Windows, where the maker\'s driver holds the printer, the cashier is told what to do', async () => {
    const storage = memoryStorage();
    await setUp({ storage }).service.pair();
    const { service, driver } = setUp({ storage });
    driver.reconnectError = new DOMException('Access denied.', 'SecurityError');
    await service.start();
    expect(service.state).toMatchObject({ connection: 'disconnected', problem: 'accessDenied' });
  });
});

describe('the printer complains', () => {
  async function pairedPrinter() {
    const setup = setUp();
    await setup.service.pair();
    await new Promise((resolve) => setTimeout(resolve, 0));
    return setup;
  }

  it('out of paper: nothing is sent and the cashier is asked to load a roll', async () => {
    const { service, driver } = await pairedPrinter();
    driver.status = { offline: 0x12 | 0x20, paper: 0x12 | 0x60 };
    expect(await service.printReceipt(receipt)).toEqual({ ok: false, problem: 'paperOut' });
    expect(driver.printed).toEqual([]);
  });

  it('cover open: the cashier is asked to close it', async () => {
    const { service, driver } = await pairedPrinter();
    driver.status = { offline: 0x12 | 0x04, paper: 0x12 };
    expect(await service.printReceipt(receipt)).toEqual({ ok: false, problem: 'coverOpen' });
  });

  it('paper nearly out: the receipt prints and the cashier is warned', async () => {
    const { service, driver } = await pairedPrinter();
    driver.status = { offline: 0x12, paper: 0x12 | 0x0c };
    expect(await service.printReceipt(receipt)).toEqual({ ok: true, via: 'usb', warning: 'paperNearEnd' });
    expect(driver.printed).toHaveLength(1);
  });

  it('a printer that never answers status requests is printed to anyway', async () => {
    const { service, driver } = await pairedPrinter();
    driver.status = {};
    expect(await service.printReceipt(receipt)).toEqual({ ok: true, via: 'usb' });
  });

  it('unplugged: the cashier is told to check the cable', async () => {
    const { service, driver } = await pairedPrinter();
    driver.plugged = false;
    driver.emit('disconnected');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await service.printReceipt(receipt)).toEqual({ ok: false, problem: 'disconnected' });
  });
});

describe('the cash drawer', () => {
  it('a card sale prints without opening the drawer; the drawer can be opened alone', async () => {
    const { service, driver } = setUp();
    await service.pair();
    const cardReceipt = buildReceipt(porkAndCoffeeSale([{ method: 'card', amount: 90_000, reference: 'APPR 1' }]), hoaSenStore);
    await service.printReceipt(cardReceipt);
    expect(decode(driver.printed[0] ?? new Uint8Array()).commands).not.toContain('pulse');
    expect(await service.openDrawer()).toEqual({ ok: true, via: 'usb' });
    expect(decode(driver.printed[1] ?? new Uint8Array()).commands).toEqual(['pulse']);
  });
});


const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the printer settings stay on this till', () => {
  it('paper width, model and Vietnamese mode survive a restart, next to the paired printer', async () => {
    const storage = memoryStorage();
    const first = setUp({ storage }).service;
    await first.pair();
    first.updateSettings({ paperWidth: 58 });
    first.updateSettings({ vietnamese: 'raster', printerModel: 'pos-5890' });
    const { service } = setUp({ storage });
    expect(service.state.settings).toEqual({ paperWidth: 58, vietnamese: 'raster', printerModel: 'pos-5890' });
    expect(service.state.printer).toMatchObject({ serialNumber: 'X5E1234567' });
  });

  it('a model chosen in Settings decides the code pages, not the USB driver\'s guess', async () => {
    const { service } = setUp();
    await service.pair();
    expect(resolvePrinterProfile(service.profileSettings()).vietnamese).toBe('tcvn3');
    service.updateSettings({ printerModel: 'pos-5890', paperWidth: 58 });
    expect(resolvePrinterProfile(service.profileSettings()).vietnamese).toBe('windows1258');
  });

  it('a setting no printer could have is refused and the previous settings are kept', () => {
    const { service, storage } = setUp();
    service.updateSettings({ paperWidth: 58 });
    expect(() => service.updateSettings({ printerModel: 'no-such-printer' as 'pos-5890' })).toThrow(/Unknown printer model/);
    expect(service.state.settings).toEqual({ paperWidth: 58 });
    expect(JSON.parse(storage.items.get(PRINTER_STORAGE_KEY) ?? '{}')).toEqual({ settings: { paperWidth: 58 } });
  });

  it('unreadable stored settings start the till unpaired on 80 mm rather than crash it', () => {
    const storage = memoryStorage();
    storage.items.set(PRINTER_STORAGE_KEY, '{not json');
    expect(setUp({ storage }).service.state).toEqual({ connection: 'unpaired', settings: { paperWidth: 80 } });
  });

  it('forgetting the printer keeps the paper settings, takes back the USB permission and prints through the browser', async () => {
    const storage = memoryStorage();
    const { service, usb, printHtml } = setUp({ storage });
    await service.pair();
    service.updateSettings({ paperWidth: 58 });
    await service.forget();
    await settle();
    expect(service.state).toEqual({ connection: 'unpaired', settings: { paperWidth: 58 } });
    expect(usb.revoked).toMatchObject([{ serialNumber: 'X5E1234567' }]);
    expect(JSON.parse(storage.items.get(PRINTER_STORAGE_KEY) ?? '{}')).toEqual({ settings: { paperWidth: 58 } });
    expect(setUp({ storage }).service.state.connection).toBe('unpaired');
    expect(await service.printReceipt(receipt, { openCashDrawer: false })).toEqual({ ok: true, via: 'browser' });
    expect(printHtml).toHaveBeenCalledOnce();
  });
});

describe('the test page', () => {
  it('shows a ruler of exactly one row, every Vietnamese letter with every tone, and a barcode; it never opens the drawer', async () => {
    const { service, driver } = setUp();
    await service.pair();
    expect(await service.printTestPage(testPageTexts)).toEqual({ ok: true, via: 'usb' });
    const decoded = decode(driver.printed[0] ?? new Uint8Array());
    // TCVN3's capital Đ is listed under U+00D0 (Ð) in the code page tables, the same letter on paper.
    const paper = readPaper(decoded).map((row) => row.normalize('NFC').replaceAll('\u00d0', '\u0110'));
    expect(paper).toContain(rulerRow(48));
    expect(rulerRow(48)).toHaveLength(48);
    for (const letters of VIETNAMESE_LETTERS) expect(paper).toContain(letters);
    expect(paper).toContain('Cà phê sữa đá, bánh mì thịt nướng, phở bò tái.');
    expect(paper).toContain(`[CODE128 ${TEST_PAGE_BARCODE}]`);
    expect(decoded.commands).not.toContain('pulse');
    expect(decoded.commands.at(-1)).toBe('cut');
    expect(decoded.paper.some((item) => item.kind === 'image')).toBe(false);
  });

  it('without a paired printer there is no test page to print', async () => {
    const { service } = setUp();
    expect(await service.printTestPage(testPageTexts)).toEqual({ ok: false, problem: 'notPaired' });
  });
});

describe('the printer is unplugged and plugged back in', () => {
  it('reconnects by itself when the same printer comes back, and ignores other USB devices', async () => {
    const { service, driver, usb } = setUp();
    await service.pair();
    await settle();
    driver.plugged = false;
    driver.emit('disconnected');
    await settle();
    expect(service.state).toMatchObject({ connection: 'disconnected', problem: 'disconnected' });

    usb.plugIn({ vendorId: 0x046d, productId: 0xc52b, serialNumber: 'MOUSE' });
    await settle();
    expect(service.state.connection).toBe('disconnected');

    driver.plugged = true;
    usb.plugIn({ vendorId: 0x04b8, productId: 0x0e28, serialNumber: 'X5E1234567' });
    await vi.waitFor(() => expect(service.state).toMatchObject({ connection: 'connected' }));
    expect(service.state.problem).toBeUndefined();
    expect(await service.openDrawer()).toEqual({ ok: true, via: 'usb' });
  });
});

describe('every printer problem has words in Vietnamese and English', () => {
  it.each(['notPaired', 'unsupported', 'chooserClosed', 'accessDenied', 'disconnected', 'paperOut', 'coverOpen', 'printerError', 'printFailed', 'browserPrintFailed', 'paperNearEnd', 'drawerNotOpened'] as const)('%s', (code) => {
    expect(vi_texts.receipt.printer[code]).toMatch(/\S/);
    expect(en_texts.receipt.printer[code]).toMatch(/\S/);
  });
});
