/*
 * How Vietnamese text reaches a thermal printer without losing a single accent.
 *
 * Three ways, chosen per printer model (printer-profile.ts):
 *   - tcvn3: TCVN 5712 (VN3). Every Vietnamese lowercase letter is one precomposed byte; the accented
 *     capitals live in a second page (tcvn3capitals) that the encoder switches to and back on its own.
 *     One letter = one cell, so columns line up exactly. Preferred when the printer has it.
 *   - windows1258: Microsoft's Vietnamese page has the base letters (ă â ê ô ơ ư đ) but most toned
 *     letters only as base + combining tone mark, two bytes. Text is converted to that form here, and
 *     each tone mark is counted as a cell (most printers print it in a cell of its own; one that
 *     overstrikes prints a row a little shorter, never one that overflows and wraps).
 *   - raster: the printer has neither page. Any row that is not plain ASCII is drawn as an image.
 * Whatever the way, a row with any character the page cannot hold is drawn as an image instead, so a
 * customer never reads a '?' where a letter should be.
 */
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import type { Codepage } from '@point-of-sale/codepage-encoder';
import { measureByCharacter } from './text-columns.ts';
import type { MeasureText } from './text-columns.ts';

export type VietnameseMode = 'tcvn3' | 'windows1258' | 'raster';

/** Code pages the encoder may use for text in each mode, in order of preference. */
export const CODEPAGES_BY_MODE: Record<VietnameseMode, readonly Codepage[]> = {
  tcvn3: ['tcvn3', 'tcvn3capitals'],
  windows1258: ['windows1258'],
  raster: [],
};

const codepointSets = new Map<Codepage, ReadonlySet<number>>();

function codepointsOf(codepage: Codepage): ReadonlySet<number> {
  let set = codepointSets.get(codepage);
  if (set === undefined) {
    // Position 0x3F is '?', the encoder's stand-in for what is missing: keep it, it is a real '?'.
    set = new Set(CodepageEncoder.getEncoding(codepage).codepoints.filter((codepoint) => codepoint !== undefined && codepoint !== 0xfffd));
    codepointSets.set(codepage, set);
  }
  return set;
}

/** True when some code page of `codepages` holds the character (plain ASCII always counts). */
function printableIn(char: string, codepages: readonly Codepage[]): boolean {
  const codepoint = char.codePointAt(0) ?? 0;
  if (codepoint >= 0x20 && codepoint < 0x7f) return true;
  return codepages.some((codepage) => codepointsOf(codepage).has(codepoint));
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** "sữa" -> "sư" + U+0303 + "a": the precomposed letter where windows-1258 has it, else base + tone mark. */
export function toWindows1258Form(text: string): string {
  let result = '';
  for (const char of text.normalize('NFC')) {
    if (printableIn(char, ['windows1258'])) {
      result += char;
      continue;
    }
    const decomposed = char.normalize('NFD');
    const tones = decomposed.match(TONE_MARKS) ?? [];
    const base = decomposed.replace(TONE_MARKS, '').normalize('NFC');
    const parts = [base, ...tones];
    // Anything the page still cannot hold stays as it was, and its row goes out as an image.
    result += tones.length === 1 && parts.every((part) => printableIn(part, ['windows1258'])) ? parts.join('') : char;
  }
  return result;
}

// Swaps that keep a row's width: Intl's no-break spaces in money and dates, and typography.
const SAME_WIDTH_SWAPS: Readonly<Record<string, string>> = {
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u00d7': 'x',
  '\u2013': '-',
  '\u2014': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
};

/** A row as the printer's code page will carry it, and whether it can carry all of it. */
export interface PrinterText {
  readonly text: string;
  readonly encodable: boolean;
}

/** What `text` becomes in `mode`, and whether every character survives as text. */
export function toPrinterText(text: string, mode: VietnameseMode): PrinterText {
  const codepages = CODEPAGES_BY_MODE[mode];
  let swapped = '';
  for (const char of text.normalize('NFC')) {
    let out = SAME_WIDTH_SWAPS[char] ?? char;
    // The dong sign is not in TCVN3, but Vietnamese receipts have always printed it as "đ".
    if (out === '\u20ab' && !printableIn(out, codepages) && printableIn('đ', codepages)) out = 'đ';
    // The code page tables list TCVN3's capital Đ under U+00D0 (Ð), a letter drawn the same way.
    if (out === '\u0110' && !printableIn(out, codepages) && printableIn('\u00d0', codepages)) out = '\u00d0';
    swapped += out;
  }
  const converted = mode === 'windows1258' ? toWindows1258Form(swapped) : swapped;
  const encodable = [...converted].every((char) => printableIn(char, codepages));
  return { text: converted, encodable };
}

/** Cells a row takes on a printer in `mode` (see the file header for windows-1258). */
export function measureFor(mode: VietnameseMode): MeasureText {
  if (mode !== 'windows1258') return measureByCharacter;
  return (text) => {
    const printed = toPrinterText(text, mode);
    return printed.encodable ? printed.text.length : measureByCharacter(text);
  };
}
