/*
 * The till's receipt printer: pairing a USB printer (from Settings), reconnecting to it when the app
 * starts and whenever it is plugged back in, printing receipts and the test page, opening the cash
 * drawer (its pulse rides on the printer's drawer port), forgetting the printer (and the site's USB
 * permission for it), and the browser's print dialog when no USB printer is paired. Free of React;
 * use-printer.ts wires it to the browser and mirrors its state for screens.
 *
 * Stored in localStorage under `pos.printer`, on this device only: the paired printer's USB identity
 * (to find it again without the chooser, which needs a tap) and the printer settings. A sale is already
 * durable in IndexedDB before it is printed, so a failed print costs a reprint, never a sale: every
 * problem comes back as a code with a message in the cashier's language (receipt.printer.* in i18n).
 *
 * The USB driver (@point-of-sale/webusb-receipt-printer) logs rather than throws when the chooser is
 * closed or a print fails, so success is judged by its 'connected'/'disconnected' events and, on ESC/POS
 * printers, by asking the printer for its status before each print (printer-status.ts).
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type WebUSBReceiptPrinter from '@point-of-sale/webusb-receipt-printer';
import type { ConnectedReceiptPrinter } from '@point-of-sale/webusb-receipt-printer';
import type { Receipt } from './receipt-model.ts';
import { encodeReceipt } from './escpos-receipt.ts';
import type { RenderTextImage } from './escpos-receipt.ts';
import { renderReceiptHtml } from './html-receipt.ts';
import type { LookupCodeImages } from './html-receipt.ts';
import { encodeTestPage } from './test-page.ts';
import type { TestPageTexts } from './test-page.ts';
import { resolvePrinterProfile } from './printer-profile.ts';
import type { PrinterProfile, PrinterSettings } from './printer-profile.ts';
import { ASK_OFFLINE_CAUSE, ASK_PAPER_SENSOR, printerCondition } from './printer-status.ts';
import { PRINTER_STORAGE_KEY } from './printer-storage-key.ts';

/** A copy without the fields set to undefined: an undefined setting or state field means "back to none". */
function withoutUndefined<Value extends object>(value: Value): Value {
  const copy = { ...value };
  for (const key of Object.keys(copy)) {
    if (Reflect.get(copy, key) === undefined) Reflect.deleteProperty(copy, key);
  }
  return copy;
}

export type PrinterDriver = Pick<WebUSBReceiptPrinter, 'connect' | 'reconnect' | 'listen' | 'disconnect' | 'print' | 'addEventListener'>;

/** Codes of what went wrong; the words are receipt.printer.<code> in src/i18n. */
export type PrinterProblem =
  | 'notPaired' | 'unsupported' | 'chooserClosed' | 'accessDenied' | 'disconnected'
  | 'paperOut' | 'coverOpen' | 'printerError' | 'printFailed' | 'browserPrintFailed';

/** Printed, but the cashier should know (receipt.printer.<code> in src/i18n). */
export type PrintWarning = 'paperNearEnd' | 'drawerNotOpened';

export type PrintOutcome =
  | { readonly ok: true; readonly via: 'usb' | 'browser'; readonly warning?: PrintWarning }
  | { readonly ok: false; readonly problem: PrinterProblem };

export type PairedPrinter = Omit<ConnectedReceiptPrinter, 'type' | 'columns'>;

/** How WebUSB names a device: enough to tell the paired printer from anything else plugged in. */
export interface UsbDeviceIdentity {
  readonly vendorId: number;
  readonly productId: number;
  readonly serialNumber?: string | undefined;
}

export interface PrinterState {
  readonly connection: 'unpaired' | 'connecting' | 'connected' | 'disconnected';
  readonly printer?: PairedPrinter;
  readonly settings: PrinterSettings;
  readonly problem?: PrinterProblem;
}

