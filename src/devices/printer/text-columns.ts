/*
 * Fixed-width text for a receipt roll: measuring, padding, wrapping and two-sided rows.
 *
 * A thermal printer's text is a grid of N cells per row (32, 42 or 48). How many cells a string takes
 * depends on how it reaches the paper, so the measure is passed in: one cell per character for
 * precomposed text (TCVN3, ASCII, raster), one per byte for windows-1258, where a tone mark is a byte
 * of its own (see vietnamese-text.ts). Everything here is pure and works on NFC strings.
 */

/** Cells a string takes on the paper. */
export type MeasureText = (text: string) => number;

const COMBINING_MARK = /\p{M}/u;

/** One cell per visible character: combining marks ride on the letter before them. */
export const measureByCharacter: MeasureText = (text) => {
  let cells = 0;
  for (const char of text.normalize('NFC')) if (!COMBINING_MARK.test(char)) cells += 1;
  return cells;
};

/** `count` spaces (none for zero or less). */
export function spaces(count: number): string {
  return count > 0 ? ' '.repeat(count) : '';
}

/** Text centred in `columns` cells (left-leaning when the spare cell count is odd). */
export function centre(text: string, columns: number, measure: MeasureText): string {
  return spaces(Math.floor((columns - measure(text)) / 2)) + text;
}

/** Text pushed to the right edge of `columns` cells. */
export function alignRight(text: string, columns: number, measure: MeasureText): string {
  return spaces(columns - measure(text)) + text;
}

/** Splits a word longer than a row into pieces of at most `columns` cells. */
function splitLongWord(word: string, columns: number, measure: MeasureText): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && measure(piece + char) > columns) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** Word-wraps text into rows of at most `columns` cells; a word too long for a row is split. */
export function wrapText(text: string, columns: number, measure: MeasureText): string[] {
  const rows: string[] = [];
  let row = '';
  for (const word of text.normalize('NFC').split(/\s+/u).filter((part) => part !== '')) {
    const candidate = row === '' ? word : `${row} ${word}`;
    if (measure(candidate) <= columns) {
      row = candidate;
      continue;
    }
    if (row !== '') rows.push(row);
    row = '';
    for (const piece of splitLongWord(word, columns, measure)) {
      if (row !== '') rows.push(row);
      row = piece;
    }
  }
  if (row !== '' || rows.length === 0) rows.push(row);
  return rows;
}

/**
 * A label on the left and a value on the right edge, as on every receipt ("Tổng cộng    145.000 ₫").
 * When both do not fit on one row, the label wraps and the value goes right-aligned on its own row.
 */
export function twoSided(label: string, value: string, columns: number, measure: MeasureText): string[] {
  const gap = columns - measure(label) - measure(value);
  if (gap >= 1) return [label + spaces(gap) + value];
  return [...wrapText(label, columns, measure), alignRight(value, columns, measure)];
}

export type CellAlign = 'left' | 'right';

/**
 * Rows of a small table (the VAT summary): each column as wide as its widest cell, one space between.
 * Returns undefined when the table is wider than the row, so the caller can stack it instead.
 */
export function tableRows(
  rows: readonly (readonly string[])[],
  aligns: readonly CellAlign[],
  columns: number,
  measure: MeasureText,
): string[] | undefined {
  const widths = aligns.map((_, index) => Math.max(0, ...rows.map((row) => measure(row[index] ?? ''))));
  const total = widths.reduce((sum, width) => sum + width, 0) + widths.length - 1;
  if (total > columns) return undefined;
  // The spare cells go to the first column so the amounts line up with the totals above.
  const first = (widths[0] ?? 0) + columns - total;
  return rows.map((row) =>
    aligns
      .map((align, index) => {
        const cell = row[index] ?? '';
        const width = index === 0 ? first : (widths[index] ?? 0);
        const pad = spaces(width - measure(cell));
        return align === 'right' ? pad + cell : cell + pad;
      })
      .join(' ')
      .trimEnd(),
  );
}
