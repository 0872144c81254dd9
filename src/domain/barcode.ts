/*
 * The counter's barcode parser: whatever a scanner or the camera read, turned into the key the catalog
 * is searched by, plus any weight or price the code carries; or a stable reason why it cannot be.
 * Pure and total: it never throws, whatever string it is given (the scanner can send anything).
 *
 * Reads, in this order:
 *   1. an optional AIM symbology identifier ("]E0", "]C1", "]d2", "]Q3", ...), which says GS1 or not;
 *   2. GS1 element strings (GS1 identifier, a GS character, "(01)..." or a leading AI 00/01/02) -> 'gs1';
 *   3. digits by length: 8 = EAN-8 or UPC-E, 12 = UPC-A, 13 = EAN-13, 14 = ITF-14 (read as AI 01).
 * Codes in the store ranges (EAN-13 20-29, UPC-A number system 2) go through the store's barcode rules
 * (barcode-rules.ts): a scale label -> 'variable' with itemCode and weightGrams or price.
 *
 * An 8-digit code can be both a valid EAN-8 and a valid UPC-E. UPC-E always starts with 0 or 1, and
 * EAN-8 codes starting with 0 are store-internal numbers, so UPC-E wins unless the symbology identifier
 * says EAN-8 ("]E4"); the EAN-8 reading comes back as `alternative` for the lookup to try second.
 */

import { hasValidGtinCheckDigit } from './gtin.ts';
import { expandUpcE } from './barcode-upce.ts';
import { GS, parseGs1ElementString } from './barcode-gs1.ts';
import type { Gs1Options } from './barcode-gs1.ts';
import { barcodeFailure } from './barcode-result.ts';
import type { ParseResult, RetailBarcode } from './barcode-result.ts';
import { isStoreCodeRange } from './barcode-rules.ts';
import type { BarcodeRules } from './barcode-rules.ts';
import { readStoreCode } from './barcode-variable.ts';

export type {
  BarcodeFailure,
  BarcodeFailureReason,
  BarcodeKind,
  Gs1Barcode,
  ParsedBarcode,
  ParseResult,
  RetailBarcode,
  VariableMeasureBarcode,
} from './barcode-result.ts';
export type { BarcodeRule, BarcodeRules, StoreCodeRule, VariableMeasureRule } from './barcode-rules.ts';

export type BarcodeParseOptions = Gs1Options;

/** Symbology identifiers (AIM "]" + code + modifier) whose data is a GS1 element string. */
const GS1_SYMBOLOGIES = new Set(['C1', 'd2', 'Q3', 'e0', 'J1']);
/** Scanners end or pad transmissions with these; GS is not among them, it is data. */
const SCAN_NOISE = /^[ \t\r\n]+|[ \t\r\n]+$/g;
/** Digits-only or not, a string opening with a complete AI 00/01/02 value is an element string. */
const OPENS_WITH_FIXED_AI = /^(?:0[12]\d{14}|00\d{18})/;

/**
 * Reads a scanned code. `rules` (the store's config.barcodeRules) are needed only for store codes in
 * the ranges 20-29 / 02; `options.currencyExponent` (default 0, VND) only for GS1 prices (392n).
 */
export function parseBarcode(raw: string, rules?: BarcodeRules, options: BarcodeParseOptions = {}): ParseResult {
  if (typeof raw !== 'string') return barcodeFailure('empty', 'no text was scanned');
  const text = raw.replace(SCAN_NOISE, '');
  if (text === '') return barcodeFailure('empty', 'no text was scanned');

  let symbology: string | undefined;
  let data = text;
  if (/^\][A-Za-z][0-9A-Za-z]/.test(text)) {
    symbology = text.slice(1, 3);
    data = text.slice(3);
    if (data === '') return barcodeFailure('empty', `only the symbology identifier ]${symbology} was scanned`);
  }

  if (symbology !== undefined && GS1_SYMBOLOGIES.has(symbology)) return parseGs1ElementString(data, options);
  if (/^\d+$/.test(data) && [8, 12, 13, 14].includes(data.length)) return readDigits(data, symbology, rules);
  if (data.startsWith('(') || data.includes(GS) || OPENS_WITH_FIXED_AI.test(data)) return parseGs1ElementString(data, options);
  if (/^\d+$/.test(data)) {
    return barcodeFailure('bad-length', `${data.length} digits: EAN-13 has 13, UPC-A 12, EAN-8 and UPC-E 8, ITF-14 14`);
  }
  return barcodeFailure('not-digits', `${JSON.stringify(data.slice(0, 40))} is neither a product number nor a GS1 element string`);
}

function readDigits(digits: string, symbology: string | undefined, rules: BarcodeRules | undefined): ParseResult {
  switch (digits.length) {
    case 8:
      return readEightDigits(digits, symbology);
    case 12:
      if (!hasValidGtinCheckDigit(digits)) return badCheckDigit('UPC-A', digits);
      if (isStoreCodeRange('0' + digits)) return readStoreCode('0' + digits, 'upca', rules);
      return { ok: true, kind: 'upca', gtin: digits.padStart(14, '0') };
    case 13:
      if (!hasValidGtinCheckDigit(digits)) return badCheckDigit('EAN-13', digits);
      if (isStoreCodeRange(digits)) return readStoreCode(digits, 'ean13', rules);
      return { ok: true, kind: 'ean13', gtin: digits.padStart(14, '0') };
    default:
      // ITF-14 on an outer case: a GTIN-14 with no AI, i.e. what (01) would carry.
      if (!hasValidGtinCheckDigit(digits)) return badCheckDigit('ITF-14', digits);
      return { ok: true, kind: 'gs1', ais: { '01': digits }, gtin: digits };
  }
}

function readEightDigits(digits: string, symbology: string | undefined): ParseResult {
  const ean8: RetailBarcode | null =
    symbology !== 'E0' && hasValidGtinCheckDigit(digits) ? { ok: true, kind: 'ean8', gtin: digits.padStart(14, '0') } : null;
  const upca = symbology === 'E4' ? null : expandUpcE(digits);
  const upce: RetailBarcode | null =
    upca !== null && hasValidGtinCheckDigit(upca) ? { ok: true, kind: 'upce', gtin: upca.padStart(14, '0') } : null;
  if (upce !== null) return ean8 === null ? upce : { ...upce, alternative: { kind: 'ean8', gtin: ean8.gtin } };
  if (ean8 !== null) return ean8;
  const readings = upca === null ? 'EAN-8' : `EAN-8 or as UPC-E (expanded ${upca})`;
  return barcodeFailure('bad-check-digit', `${digits}: the check digit is wrong read as ${readings}`);
}

function badCheckDigit(symbol: string, digits: string): ParseResult {
  return barcodeFailure('bad-check-digit', `${digits}: the last digit is not the ${symbol} check digit (a misread?)`);
}
