/*
 * GS1 element strings: the AI-tagged data in GS1-128, GS1 DataMatrix, GS1 QR and GS1 DataBar symbols,
 * e.g. a pack of fresh fish with its GTIN, expiry date, lot and net weight. Two spellings reach us:
 *   - as a scanner transmits it: "0109506000134352" + "17261231" + "10ABC" + GS + "3103001250", where
 *     GS (ASCII 29, the FNC1 separator) ends a variable-length value unless it is the last one;
 *   - as printed under the bars (human-readable): "(01)09506000134352(17)261231(10)ABC(3103)001250".
 * Both give the same element map. Weight (310n, kilograms with n decimals) and price (392n, local
 * currency with n decimals) are converted with integer arithmetic to grams and minor units.
 */

import { gtinCheckDigit } from './gtin.ts';
import { lookupAi } from './barcode-gs1-ais.ts';
import type { ResolvedAi } from './barcode-gs1-ais.ts';
import { barcodeFailure } from './barcode-result.ts';
import type { BarcodeFailure, Gs1Barcode } from './barcode-result.ts';

/** ASCII group separator: how scanners transmit FNC1 between variable-length values. */
export const GS = '\u001d';

export interface Gs1Options {
  /** Decimal places of the store currency, to turn 392n into minor units. 0 (VND) by default. */
  readonly currencyExponent?: number;
}

interface Element {
  readonly resolved: ResolvedAi;
  readonly value: string;
}

/** GS1 character set 82: what an 'X' value may contain (note: no space). */
const CSET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Parses an element string whose symbology identifier (if any) is already removed. */
export function parseGs1ElementString(data: string, options: Gs1Options = {}): Gs1Barcode | BarcodeFailure {
  const split = data.startsWith('(') ? splitHumanReadable(data) : splitTransmitted(data);
  if (!Array.isArray(split)) return split;
  if (split.length === 0) return barcodeFailure('bad-gs1', 'the element string holds no AI');

  const ais: Record<string, string> = {};
  for (const { resolved, value } of split) {
    const problem = valueProblem(resolved, value);
    if (problem !== null) return barcodeFailure('bad-ai-value', `(${resolved.ai}) ${JSON.stringify(value)}: ${problem}`);
    const earlier = ais[resolved.ai];
    if (earlier !== undefined && earlier !== value) {
      return barcodeFailure('bad-gs1', `(${resolved.ai}) appears twice with different values`);
    }
    ais[resolved.ai] = value;
  }

  const weight = singleWithStem(ais, '310', 'net weights');
  if (typeof weight === 'object') return weight;
  const price = singleWithStem(ais, '392', 'prices');
  if (typeof price === 'object') return price;

  const result: { -readonly [K in keyof Gs1Barcode]: Gs1Barcode[K] } = { ok: true, kind: 'gs1', ais };
  const gtin = ais['01'];
  if (gtin !== undefined) result.gtin = gtin;
  if (weight !== undefined) result.weightGrams = kilogramsToGrams(ais[weight] ?? '', Number(weight.charAt(3)));
  if (price !== undefined) {
    const minor = priceToMinorUnits(ais[price] ?? '', Number(price.charAt(3)), options.currencyExponent ?? 0);
    if (typeof minor === 'object') return minor;
    result.price = minor;
  }
  return result;
}

/** "(01)...(10)..." -> elements. Every "(digits)" is an AI boundary: GS1 values never need to spell one. */
function splitHumanReadable(data: string): Element[] | BarcodeFailure {
  const tokens = [...data.matchAll(/\((\d{2,4})\)/g)];
  const first = tokens[0];
  if (first === undefined || first.index !== 0) {
    return barcodeFailure('bad-gs1', 'a human-readable element string must start with an AI in parentheses, e.g. (01)');
  }
  const elements: Element[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as RegExpExecArray;
    const aiText = token[1] ?? '';
    const resolved = lookupAi(aiText);
    if (resolved === null || resolved.ai !== aiText) {
      return barcodeFailure('unknown-ai', `(${aiText}) is not a GS1 Application Identifier this parser knows`);
    }
    const start = token.index + token[0].length;
    const end = tokens[i + 1]?.index ?? data.length;
    // Spaces are not in the GS1 character set, so any around a value are layout, not data.
    elements.push({ resolved, value: data.slice(start, end).trim() });
  }
  return elements;
}

