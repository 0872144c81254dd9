/*
 * The WebUSB receipt printer driver, behind one module of our own: the package publishes only a
 * "browser" export, so it resolves in the app and in browser tests but not in jsdom unit tests. Screens
 * that unit tests render (Settings) import the printer service, which loads this module on first use only.
 */
export { default } from '@point-of-sale/webusb-receipt-printer';
