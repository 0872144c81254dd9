/*
 * A receipt as the bytes a thermal printer prints, through @point-of-sale/receipt-printer-encoder.
 *
 * Rows come from receipt-text-layout.ts. Each text row is printed as text when the printer's code page
 * holds every character of it (vietnamese-text.ts), and otherwise as an image drawn by the injected
 * renderTextImage, consecutive image rows in one image. There is no third way: a row that needs an
 * image and has no renderer is an error, never a row of '?'. Rendering is injected because it needs a
 * canvas (the browser has one; unit tests under jsdom do not and pass a stand-in).
 *
 * Order on the paper: initialise, open the drawer first when cash changed hands (so the cashier can make
 * change while the receipt prints), the receipt, the sale number as CODE128 and/or QR, then cut.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Receipt } from './receipt-model.ts';
import { layoutReceipt } from './receipt-text-layout.ts';
import type { PrintRow } from './receipt-text-layout.ts';
import type { PrinterProfile } from './printer-profile.ts';
import { CODEPAGES_BY_MODE, measureFor, toPrinterText } from './vietnamese-text.ts';

/** One row of text to draw as an image; `text` is already padded to its place in the row. */
export interface ImageRow {
  readonly text: string;
  readonly bold?: boolean;
  readonly tall?: boolean;
}

/** Pixels, RGBA, as ImageData has them (an ImageData itself will do). */
export interface TextImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** Draws rows of a receipt's fixed-width grid into an image `widthDots` wide (see render-text-image.ts). */
export type RenderTextImage = (rows: readonly ImageRow[], widthDots: number, columns: number) => TextImage;

export interface EscPosReceiptOptions {
  readonly profile: PrinterProfile;
  readonly renderTextImage?: RenderTextImage;
  /** Defaults to the receipt's own answer: only when cash changed hands. */
  readonly openCashDrawer?: boolean;
}

type TextRow = Extract<PrintRow, { kind: 'text' }>;

/** CODE128 set B: start, data, check and stop symbols of 11 modules, and a 2-module stop bar. */
function code128Modules(value: string): number {
  return (value.length + 3) * 11 + 2;
}

/** Widest bars (encoder widths 3..1, i.e. 4..2 dots a module) that keep the barcode on the paper. */
function barcodeWidth(value: string, widthDots: number): 1 | 2 | 3 | undefined {
  return ([3, 2, 1] as const).find((width) => code128Modules(value) * (width + 1) <= widthDots);
}

function printImageRows(encoder: ReceiptPrinterEncoder, rows: readonly TextRow[], options: EscPosReceiptOptions): void {
  const { renderTextImage, profile } = options;
  if (renderTextImage === undefined) {
    throw new Error(`"${rows[0]?.text.trim() ?? ''}" needs a Vietnamese code page this printer lacks, and no text-to-image renderer was given`);
  }
  const image = renderTextImage(
    rows.map(({ text, bold, tall }) => ({ text, bold, tall })),
    profile.rasterWidthDots,
    profile.columns,
  );
  // The encoder tells inputs apart by constructor name: an ImageData goes as it is, anything else as
  // the plain {width, height, data} object it reads as pixels.
  const input = image.constructor.name === 'ImageData' ? image : { width: image.width, height: image.height, data: image.data };
  encoder.image(input, { width: image.width, height: image.height });
}

function printTextRow(encoder: ReceiptPrinterEncoder, row: TextRow, text: string): void {
  if (row.bold) encoder.bold(true);
  if (row.tall) encoder.height(2);
  if (text === '') encoder.newline();
  else encoder.line(text);
  if (row.tall) encoder.height(1);
  if (row.bold) encoder.bold(false);
}

function printLookup(encoder: ReceiptPrinterEncoder, row: Extract<PrintRow, { kind: 'barcode' | 'qrcode' }>, profile: PrinterProfile, alsoQr: boolean): void {
  encoder.align('center');
  const width = barcodeWidth(row.value, profile.rasterWidthDots);
  if (row.kind === 'barcode' && profile.barcode && width !== undefined) {
    encoder.barcode(row.value, 'code128', { height: 60, width, text: 'none' });
  } else if ((row.kind === 'qrcode' || !alsoQr) && profile.qrcode) {
    // A QR code stands in for a barcode that is too long for the paper or unknown to the printer.
    encoder.qrcode(row.value, { model: 2, size: profile.paperWidth === 58 ? 5 : 6, errorlevel: 'm' });
  }
  encoder.newline();
  encoder.align('left');
}

/**
 * Rows already laid out for `options.profile` (receipt-text-layout.ts, test-page.ts) as the printer's
 * bytes: text where the code page holds it, images where it does not, the lookup codes, then the cut.
 */
export function encodePrintRows(rows: readonly PrintRow[], options: EscPosReceiptOptions & { readonly openCashDrawer: boolean }): Uint8Array {
  const { profile } = options;
  const mode = profile.vietnamese;
  const codepages = CODEPAGES_BY_MODE[mode];
  const encoder = new ReceiptPrinterEncoder({
    ...profile.encoderOptions,
    ...(codepages.length > 0 ? { codepageCandidates: [...codepages] } : {}),
    // An image row must sit right against the text rows around it, as a text row would.
    feedAfterBlock: false,
  });
  encoder.initialize();
  if (options.openCashDrawer) encoder.pulse();
  // 'auto' lets the encoder switch between TCVN3's lowercase and capitals pages within a row.
  if (mode === 'tcvn3') encoder.codepage('auto');
  if (mode === 'windows1258') encoder.codepage('windows1258');

  const hasQr = rows.some((row) => row.kind === 'qrcode');
  let pendingImage: TextRow[] = [];
  const flushImage = (): void => {
    if (pendingImage.length > 0) printImageRows(encoder, pendingImage, options);
    pendingImage = [];
  };
  for (const row of rows) {
    if (row.kind !== 'text') {
      flushImage();
      printLookup(encoder, row, profile, hasQr);
      continue;
    }
    const printed = toPrinterText(row.text, mode);
    if (!printed.encodable) {
      pendingImage.push(row);
      continue;
    }
    flushImage();
    printTextRow(encoder, row, printed.text);
  }
  flushImage();
  encoder.cut('partial');
  return encoder.encode();
}

/** The ESC/POS (or StarPRNT) bytes of a receipt for the printer described by `profile`. */
export function encodeReceipt(receipt: Receipt, options: EscPosReceiptOptions): Uint8Array {
  const { profile } = options;
  const rows = layoutReceipt({ ...receipt, paper: { ...receipt.paper, columns: profile.columns } }, measureFor(profile.vietnamese));
  return encodePrintRows(rows, { ...options, openCashDrawer: options.openCashDrawer ?? receipt.opensCashDrawer });
}
