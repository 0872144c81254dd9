/*
 * Where this device keeps its paired printer and printer settings: one localStorage key, written by the
 * printer service (usb-printer-service.ts) and read at start-up (printer-start.ts). A module of its own so
 * that the light start-up code and the service both name it without importing each other (printer-start
 * loads the service lazily, through use-printer.ts).
 */

/** Where the printer service keeps the paired printer and its settings (this device only). */
export const PRINTER_STORAGE_KEY = 'pos.printer';
