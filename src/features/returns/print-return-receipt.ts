/*
 * Printing a return receipt once the return is written: the receipt model (devices/printer/receipt-model.ts,
 * pure: the same document always prints the same receipt) built from the stored return document and the
 * store's config, then the till's printer (USB, or the browser's print dialog). A cash refund opens the
 * drawer. Never throws: the return is already durable, and a print failure costs a reprint, never a return.
 */
import type { PosDatabase } from '../../data/database.ts';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import type { PrintOutcome } from '../../devices/printer/usb-printer-service.ts';
import type { SaleReturn } from '../../domain/sale-return.ts';

export interface PrintReturnOptions {
  readonly config: StoreConfigDocument;
  readonly database: PosDatabase;
  readonly locale: string;
}

function plainText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((line): line is string => typeof line === 'string').join('\n');
  return undefined;
}

export async function printReturnReceipt(document: SaleReturn, options: PrintReturnOptions): Promise<PrintOutcome> {
  try {
    const [{ buildReceipt }, { getPrinterService }] = await Promise.all([import('../../devices/printer/receipt-model.ts'), import('../../devices/printer/use-printer.ts')]);
    const { config } = options;
    const customerName = document.customerId === undefined ? undefined : (await options.database.customers.findOne(document.customerId).exec())?.name;
    const staffName = config.staff.find((member) => member.id === document.staffId)?.name;
    const header = plainText(config.receipt?.['header']);
    const footer = plainText(config.receipt?.['footer']);
    const service = getPrinterService();
    const receipt = buildReceipt(document, {
      store: config.store,
      receiptTexts: { ...(header === undefined ? {} : { header }), ...(footer === undefined ? {} : { footer }) },
      locale: options.locale === 'en' ? 'en' : 'vi',
      storeLocale: config.store.locale.startsWith('en') ? 'en' : 'vi',
      width: service.state.settings.paperWidth,
      ...(config.store.timeZone ? { timeZone: config.store.timeZone } : {}),
      ...(staffName === undefined ? {} : { staffName }),
      ...(document.approverId === undefined ? {} : { approverName: config.staff.find((member) => member.id === document.approverId)?.name ?? document.approverId }),
      ...(customerName === undefined ? {} : { customerName }),
    });
    return await service.printReceipt(receipt, { openCashDrawer: receipt.opensCashDrawer });
  } catch (error) {
    console.error('Printing the return receipt failed', { number: document.number, error });
    return { ok: false, problem: 'printFailed' };
  }
}
