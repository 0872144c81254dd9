/*
 * Printing a stored sale: the receipt model from the sale and the store's config, then the till's printer
 * service (USB, or the browser's print dialog when none is paired). The printer code is loaded on the first
 * print, so the counter opens without it. Never throws: the sale is already durable, and the outcome says
 * what went wrong in a code the screen words (receipt.printer.*).
 */
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import type { PrintOutcome } from '../../devices/printer/usb-printer-service.ts';
import type { ReceiptSale } from '../../devices/printer/receipt-model.ts';

export interface PrintSaleOptions {
  readonly config: StoreConfigDocument;
  readonly locale: string;
  readonly staffName?: string;
  readonly customerName?: string;
  readonly reprint?: boolean;
}

function joinedText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((line): line is string => typeof line === 'string').join('\n');
  return undefined;
}

export async function printSaleReceipt(sale: ReceiptSale, options: PrintSaleOptions): Promise<PrintOutcome> {
  try {
    const [{ buildReceipt }, { getPrinterService }] = await Promise.all([
      import('../../devices/printer/receipt-model.ts'),
      import('../../devices/printer/use-printer.ts'),
    ]);
    const { config } = options;
    const printer = getPrinterService();
    const header = joinedText(config.receipt?.['header']);
    const footer = joinedText(config.receipt?.['footer']);
    const receipt = buildReceipt(sale, {
      store: config.store,
      receiptTexts: { ...(header ? { header } : {}), ...(footer ? { footer } : {}) },
      locale: options.locale === 'en' ? 'en' : 'vi',
      width: printer.state.settings.paperWidth,
      ...(config.store.timeZone ? { timeZone: config.store.timeZone } : {}),
      ...(options.staffName ? { staffName: options.staffName } : {}),
      ...(options.customerName ? { customerName: options.customerName } : {}),
      ...(options.reprint ? { reprint: true } : {}),
    });
    return await printer.printReceipt(receipt, { openCashDrawer: receipt.opensCashDrawer && !options.reprint });
  } catch (error) {
    console.error('Printing the receipt failed', { number: sale.number, error });
    return { ok: false, problem: 'printFailed' };
  }
}
