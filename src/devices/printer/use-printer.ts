/*
 * The till's one printer service, and its state for screens: Settings pairs and configures the printer,
 * the counter prints and opens the drawer, everyone sees the same connection and last problem.
 * The service is created on first use (not at import) so screens that never print never touch USB.
 */
import { create } from 'zustand';
import { printHtmlInBrowser } from './browser-print.ts';
import { createCanvasTextRenderer } from './render-text-image.ts';
import { isSameDevice, UsbPrinterService } from './usb-printer-service.ts';
import type { PrinterServiceDependencies, PrinterState, UsbDeviceIdentity } from './usb-printer-service.ts';

let service: UsbPrinterService | undefined;

/** What is used of WebUSB here (TypeScript's DOM library does not describe it). */
interface WebUsb {
  getDevices(): Promise<(UsbDeviceIdentity & { forget(): Promise<void> })[]>;
  addEventListener(type: 'connect', listener: (event: Event & { readonly device: UsbDeviceIdentity }) => void): void;
}

function webUsb(): WebUsb | undefined {
  // WebUSB exists only in Chromium browsers, and only on https:// or localhost.
  if (typeof navigator === 'undefined' || globalThis.isSecureContext !== true) return undefined;
  return (navigator as Navigator & { usb?: WebUsb }).usb;
}

function usbAvailable(): boolean {
  return webUsb() !== undefined;
}

/** A printer service on the browser's WebUSB, print dialog and canvas, keeping its settings in `storage`. */
export function createBrowserPrinterService(storage: PrinterServiceDependencies['storage']): UsbPrinterService {
  return new UsbPrinterService({
    usbAvailable,
    createDriver: async () => {
      // Loaded on demand: the driver touches navigator.usb as soon as it is constructed.
      const { default: WebUSBReceiptPrinter } = await import('./webusb-driver.ts');
      return new WebUSBReceiptPrinter();
    },
    storage,
    printHtml: printHtmlInBrowser,
    drawLookupCodes: async (lookup) => (await import('./lookup-code-images.ts')).drawLookupCodes(lookup),
    renderTextImage: createCanvasTextRenderer(),
    watchUsbConnections: (onConnect) => webUsb()?.addEventListener('connect', (event) => onConnect(event.device)),
    revokeUsbPermission: async (printer) => {
      // The driver cannot forget a device; WebUSB can, for this origin.
      const devices = (await webUsb()?.getDevices()) ?? [];
      await devices.find((device) => isSameDevice(device, printer))?.forget();
    },
  });
}

/** The printer service of this app, created with the browser's USB, storage and print dialog. */
export function getPrinterService(): UsbPrinterService {
  if (service === undefined) {
    const created = createBrowserPrinterService(localStorage);
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
