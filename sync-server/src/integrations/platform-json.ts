/*
 * Reading a platform's JSON without losing a digit: lossless-json keeps every number as the text it was sent
 * as (Shopify's order ids pass 2^53; Haravan's money comes as 240000.0000), so amounts are read digit by digit
 * (src/domain/decimal-amount.ts) and ids stay exact. A field's problem is told with its path in the body
 * ("body/line_items/2/price"), for the 400 the platform (or its developer) reads.
 */
import { isLosslessNumber, parse } from 'lossless-json';
import { readDecimalAmount } from '../../../src/domain/decimal-amount.ts';

export type JsonObject = { readonly [key: string]: unknown };

/** A field the mapping cannot take: the 400 names its path. */
export class PayloadProblem extends Error {
  override name = 'PayloadProblem';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** The body as JSON with numbers kept as their text; a body that is not JSON throws a PayloadProblem. */
export function parsePlatformJson(raw: Buffer | string): unknown {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  try {
    return parse(text);
  } catch (error) {
    throw new PayloadProblem('body', `is not valid JSON (${(error as Error).message})`);
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value);
}

/** Reads fields of one JSON object, knowing its path for the messages. */
export class FieldReader {
  constructor(
    readonly value: JsonObject,
    readonly path: string,
  ) {}

  static of(value: unknown, path = 'body'): FieldReader {
    if (!isObject(value)) throw new PayloadProblem(path, 'must be a JSON object');
    return new FieldReader(value, path);
  }

  at(key: string): string {
    return `${this.path}/${key}`;
  }

  has(key: string): boolean {
    const v = this.value[key];
    return v !== undefined && v !== null;
  }

  /** A nested object, or undefined when absent or null. */
  object(key: string): FieldReader | undefined {
    const v = this.value[key];
    if (v === undefined || v === null) return undefined;
    return FieldReader.of(v, this.at(key));
  }

  /** The readers of an array of objects (absent or null: none). */
  objects(key: string): FieldReader[] {
    const v = this.value[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw new PayloadProblem(this.at(key), 'must be an array');
    return (v as unknown[]).map((item, index) => FieldReader.of(item, `${this.at(key)}/${index}`));
  }

  /** Text, or a number's exact text (ids); undefined when absent, null or empty. */
  optionalText(key: string): string | undefined {
    const v = this.value[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
    if (isLosslessNumber(v)) return v.value;
    if (typeof v === 'boolean') return String(v);
    throw new PayloadProblem(this.at(key), 'must be text or a number');
  }

  text(key: string): string {
    const v = this.optionalText(key);
    if (v === undefined) throw new PayloadProblem(this.at(key), 'is missing');
    return v;
  }

  /** An id: digits or text, at most 64 characters. */
  id(key: string): string {
    const v = this.text(key);
    if (v.length > 64) throw new PayloadProblem(this.at(key), 'is longer than 64 characters');
    return v;
  }

  /** An amount (decimal text or a JSON number) in minor units of a currency with `minorDigits`. */
  amount(key: string, minorDigits: number): number {
    const v = this.value[key];
    const text = typeof v === 'string' ? v.trim() : isLosslessNumber(v) ? v.value : undefined;
    if (text === undefined) throw new PayloadProblem(this.at(key), v === undefined || v === null ? 'is missing' : 'must be a decimal amount');
    const read = readDecimalAmount(text, minorDigits);
    if (!read.ok) throw new PayloadProblem(this.at(key), read.message);
    return read.amount;
  }

  optionalAmount(key: string, minorDigits: number): number | undefined {
    return this.has(key) ? this.amount(key, minorDigits) : undefined;
  }

  /** A time, as an ISO-8601 instant (UTC); `assumeUtc` for WooCommerce's *_gmt fields, which carry no zone. */
  time(key: string, assumeUtc = false): string {
    const text = this.text(key);
    const withZone = assumeUtc && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text) ? `${text}Z` : text;
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(withZone)) throw new PayloadProblem(this.at(key), `"${text}" is not an ISO-8601 date-time`);
    const ms = Date.parse(withZone);
    if (Number.isNaN(ms)) throw new PayloadProblem(this.at(key), `"${text}" is not an ISO-8601 date-time`);
    return new Date(ms).toISOString();
  }

  boolean(key: string): boolean {
    return this.value[key] === true;
  }
}
