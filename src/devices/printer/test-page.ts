/*
 * The test page a manager prints from Settings after pairing a printer or changing its settings: it
 * shows, on the paper itself, whether the row width is right (a ruler that must fill one row exactly),
 * whether every Vietnamese letter comes out (all vowels with all five tones, capitals too), how money
 * looks, and whether the printer reads back a CODE128 barcode. Laid out on the same grid and printed by
 * the same code as a receipt (escpos-receipt.ts), so what passes here passes on a receipt.
 */
import { encodePrintRows } from './escpos-receipt.ts';
import type { RenderTextImage } from './escpos-receipt.ts';
import type { PrinterProfile } from './printer-profile.ts';
import type { PrintRow } from './receipt-text-layout.ts';
import { centre, wrapText } from './text-columns.ts';
import { measureFor } from './vietnamese-text.ts';

/** The words of the test page, in the language of the screen that printed it. */
export interface TestPageTexts {
  readonly title: string;
  /** Who printed on what: "Epson TM-T20III, 80 mm, 48 characters". */
  readonly printer: string;
  /** How Vietnamese is printed: "Vietnamese: TCVN3 code page". */
  readonly vietnamese: string;
  readonly rulerCaption: string;
  readonly sample: string;
  readonly money: string;
  readonly barcodeCaption: string;
}

/** What the CODE128 barcode on the test page reads. */
export const TEST_PAGE_BARCODE = 'TEST-1234';

export const VIETNAMESE_LETTERS = [
  'aàáảãạ ăằắẳẵặ âầấẩẫậ',
  'eèéẻẽẹ êềếểễệ iìíỉĩị đ',
  'oòóỏõọ ôồốổỗộ ơờớởỡợ',
  'uùúủũụ ưừứửữự yỳýỷỹỵ',
  'AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ',
  'EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ Đ',
  'OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ',
  'UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ',
] as const;

/** "1234567890" repeated to exactly one row: a row that wraps or stops short shows a wrong width. */
export function rulerRow(columns: number): string {
  return Array.from({ length: columns }, (_, index) => String((index + 1) % 10)).join('');
}

/** The test page as rows on the printer's grid. */
export function layoutTestPage(texts: TestPageTexts, profile: PrinterProfile): PrintRow[] {
  const measure = measureFor(profile.vietnamese);
  const { columns } = profile;
  const rows: PrintRow[] = [];
  const wrapped = (text: string, style: { bold?: boolean; tall?: boolean; centred?: boolean } = {}): void => {
    for (const row of wrapText(text, columns, measure)) {
      rows.push({ kind: 'text', text: style.centred ? centre(row, columns, measure) : row, ...(style.bold ? { bold: true } : {}), ...(style.tall ? { tall: true } : {}) });
    }
  };
  wrapped(texts.title, { bold: true, tall: true, centred: true });
  wrapped(texts.printer, { centred: true });
  rows.push({ kind: 'text', text: '='.repeat(columns) });
  wrapped(texts.rulerCaption);
  rows.push({ kind: 'text', text: rulerRow(columns) });
  rows.push({ kind: 'text', text: '-'.repeat(columns) });
  wrapped(texts.vietnamese, { bold: true });
  for (const letters of VIETNAMESE_LETTERS) wrapped(letters);
  wrapped(texts.sample);
  wrapped(texts.money);
  rows.push({ kind: 'text', text: '-'.repeat(columns) });
  rows.push({ kind: 'barcode', value: TEST_PAGE_BARCODE });
  wrapped(TEST_PAGE_BARCODE, { bold: true, centred: true });
  wrapped(texts.barcodeCaption, { centred: true });
  rows.push({ kind: 'text', text: '' });
  return rows;
}

/** The test page as the printer's bytes; it never opens the drawer. */
export function encodeTestPage(texts: TestPageTexts, profile: PrinterProfile, renderTextImage?: RenderTextImage): Uint8Array {
  return encodePrintRows(layoutTestPage(texts, profile), { profile, openCashDrawer: false, ...(renderTextImage ? { renderTextImage } : {}) });
}
