/*
 * The handover slip on the till's receipt printer (USB, ESC/POS): the slip's content (src/domain/
 * handover-slip.ts) laid out on the roll's grid as rows of final text (a pure function: the same slip and
 * words give the same rows on any device), then encoded by the receipts' own encoder (escpos-receipt.ts),
 * never opening the drawer. The words come from the "pickup.slip" section of src/i18n in the store's
 * language, as the receipt reads its own. printHandoverSlip never throws: a problem comes back as the
 * printer service's outcome (receipt.printer.*), which the screen words.
 */
import type { HandoverSlip } from '../../domain/handover-slip.ts';
import { formatMoney } from '../../domain/money-format.ts';
import type { RenderTextImage } from '../../devices/printer/escpos-receipt.ts';
import { encodePrintRows } from '../../devices/printer/escpos-receipt.ts';
import type { PrinterProfile } from '../../devices/printer/printer-profile.ts';
import { DEFAULT_TIME_ZONE, formatQuantity, formatReceiptTime } from '../../devices/printer/receipt-format.ts';
import type { PrintRow } from '../../devices/printer/receipt-text-layout.ts';
import { fillIn } from '../../devices/printer/receipt-texts.ts';
import type { ReceiptLocale } from '../../devices/printer/receipt-texts.ts';
import { centre, measureByCharacter, twoSided, wrapText } from '../../devices/printer/text-columns.ts';
import type { MeasureText } from '../../devices/printer/text-columns.ts';
import type { PrintOutcome } from '../../devices/printer/usb-printer-service.ts';
import { measureFor } from '../../devices/printer/vietnamese-text.ts';
import en from '../../i18n/en.json' with { type: 'json' };
import vi from '../../i18n/vi.json' with { type: 'json' };

type SlipTexts = typeof vi.pickup.slip;
const textsByLocale: Record<ReceiptLocale, SlipTexts> = { vi: vi.pickup.slip, en: en.pickup.slip };

export interface HandoverSlipPrintContext {
  readonly locale: ReceiptLocale;
  readonly timeZone?: string;
  readonly columns: 32 | 42 | 48;
  readonly measure?: MeasureText;
}

/** The slip as rows of at most `context.columns` cells. */
export function layoutHandoverSlip(slip: HandoverSlip, context: HandoverSlipPrintContext): PrintRow[] {
  const texts = textsByLocale[context.locale];
  const measure = context.measure ?? measureByCharacter;
  const columns = context.columns;
  const rows: PrintRow[] = [];
  const text = (value: string, style: { bold?: boolean; tall?: boolean } = {}) => rows.push({ kind: 'text', text: value, ...(style.bold ? { bold: true } : {}), ...(style.tall ? { tall: true } : {}) });
  const centred = (value: string, style: { bold?: boolean; tall?: boolean } = {}) => {
    for (const row of wrapText(value, columns, measure)) text(centre(row, columns, measure), style);
  };
  const pair = (label: string, value: string, indent = '') => {
    for (const row of twoSided(label, value, columns - indent.length, measure)) text(indent + row);
  };
  const pieces = (qty: number) => formatQuantity(qty, 'pcs', context.locale);

  centred(slip.storeName, { bold: true, tall: true });
  centred(texts.title, { bold: true });
  text('='.repeat(columns));
  pair(texts.order, slip.orderNumber);
  pair(texts.customer, slip.phoneEnd === undefined ? slip.customerName : `${slip.customerName} (...${slip.phoneEnd})`);
  pair(texts.time, formatReceiptTime(slip.handedAt, context.locale, context.timeZone ?? DEFAULT_TIME_ZONE));
  pair(texts.handedBy, slip.staffName);
  text('-'.repeat(columns));
  text(texts.takenNow, { bold: true });
  for (const line of slip.lines) {
    for (const row of wrapText(line.name, columns, measure)) text(row);
    pair(line.sku, `x ${pieces(line.handedNow)}`, '  ');
  }
  if (slip.stillToCome.length > 0) {
    text('-'.repeat(columns));
    text(texts.stillToCome, { bold: true });
    for (const line of slip.stillToCome) {
      for (const row of wrapText(line.name, columns, measure)) text(row);
      pair(line.sku, `x ${pieces(line.leftAfter)}`, '  ');
    }
  }
  text('-'.repeat(columns));
  pair(texts.total, formatMoney(slip.total, slip.currency, context.locale));
  text(slip.paidOnline ? texts.paidOnline : texts.paidAtCounter);
  centred(slip.complete ? texts.complete : fillIn(texts.partial, { count: String(slip.stillToCome.length) }), { bold: true });
  text('');
  text(texts.signature);
  text('');
  text('_'.repeat(Math.min(columns, 24)));
  return rows;
}

export function encodeHandoverSlip(slip: HandoverSlip, context: Omit<HandoverSlipPrintContext, 'columns' | 'measure'>, profile: PrinterProfile, renderTextImage?: RenderTextImage): Uint8Array {
  const rows = layoutHandoverSlip(slip, { ...context, columns: profile.columns, measure: measureFor(profile.vietnamese) });
  return encodePrintRows(rows, { profile, openCashDrawer: false, ...(renderTextImage === undefined ? {} : { renderTextImage }) });
}

/** Prints the slip on the till's printer in the store's language (config store.locale). */
export async function printHandoverSlip(slip: HandoverSlip, storeLocale: string, timeZone?: string): Promise<PrintOutcome> {
  try {
    const { getPrinterService } = await import('../../devices/printer/use-printer.ts');
    const context = { locale: storeLocale.startsWith('en') ? ('en' as const) : ('vi' as const), ...(timeZone === undefined ? {} : { timeZone }) };
    return await getPrinterService().printDocument((profile, renderTextImage) => encodeHandoverSlip(slip, context, profile, renderTextImage));
  } catch (error) {
    console.error('Printing the handover slip failed', { order: slip.orderNumber, eventId: slip.eventId, error });
    return { ok: false, problem: 'printFailed' };
  }
}