/** As transmitted: AIs back to back, GS after each variable-length value except the last. */
function splitTransmitted(data: string): Element[] | BarcodeFailure {
  const elements: Element[] = [];
  let pos = 0;
  while (pos < data.length) {
    // A GS at the start, doubled, or after a predefined-length value is redundant but harmless.
    if (data.charAt(pos) === GS) {
      pos++;
      continue;
    }
    const resolved = lookupAi(data.slice(pos, pos + 4));
    if (resolved === null) {
      const reason = /^\d\d/.test(data.slice(pos, pos + 2)) ? 'unknown-ai' : 'bad-gs1';
      return barcodeFailure(reason, `no known AI at position ${pos}: ${JSON.stringify(data.slice(pos, pos + 4))}`);
    }
    pos += resolved.ai.length;
    let end: number;
    if (resolved.predefinedLength) {
      end = Math.min(pos + resolved.spec.maxLength, data.length);
    } else {
      end = data.indexOf(GS, pos);
      if (end === -1) end = data.length;
    }
    elements.push({ resolved, value: data.slice(pos, end) });
    pos = end;
  }
  return elements;
}

/** What is wrong with a value for its AI, or null. */
function valueProblem({ spec, predefinedLength }: ResolvedAi, value: string): string | null {
  if (value.length < spec.minLength || value.length > spec.maxLength) {
    const size = spec.minLength === spec.maxLength ? `${spec.maxLength}` : `${spec.minLength} to ${spec.maxLength}`;
    const hint = !predefinedLength && value.length > spec.maxLength ? ' (a GS separator may be missing)' : '';
    return `${value.length} characters, needs ${size}${hint}`;
  }
  if (spec.charset === 'N' && !/^\d+$/.test(value)) return 'must be digits only';
  if (spec.charset === 'X' && !CSET_82.test(value)) return 'has characters outside the GS1 character set';
  if (spec.checkDigit === true && gtinCheckDigit(value.slice(0, -1)) !== value.charCodeAt(value.length - 1) - 48) {
    return 'wrong check digit';
  }
  if (spec.date === true) {
    const month = Number(value.slice(2, 4));
    const day = Number(value.slice(4, 6));
    // Day 00 means "end of the month". YY % 4 finds leap years for every year of GS1's 1977-2076 window.
    const maxDay = month === 2 && Number(value.slice(0, 2)) % 4 !== 0 ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
    if (month < 1 || month > 12 || day > maxDay) return 'not a YYMMDD date';
  }
  return null;
}

/** The one AI with this stem (310n, 392n) if any; more than one is a contradiction, not a choice. */
function singleWithStem(ais: Record<string, string>, stem: string, what: string): string | undefined | BarcodeFailure {
  const found = Object.keys(ais).filter((ai) => ai.length === 4 && ai.startsWith(stem));
  if (found.length > 1) return barcodeFailure('bad-gs1', `more than one ${what}: ${found.join(', ')}`);
  return found[0];
}

/** 310n: kilograms with n decimals -> whole grams, half a gram and up rounding up (n > 3 only). */
function kilogramsToGrams(digits: string, places: number): number {
  const value = Number(digits); // at most 6 digits
  if (places <= 3) return value * 10 ** (3 - places);
  const divisor = 10 ** (places - 3);
  const grams = Math.floor(value / divisor);
  return value % divisor >= divisor / 2 ? grams + 1 : grams;
}

/**
 * 392n: price with n decimals -> minor units of a currency with `exponent` decimals. A price with more
 * decimals than the currency has is refused: rounding money silently is not this parser's call.
 */
function priceToMinorUnits(digits: string, places: number, exponent: number): number | BarcodeFailure {
  if (!Number.isInteger(exponent) || exponent < 0 || exponent > 6) {
    return barcodeFailure('bad-rule', `currencyExponent must be a whole number from 0 to 6, got ${exponent}`);
  }
  const value = BigInt(digits);
  let minor: bigint;
  if (places <= exponent) {
    minor = value * 10n ** BigInt(exponent - places);
  } else {
    const divisor = 10n ** BigInt(places - exponent);
    if (value % divisor !== 0n) {
      return barcodeFailure('bad-ai-value', `(392${places}) ${digits}: has more decimals than the currency (${exponent})`);
    }
    minor = value / divisor;
  }
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    return barcodeFailure('bad-ai-value', `(392${places}) ${digits}: too large a price`);
  }
  return Number(minor);
}
