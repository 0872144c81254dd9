// The app starts on a till whose Epson was paired yesterday: the printer reconnects with no tap (WebUSB's
// getDevices, no chooser), and a till without a paired printer does not load the printer code at all.
// Real Chromium, real driver library; only the USB device is a fake (fake-usb-printer.test-helper.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeUsbPrinter, installFakeUsb } from './fake-usb-printer.test-helper.ts';
import type { FakeUsb } from './fake-usb-printer.test-helper.ts';
import { PRINTER_STORAGE_KEY, reconnectPairedPrinter } from './printer-start.ts';

let usb: FakeUsb;

beforeEach(() => {
  usb = installFakeUsb();
  localStorage.clear();
  vi.spyOn(console, 'log').mockImplementation(() => {});
});

afterEach(() => {
  usb.restore();
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('the app starts', () => {
  it('without a paired printer it leaves USB alone and does not load the printer code', async () => {
    usb.plugged = [new FakeUsbPrinter()];
    reconnectPairedPrinter();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(usb.getDevicesCalls).toBe(0);
    // Nor is the printer code (the ESC/POS encoder, the driver) fetched: that is for tills with a printer.
    const fetched = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(fetched.some((url) => url.includes('/printer-start.ts'))).toBe(true);
    expect(fetched.filter((url) => url.includes('/use-printer.ts') || url.includes('webusb'))).toEqual([]);
  });

  it('with yesterday\'s Epson plugged in, it reconnects without a tap, once however often the shell renders', async () => {
    const epson = new FakeUsbPrinter();
    usb.plugged = [epson];
    localStorage.setItem(PRINTER_STORAGE_KEY, JSON.stringify({
      settings: { paperWidth: 80 },
      printer: { vendorId: 0x04b8, productId: 0x0e28, manufacturerName: 'EPSON', productName: 'TM-T20III', serialNumber: 'X5E1234567', language: 'esc-pos', codepageMapping: 'epson' },
    }));
    const open = vi.spyOn(epson, 'open');

    reconnectPairedPrinter();
    reconnectPairedPrinter();
    const { usePrinterStore } = await import('./use-printer.ts');
    await vi.waitFor(() => expect(usePrinterStore.getState()).toMatchObject({ connection: 'connected', printer: { productName: 'TM-T20III' } }));
    expect(open).toHaveBeenCalledOnce();
    expect(usb.getDevicesCalls).toBe(1);
  });
});
