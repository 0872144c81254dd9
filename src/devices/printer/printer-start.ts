/*
 * Reconnecting the paired receipt printer when the app starts, without a tap: WebUSB lets an origin
 * reopen a device it was allowed before (navigator.usb.getDevices), and the service then follows the
 * printer being unplugged and plugged back in. Kept apart from the service so the app shell reads one
 * localStorage key at start and loads the printer code (the ESC/POS encoder) only on a till that has a
 * USB printer paired; every other till loads it on its first print.
 */
import { PRINTER_STORAGE_KEY } from './printer-storage-key.ts';

export { PRINTER_STORAGE_KEY };

function storedPrinterIsPaired(): boolean {
  const raw = localStorage.getItem(PRINTER_STORAGE_KEY);
  if (raw === null) return false;
  try {
    const stored = JSON.parse(raw) as { printer?: unknown };
    return typeof stored.printer === 'object' && stored.printer !== null;
  } catch (error) {
    // The service starts unpaired on unreadable settings; there is nothing to reconnect to.
    console.error('The stored printer settings are unreadable; not reconnecting at start', error);
    return false;
  }
}

/** On app start: when a USB printer is paired and the browser has WebUSB, reconnect to it. */
export function reconnectPairedPrinter(): void {
  if (typeof navigator === 'undefined' || !('usb' in navigator) || !storedPrinterIsPaired()) return;
  import('./use-printer.ts')
    .then(({ startPrinter }) => startPrinter())
    .catch((error: unknown) => {
      // Settings and the counter show the printer's state; a developer needs the cause.
      console.error('Reconnecting the receipt printer at start failed', error);
    });
}
