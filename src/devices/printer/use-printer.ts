/*
 * The till's one printer service, and its state for screens: Settings pairs and configures the printer,
 * the counter prints and opens the drawer, everyone sees the same connection and last problem.
 * The service is created on first use (not at import) so screens that never print never touch USB.
 */
import { create } from 'zustand';
import { printHtmlInBrowser } from './browser-print.ts';
import { createCanvasTextRenderer } from './render-text-image.ts';
import { UsbPrinterService } from './usb-printer-service.ts';
import type { PrinterState } from './usb-printer-service.ts';

let service: UsbPrinterService | undefined;

function usbAvailable(): boolean {
  // WebUSB exists only in Chromium browsers, and only on https:// or localhost.
  return typeof navigator !== 'undefined' && 'usb' in navigator && globalThis.isSecureContext === true;
}

/** The printer service of this app, created with the browser's USB, storage and print dialog. */
export function getPrinterService(): UsbPrinterService {
  if (service === undefined) {
    const created = new UsbPrinterService({
      usbAvailable,
      createDriver: async () => {
        // Loaded on demand: the driver touches navigator.usb as soon as it is constructed.
        const { default: WebUSBReceiptPrinter } = await import('@point-of-sale/webusb-receipt-printer');
        return new WebUSBReceiptPrinter();
      },
      storage: localStorage,
      printHtml: printHtmlInBrowser,
      renderTextImage: createCanvasTextRenderer(),
    });
    created.subscribe((state) => usePrinterStore.setState(state, true));
    service = created;
  }
  return service;
}

/** The printer's state for React: connection, paired printer, settings and the last problem. */
export const usePrinterStore = create<PrinterState>()(() => ({ connection: 'unpaired', settings: { paperWidth: 80 } }));

let starting: Promise<void> | undefined;

/** Starts the service once (reconnecting to a remembered printer) and makes its state visible to screens. */
export function startPrinter(): Promise<void> {
  if (starting === undefined) {
    const printer = getPrinterService();
    usePrinterStore.setState(printer.state, true);
    starting = printer.start();
  }
  return starting;
}
