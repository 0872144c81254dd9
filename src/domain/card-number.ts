/*
 * Recognises a bank card number (a PAN) in free text, so that none is ever stored, synced or exported: the
 * POS takes cards only through the external terminal, and a stored PAN would put the devices, the server
 * and its backups in PCI DSS scope. One function for the app (refuse at entry) and the server (mask before
 * storing, and flag the document), so both draw the line in the same place.
 *
 * What counts as a card number: 13 to 19 digits, whatever separators stand between them (spaces, dashes,
 * dots, slashes, underscores and the like: "4111.1111.1111.1111", "4111/1111/1111/1111"), that pass the
 * Luhn check and start like a number of a card network:
 *   Visa 4 · Mastercard 51-55 and 2221-2720 · American Express 34, 37 · JCB 3528-3589 · Diners 300-305,
 *   36, 38-39 · Discover 6011, 644-649, 65 · UnionPay 62 and 8100-8171 · NAPAS (Vietnam's domestic
 *   cards) 9704.
 * Digits glued to a card number do not hide it: candidates are taken from the start and from the end of
 * every group of digits in a run, so "4111111111111111 5" and "94111111111111111" are both caught.
 *
 * What does not count, so that selling never trips on it: a 13- or 14-digit run that is a valid GTIN
 * (EAN-13 or GTIN-14 check digit) is a product code; a UUID ("0190f3c2-7a1b-7cc0-9d2e-...", every id the
 * devices make) and an ISO date-time ("2024-06-01T09:15:00", "2024-06-01 09:15:00") are read as what they
 * are, never as digits to check, since their digit groups can add up to a Luhn-valid run by chance; and a
 * caller may name its own codes (gift-card numbers, receipt numbers) through `isKnownCode`. A masked PAN
 * ("411111******1111") has too few digits to be one.
 */
import { hasValidGtinCheckDigit } from './gtin.ts';

export interface CardNumberMatch {
  /** Where the card number starts and ends in the text (end exclusive), separators included. */
  readonly start: number;
  readonly end: number;
  /** Its digits alone. */
  readonly digits: string;
}

export interface CardNumberOptions {
  /** A run of digits the caller knows is one of its own codes (a gift card, a receipt number): never a card. */
  readonly isKnownCode?: (digits: string) => boolean;
}

const MIN_LENGTH = 13;
const MAX_LENGTH = 19;
/** Digits with at most three separator characters between two of them; letters end a run. */
const DIGIT_RUN = /\d(?:[^\p{L}\p{N}]{0,3}\d)*/gu;
/** Shapes whose digits are not a card number: a UUID, an ISO 8601 date and time. */
const NOT_CARD_SHAPES = [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?/gi];

/** The text with every UUID and date-time replaced by letters of the same length, so no digit run crosses them. */
function withoutNonCardShapes(text: string): string {
  let out = text;
  for (const shape of NOT_CARD_SHAPES) out = out.replace(shape, (found) => 'x'.repeat(found.length));
  return out;
}

/** Luhn (mod 10) check over a string of digits, as card numbers carry. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function inRange(digits: string, width: number, low: number, high: number): boolean {
  const head = Number(digits.slice(0, width));
  return digits.length >= width && head >= low && head <= high;
}

/** Whether the digits start like a number of one of the card networks listed at the top of this file. */
export function startsLikeCardNetwork(digits: string): boolean {
  return (
    digits.startsWith('4') ||
    inRange(digits, 2, 51, 55) ||
    inRange(digits, 4, 2221, 2720) ||
    inRange(digits, 2, 34, 34) ||
    inRange(digits, 2, 37, 37) ||
    inRange(digits, 4, 3528, 3589) ||
    inRange(digits, 3, 300, 305) ||
    inRange(digits, 2, 36, 36) ||
    inRange(digits, 2, 38, 39) ||
    digits.startsWith('6011') ||
    inRange(digits, 3, 644, 649) ||
    digits.startsWith('65') ||
    digits.startsWith('62') ||
    inRange(digits, 4, 8100, 8171) ||
    digits.startsWith('9704')
  );
}

function isCardNumber(digits: string): boolean {
  return digits.length >= MIN_LENGTH && digits.length <= MAX_LENGTH && startsLikeCardNetwork(digits) && passesLuhn(digits);
}

function isProductCode(digits: string): boolean {
  return (digits.length === 13 || digits.length === 14) && hasValidGtinCheckDigit(digits);
}

interface Digit {
  readonly char: string;
  /** Index in the text. */
  readonly at: number;
  /** Whether a separator stands right before it (it starts a group). */
  readonly groupStart: boolean;
}

/** The card numbers in a text, first to last, without overlaps. */
export function findCardNumbers(text: string, options: CardNumberOptions = {}): CardNumberMatch[] {
  const matches: CardNumberMatch[] = [];
  for (const run of withoutNonCardShapes(text).matchAll(DIGIT_RUN)) {
    const runText = run[0];
    const offset = run.index ?? 0;
    const digits: Digit[] = [];
    for (let i = 0; i < runText.length; i += 1) {
      const char = runText[i] ?? '';
      if (char >= '0' && char <= '9') digits.push({ char, at: offset + i, groupStart: i === 0 || !(runText[i - 1]! >= '0' && runText[i - 1]! <= '9') });
    }
    if (digits.length < MIN_LENGTH) continue;
    const all = digits.map((digit) => digit.char).join('');
    if (options.isKnownCode?.(all) === true || isProductCode(all)) continue;
    matches.push(...cardNumbersInRun(digits, all));
  }
  return matches;
}

function cardNumbersInRun(digits: readonly Digit[], all: string): CardNumberMatch[] {
  // Candidate windows start at a group's first digit or end at a group's last digit.
  const starts = new Set<number>();
  const ends = new Set<number>();
  digits.forEach((digit, index) => {
    if (digit.groupStart) {
      starts.add(index);
      if (index > 0) ends.add(index);
    }
  });
  ends.add(digits.length);
  const found: CardNumberMatch[] = [];
  let from = 0;
  const windows: Array<[number, number]> = [];
  for (const start of starts) for (let length = MAX_LENGTH; length >= MIN_LENGTH; length -= 1) windows.push([start, start + length]);
  for (const end of ends) for (let length = MAX_LENGTH; length >= MIN_LENGTH; length -= 1) windows.push([end - length, end]);
  windows.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  for (const [start, end] of windows) {
    if (start < from || end > digits.length) continue;
    const candidate = all.slice(start, end);
    if (!isCardNumber(candidate)) continue;
    found.push({ start: digits[start]!.at, end: digits[end - 1]!.at + 1, digits: candidate });
    from = end;
  }
  return found;
}

/** Whether the text holds a card number. */
export function containsCardNumber(text: string, options?: CardNumberOptions): boolean {
  return findCardNumbers(text, options).length > 0;
}

/** A card number as it may be kept: its first six and last four digits, the rest as "*". */
export function maskedCardNumber(digits: string): string {
  return `${digits.slice(0, 6)}${'*'.repeat(Math.max(0, digits.length - 10))}${digits.slice(-4)}`;
}

/** The text with every card number in it masked (first 6 and last 4 digits, separators dropped), and how many there were. */
export function maskCardNumbers(text: string, options?: CardNumberOptions): { readonly text: string; readonly masked: number } {
  const matches = findCardNumbers(text, options);
  if (matches.length === 0) return { text, masked: 0 };
  let out = '';
  let at = 0;
  for (const match of matches) {
    out += text.slice(at, match.start) + maskedCardNumber(match.digits);
    at = match.end;
  }
  return { text: out + text.slice(at), masked: matches.length };
}