export interface PrinterServiceDependencies {
  readonly usbAvailable: () => boolean;
  readonly createDriver: () => Promise<PrinterDriver>;
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  readonly printHtml: (html: string) => Promise<void>;
  /** The sale number's CODE128/QR pictures for the browser receipt (loaded only when printing there). */
  readonly drawLookupCodes?: (lookup: Receipt['lookup']) => Promise<LookupCodeImages>;
  readonly renderTextImage: RenderTextImage;
  /** Calls back whenever a USB device is plugged in (WebUSB's 'connect' event), to reconnect the printer. */
  readonly watchUsbConnections?: (onConnect: (device: UsbDeviceIdentity) => void) => void;
  /** Takes back this site's permission for the printer, so forgetting it is not undone by the next start. */
  readonly revokeUsbPermission?: (printer: PairedPrinter) => Promise<void>;
  /** How long a printer has to answer a status request; silent printers are printed to anyway. */
  readonly statusTimeoutMs?: number;
}

export { PRINTER_STORAGE_KEY };
const DEFAULT_SETTINGS: PrinterSettings = { paperWidth: 80 };

interface Stored {
  readonly printer?: PairedPrinter;
  readonly settings?: PrinterSettings;
}

/** The paired printer by its serial number where it has one, else by its make and model. */
export function isSameDevice(device: UsbDeviceIdentity, printer: UsbDeviceIdentity): boolean {
  if (printer.serialNumber) return device.serialNumber === printer.serialNumber;
  return device.vendorId === printer.vendorId && device.productId === printer.productId;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class UsbPrinterService {
  #state: PrinterState;
  #listeners = new Set<(state: PrinterState) => void>();
  #driver: Promise<PrinterDriver> | undefined;
  #canRead = false;
  #answers: ((byte: number) => void)[] = [];
  #watching = false;

  constructor(private readonly deps: PrinterServiceDependencies) {
    const stored = this.#read();
    this.#state = {
      connection: stored.printer ? 'disconnected' : 'unpaired',
      settings: { ...DEFAULT_SETTINGS, ...stored.settings },
      ...(stored.printer ? { printer: stored.printer } : {}),
    };
  }

  get state(): PrinterState {
    return this.#state;
  }

  /** False in a browser without WebUSB (or on plain http:// other than localhost): only the print dialog. */
  get usbSupported(): boolean {
    return this.deps.usbAvailable();
  }

  /** Loads the USB driver ahead of a tap on Pair, so the chooser opens at once, inside the tap's activation. */
  async preload(): Promise<void> {
    if (this.deps.usbAvailable()) await this.#getDriver();
  }

  subscribe(listener: (state: PrinterState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** On app start: reconnect to the remembered printer, without a tap. */
  async start(): Promise<void> {
    const printer = this.#state.printer;
    if (!printer || !this.deps.usbAvailable()) return;
    this.#watchForPrinter();
    this.#set({ connection: 'connecting', problem: undefined });
    try {
      const driver = await this.#getDriver();
      await driver.reconnect(printer);
      await nextTask();
    } catch (error) {
      console.error('Could not reconnect to the receipt printer', printer, error);
      this.#set({ connection: 'disconnected', problem: error instanceof DOMException && error.name === 'SecurityError' ? 'accessDenied' : 'disconnected' });
      return;
    }
    if (this.#state.connection === 'connecting') this.#set({ connection: 'disconnected', problem: 'disconnected' });
  }

  /** From Settings, on a tap: the browser's chooser, then the chosen printer is remembered. */
  async pair(): Promise<PrinterProblem | undefined> {
    if (!this.deps.usbAvailable()) return this.#fail('unsupported');
    this.#watchForPrinter();
    this.#set({ connection: 'connecting', problem: undefined });
    const driver = await this.#getDriver();
    await driver.connect();
    await nextTask();
    if (this.#state.connection === 'connected') return undefined;
    this.#set({ connection: this.#state.printer ? 'disconnected' : 'unpaired' });
    return this.#fail('chooserClosed');
  }

  /** Forgets the paired printer: receipts go to the browser's print dialog again. */
  async forget(): Promise<void> {
    const printer = this.#state.printer;
    // Unpaired first: the driver's 'disconnected' event must not make the forgotten printer look unplugged.
    this.#set({ connection: 'unpaired', printer: undefined, problem: undefined });
    this.#write();
    try {
      if (this.#driver) await (await this.#driver).disconnect();
      if (printer && this.deps.revokeUsbPermission) await this.deps.revokeUsbPermission(printer);
    } catch (error) {
      // The printer is forgotten on this till either way; only the browser's permission may linger.
      console.error('Closing or revoking the forgotten printer failed', printer, error);
    }
    this.#set({ connection: 'unpaired', problem: undefined });
  }

  updateSettings(settings: Partial<PrinterSettings>): void {
    // An undefined setting goes back to its default (a model no longer chosen).
    const next = withoutUndefined({ ...this.#state.settings, ...settings });
    resolvePrinterProfile(next);
    this.#set({ settings: next });
    this.#write();
  }

  /** Prints on the USB printer, or through the browser when none is paired. */
  async printReceipt(receipt: Receipt, options: { openCashDrawer?: boolean } = {}): Promise<PrintOutcome> {
    if (this.#state.connection === 'unpaired' || !this.deps.usbAvailable()) {
      // The drawer hangs off a USB printer's drawer port: the print dialog cannot open it.
      const outcome = await this.printInBrowser(receipt);
      return outcome.ok && (options.openCashDrawer ?? receipt.opensCashDrawer) ? { ...outcome, warning: 'drawerNotOpened' } : outcome;
    }
    return this.#printOnUsb((profile) => encodeReceipt(receipt, { profile, renderTextImage: this.deps.renderTextImage, ...options }));
  }

  /** The drawer alone (a manager's "no sale" open, counted in the audit log by the caller). */
  async openDrawer(): Promise<PrintOutcome> {
    if (!this.deps.usbAvailable()) return { ok: false, problem: 'unsupported' };
    if (this.#state.connection === 'unpaired') return { ok: false, problem: 'notPaired' };
    return this.#printOnUsb((profile) => new ReceiptPrinterEncoder(profile.encoderOptions).pulse().encode());
  }

  /** The test page (test-page.ts), from Settings; only a USB printer has one. */
  async printTestPage(texts: TestPageTexts): Promise<PrintOutcome> {
    if (!this.deps.usbAvailable()) return { ok: false, problem: 'unsupported' };
    if (this.#state.connection === 'unpaired') return { ok: false, problem: 'notPaired' };
    return this.#printOnUsb((profile) => encodeTestPage(texts, profile, this.deps.renderTextImage));
  }

  /** A document laid out by the caller for the printer's profile (the day report), USB only, no drawer pulse. */
  async printDocument(encode: (profile: PrinterProfile, renderTextImage: RenderTextImage) => Uint8Array): Promise<PrintOutcome> {
    if (!this.deps.usbAvailable()) return { ok: false, problem: 'unsupported' };
    if (this.#state.connection === 'unpaired') return { ok: false, problem: 'notPaired' };
    return this.#printOnUsb((profile) => encode(profile, this.deps.renderTextImage));
  }

  async printInBrowser(receipt: Receipt): Promise<PrintOutcome> {
    try {
      const codes = this.deps.drawLookupCodes ? await this.#lookupImages(receipt) : undefined;
      await this.deps.printHtml(renderReceiptHtml(receipt, codes));
      return { ok: true, via: 'browser' };
    } catch (error) {
      console.error('The browser print dialog failed', error);
      return { ok: false, problem: 'browserPrintFailed' };
    }
  }

  async #lookupImages(receipt: Receipt): Promise<LookupCodeImages | undefined> {
    try {
      return await this.deps.drawLookupCodes?.(receipt.lookup);
    } catch (error) {
      // The sale number is printed as text as well: a receipt without its barcode beats no receipt.
      console.error('Drawing the sale number barcode for the browser receipt failed', receipt.lookup.value, error);
      return undefined;
    }
  }

  #watchForPrinter(): void {
    if (this.#watching || !this.deps.watchUsbConnections) return;
    this.#watching = true;
    this.deps.watchUsbConnections((device) => {
      const printer = this.#state.printer;
      if (!printer || this.#state.connection === 'connected' || this.#state.connection === 'connecting') return;
      if (isSameDevice(device, printer)) void this.start();
    });
  }

  async #printOnUsb(encode: (profile: PrinterProfile) => Uint8Array): Promise<PrintOutcome> {
    if (this.#state.connection !== 'connected') await this.start();
    if (this.#state.connection !== 'connected') return { ok: false, problem: this.#fail('disconnected') };
    const driver = await this.#getDriver();
    const condition = await this.#askCondition(driver);
    if (condition === 'paperOut' || condition === 'coverOpen' || condition === 'printerError') return { ok: false, problem: this.#fail(condition) };
    let bytes: Uint8Array;
    try {
      bytes = encode(resolvePrinterProfile(this.profileSettings()));
    } catch (error) {
      console.error('Could not encode the receipt for the printer', this.#state.settings, error);
      return { ok: false, problem: this.#fail('printFailed') };
    }
    await driver.print(bytes);
    await nextTask();
    if (this.#state.connection !== 'connected') return { ok: false, problem: this.#fail('disconnected') };
    this.#set({ problem: undefined });
    return condition === 'paperNearEnd' ? { ok: true, via: 'usb', warning: 'paperNearEnd' } : { ok: true, via: 'usb' };
  }

  async #askCondition(driver: PrinterDriver) {
    if (!this.#canRead || this.profileSettings().language !== 'esc-pos') return 'ready' as const;
    const offline = await this.#ask(driver, ASK_OFFLINE_CAUSE);
    const paper = offline === undefined ? undefined : await this.#ask(driver, ASK_PAPER_SENSOR);
    return printerCondition(offline, paper);
  }

  async #ask(driver: PrinterDriver, question: Uint8Array): Promise<number | undefined> {
    const answer = new Promise<number | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.#answers = this.#answers.filter((waiting) => waiting !== receive);
        resolve(undefined);
      }, this.deps.statusTimeoutMs ?? 400);
      const receive = (byte: number): void => {
        clearTimeout(timer);
        resolve(byte);
      };
      this.#answers.push(receive);
    });
    await driver.print(question);
    return answer;
  }

  /** The settings a profile is resolved from: a model chosen in Settings wins over what the USB driver guessed. */
  profileSettings(): PrinterSettings {
    const { settings, printer } = this.#state;
    if (settings.printerModel !== undefined || !printer) return settings;
    const language = printer.language === 'star-graphics' ? 'star-prnt' : printer.language;
    return { ...settings, language, codepageMapping: printer.codepageMapping };
  }

  #getDriver(): Promise<PrinterDriver> {
    this.#driver ??= this.deps.createDriver().then((driver) => {
      driver.addEventListener('connected', (device) => void this.#onConnected(driver, device));
      driver.addEventListener('disconnected', () => {
        // A forgotten printer closing is not a printer unplugged.
        if (this.#state.connection !== 'unpaired') this.#set({ connection: 'disconnected', problem: 'disconnected' });
      });
      driver.addEventListener('data', (data) => {
        if (data.byteLength > 0) this.#answers.shift()?.(data.getUint8(data.byteLength - 1));
      });
      return driver;
    });
    return this.#driver;
  }

  async #onConnected(driver: PrinterDriver, device: ConnectedReceiptPrinter): Promise<void> {
    const { type: _type, columns: _columns, ...printer } = device;
    this.#set({ connection: 'connected', printer, problem: undefined });
    this.#write();
    this.#canRead = (await driver.listen()) === true;
  }

  #fail(problem: PrinterProblem): PrinterProblem {
    this.#set({ problem });
    return problem;
  }

  #set(change: Partial<PrinterState>): void {
    // An undefined in `change` removes the field (a printer forgotten, a problem solved).
    const next = withoutUndefined({ ...this.#state, ...change });
    this.#state = next;
    for (const listener of this.#listeners) listener(next);
  }

  #read(): Stored {
    const raw = this.deps.storage.getItem(PRINTER_STORAGE_KEY);
    if (raw === null) return {};
    try {
      return JSON.parse(raw) as Stored;
    } catch (error) {
      console.error('The stored printer settings are unreadable; starting unpaired', raw, error);
      return {};
    }
  }

  #write(): void {
    const stored: Stored = { settings: this.#state.settings, ...(this.#state.printer ? { printer: this.#state.printer } : {}) };
    this.deps.storage.setItem(PRINTER_STORAGE_KEY, JSON.stringify(stored));
  }
}
