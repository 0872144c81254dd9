/*
 * What this till's receipt printer can do, resolved once from its settings: which encoder options to use,
 * how many characters a row holds, how Vietnamese is printed (vietnamese-text.ts), how wide an image
 * row is in dots, and whether it prints barcodes and QR codes itself.
 *
 * The facts come from @point-of-sale/receipt-printer-encoder's own printer definitions: we ask an
 * encoder built for the model whether it accepts a code page, rather than keep a second table that
 * could disagree with the bytes it writes. A printer known only by what the USB driver reported (its
 * code page mapping, e.g. "epson") is handled the same way; an unknown mapping prints Vietnamese as images.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { ReceiptPrinterEncoderOptions } from '@point-of-sale/receipt-printer-encoder';
import type { Codepage } from '@point-of-sale/codepage-encoder';
import { CODEPAGES_BY_MODE } from './vietnamese-text.ts';
import type { VietnameseMode } from './vietnamese-text.ts';

export type VietnameseSetting = 'auto' | 'tcvn3' | 'windows1258' | 'raster';
export const VIETNAMESE_SETTINGS: readonly VietnameseSetting[] = ['auto', 'tcvn3', 'windows1258', 'raster'];

export type PrinterModel = NonNullable<ReceiptPrinterEncoderOptions['printerModel']>;
export type PrinterLanguage = NonNullable<ReceiptPrinterEncoderOptions['language']>;
type CodepageMappingName = Extract<NonNullable<ReceiptPrinterEncoderOptions['codepageMapping']>, string>;

/** What is stored for this till's printer (Settings), plus what the USB driver reported on connecting. */
export interface PrinterSettings {
  readonly paperWidth: 58 | 80;
  /** Characters per row, when the printer's font differs from 32 (58 mm) or 48 (80 mm). */
  readonly columns?: 32 | 42 | 48;
  readonly printerModel?: PrinterModel;
  readonly language?: PrinterLanguage;
  readonly codepageMapping?: string;
  /**
   * How Vietnamese is printed: 'auto' picks TCVN3, then windows-1258, from what the printer's code page
   * table has; 'tcvn3' or 'windows1258' insist on one (a printer whose other page is broken), falling back
   * to images when the table lacks it; 'raster' prints Vietnamese as images (a printer whose font lacks it).
   */
  readonly vietnamese?: VietnameseSetting;
}

export interface PrinterProfile {
  readonly paperWidth: 58 | 80;
  readonly columns: 32 | 42 | 48;
  readonly encoderOptions: ReceiptPrinterEncoderOptions;
  readonly vietnamese: VietnameseMode;
  /** Width of an image row in dots: the printable width of the font's row. */
  readonly rasterWidthDots: number;
  readonly barcode: boolean;
  readonly qrcode: boolean;
}

/** Mapping names the USB driver reports for tables the encoder knows under another name. */
const DRIVER_MAPPING_ALIASES: Readonly<Record<string, CodepageMappingName>> = { zjiang: 'pos-5890' };

const KNOWN_MAPPINGS: readonly string[] = [
  'bixolon', 'bixolon/legacy', 'citizen', 'epson', 'epson/legacy', 'fujitsu', 'hp', 'metapace', 'mpt',
  'pos-5890', 'pos-8360', 'star', 'sunmi', 'xprinter', 'youku',
];

function mappingOf(settings: PrinterSettings): { mapping: CodepageMappingName | undefined; known: boolean } {
  if (settings.codepageMapping === undefined) return { mapping: undefined, known: true };
  const name = DRIVER_MAPPING_ALIASES[settings.codepageMapping] ?? settings.codepageMapping;
  return KNOWN_MAPPINGS.includes(name) ? { mapping: name as CodepageMappingName, known: true } : { mapping: undefined, known: false };
}

function supportsCodepages(options: ReceiptPrinterEncoderOptions, codepages: readonly Codepage[]): boolean {
  const probe = new ReceiptPrinterEncoder(options);
  return codepages.every((codepage) => {
    try {
      probe.codepage(codepage);
      return true;
    } catch (error) {
      // "Codepage not supported by printer" is the answer we asked for; anything else is a bug.
      if (error instanceof Error && /not supported/i.test(error.message)) return false;
      throw error;
    }
  });
}

function vietnameseModeFor(options: ReceiptPrinterEncoderOptions, settings: PrinterSettings, mappingKnown: boolean): VietnameseMode {
  if (settings.vietnamese === 'raster' || !mappingKnown) return 'raster';
  const wanted = settings.vietnamese === 'tcvn3' || settings.vietnamese === 'windows1258' ? [settings.vietnamese] : (['tcvn3', 'windows1258'] as const);
  for (const mode of wanted) {
    if (supportsCodepages(options, CODEPAGES_BY_MODE[mode])) return mode;
  }
  return 'raster';
}

function asColumns(value: number): 32 | 42 | 48 {
  if (value === 32 || value === 42 || value === 48) return value;
  throw new Error(`A receipt row holds 32, 42 or 48 characters, not ${value}`);
}

/**
 * The models the encoder knows (their code pages, fonts, barcode support) whose rows our receipt layout
 * fits, for Settings to offer. A model whose font has another row width (44 characters) is left out
 * rather than offered and refused.
 */
export function knownPrinterModels(): readonly { readonly id: PrinterModel; readonly name: string }[] {
  const models = ReceiptPrinterEncoder.printerModels as { id: PrinterModel; name: string }[];
  return models.filter(({ id }) => [32, 42, 48].includes(new ReceiptPrinterEncoder({ printerModel: id }).columns));
}

/** The profile of a printer from its settings. Throws on settings no printer could have. */
export function resolvePrinterProfile(settings: PrinterSettings): PrinterProfile {
  const { mapping, known } = mappingOf(settings);
  const base: ReceiptPrinterEncoderOptions = {
    ...(settings.printerModel !== undefined ? { printerModel: settings.printerModel } : {}),
    ...(settings.language !== undefined ? { language: settings.language } : {}),
    ...(mapping !== undefined ? { codepageMapping: mapping } : {}),
  };
  // A model brings its font's row width (42 on 180 dpi printers); otherwise the paper decides.
  const modelColumns = settings.printerModel !== undefined ? new ReceiptPrinterEncoder(base).columns : undefined;
  const columns = asColumns(settings.columns ?? modelColumns ?? (settings.paperWidth === 58 ? 32 : 48));
  const encoderOptions: ReceiptPrinterEncoderOptions = { ...base, columns };
  const encoder = new ReceiptPrinterEncoder(encoderOptions);
  const capabilities = encoder.printerCapabilities as {
    barcodes?: { supported?: boolean; symbologies?: readonly string[] };
    qrcode?: { supported?: boolean };
  };
  return {
    paperWidth: settings.paperWidth,
    columns,
    encoderOptions,
    vietnamese: vietnameseModeFor(encoderOptions, settings, known),
    rasterWidthDots: encoder.printableWidth,
    barcode: capabilities.barcodes?.supported === true && (capabilities.barcodes.symbologies ?? []).includes('code128'),
    qrcode: capabilities.qrcode?.supported === true,
  };
}
