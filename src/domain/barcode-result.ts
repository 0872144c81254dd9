/*
 * What parseBarcode answers: a scanned code read into the key the catalog is searched by (a GTIN, or a
 * scale's item code) plus any weight or price printed inside it, or a machine-readable reason why not.
 * The reason codes are stable (the counter maps them to Vietnamese/English messages and cues); the
 * detail is English for logs and developers, never shown as the only explanation to a cashier.
 */

import type { BarcodeRule } from './barcode-rules.ts';

/** Which kind of symbol content the code was. */
export type BarcodeKind = 'ean13' | 'ean8' | 'upca' | 'upce' | 'variable' | 'gs1';

/** Why a code could not be read. Stable machine codes: add new ones, never rename. */
export type BarcodeFailureReason =
  /** Nothing but whitespace was scanned. */
  | 'empty'
  /** Not a number and not a GS1 element string (e.g. a shop's own Code 128 label): try it as a SKU. */
  | 'not-digits'
  /** Digits, but no retail symbol has that many. */
  | 'bad-length'
  /** The code's own check digit (or the price/weight check digit inside a scale code) is wrong: a misread. */
  | 'bad-check-digit'
  /** A store code (prefix 20-29, or 02 for UPC-A) for which the store has configured no scale layout. */
  | 'unknown-variable-layout'
  /** The store's configured layout for this prefix cannot be right (lengths do not add up to 13, ...). */
  | 'bad-rule'
  /** A GS1 element string that is not well formed (no AI, duplicate AI, missing separator, ...). */
  | 'bad-gs1'
  /** A GS1 Application Identifier this parser does not know, so the rest cannot be split safely. */
  | 'unknown-ai'
  /** A known AI whose value is wrong (length, characters, check digit, date, decimals the currency lacks). */
  | 'bad-ai-value';

export interface BarcodeFailure {
  readonly ok: false;
  readonly reason: BarcodeFailureReason;
  /** What exactly was wrong, in English, for logs. */
  readonly detail: string;
}

/** Every field any successful read may carry, so callers can read `result.gtin` without narrowing. */
interface BarcodeFields {
  /** GTIN as 14 digits (zero-padded): the form products.barcodes are compared in. */
  readonly gtin?: string;
  /** GS1 element string values keyed by AI, e.g. {"01": "09506000134352", "3103": "001250"}. */
  readonly ais?: Readonly<Record<string, string>>;
  /** Net weight in whole grams (scale codes, AI 310n). */
  readonly weightGrams?: number;
  /** Price in minor units of the store currency (scale codes, AI 392n). */
  readonly price?: number;
  /** The store's item code (PLU) inside a scale code: the key to look the product up by. */
  readonly itemCode?: string;
}

/** A product code from a retail symbol (EAN/UPC). */
export interface RetailBarcode extends BarcodeFields {
  readonly ok: true;
  readonly kind: 'ean13' | 'ean8' | 'upca' | 'upce';
  readonly gtin: string;
  /**
   * For the few 8-digit codes that are valid both as UPC-E and as EAN-8: the other reading, so a
   * catalog lookup that misses with `gtin` can try this one before calling the code unknown.
   */
  readonly alternative?: { readonly kind: 'ean8' | 'upce'; readonly gtin: string };
}

/** A store's scale label (GS1 restricted range) with the product's item code and a weight or price. */
export interface VariableMeasureBarcode extends BarcodeFields {
  readonly ok: true;
  readonly kind: 'variable';
  /** The code as scanned, 14 digits: unique per label, not per product. Look up by itemCode. */
  readonly gtin: string;
  readonly itemCode: string;
  /** The layout that read it (its prefix tells which family of store codes this was). */
  readonly rule: BarcodeRule;
}

/** A GS1 element string (GS1-128, GS1 DataMatrix/QR/DataBar, or an ITF-14 read as its AI 01). */
export interface Gs1Barcode extends BarcodeFields {
  readonly ok: true;
  readonly kind: 'gs1';
  readonly ais: Readonly<Record<string, string>>;
}

export type ParsedBarcode = RetailBarcode | VariableMeasureBarcode | Gs1Barcode;
export type ParseResult = ParsedBarcode | BarcodeFailure;

export function barcodeFailure(reason: BarcodeFailureReason, detail: string): BarcodeFailure {
  return { ok: false, reason, detail };
}
