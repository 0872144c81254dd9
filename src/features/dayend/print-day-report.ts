/*
 * The day report on the till's receipt printer (USB, ESC/POS): laid out and encoded by
 * devices/printer/day-report-print.ts in the store's language, the printer code loaded on the first print.
 * Never throws: the outcome's problem is a code the screen words (receipt.printer.*).
 */
import type { DayReport } from '../../domain/day-report.ts';
import type { PrintOutcome } from '../../devices/printer/usb-printer-service.ts';

export interface DayReportPrintNames {
  readonly storeName: string;
  /** The store's language (config store.locale), in which the report prints. */
  readonly storeLocale: string;
  readonly staffNames: Readonly<Record<string, string>>;
  readonly tillNames?: Readonly<Record<string, string>>;
}

export async function printDayReport(report: DayReport, names: DayReportPrintNames): Promise<PrintOutcome> {
  try {
    const [{ encodeDayReport }, { getPrinterService }] = await Promise.all([import('../../devices/printer/day-report-print.ts'), import('../../devices/printer/use-printer.ts')]);
    const context = {
      locale: names.storeLocale.startsWith('en') ? ('en' as const) : ('vi' as const),
      storeName: names.storeName,
      staffNames: names.staffNames,
      ...(names.tillNames === undefined ? {} : { tillNames: names.tillNames }),
    };
    return await getPrinterService().printDocument((profile, renderTextImage) => encodeDayReport(report, context, profile, renderTextImage));
  } catch (error) {
    console.error('Printing the day report failed', { date: report.date, deviceId: report.deviceId, error });
    return { ok: false, problem: 'printFailed' };
  }
}
