/*
 * A catalog file as a sheet of cell texts (headings and rows, each row with its line number as a
 * spreadsheet shows it): CSV through csv-parse, Excel .xlsx through exceljs, never a hand-written reader.
 * What the cells mean is checked afterwards, the same for both (src/domain/catalog-import.ts).
 *
 * CSV: UTF-8 (a byte-order mark, as Excel's "CSV UTF-8" writes, is dropped); other encodings are refused
 * with the line of the first byte that is not UTF-8, never guessed. The separator is the one the heading
 * row uses most of comma, semicolon and tab (Excel in a Vietnamese locale writes ";"). A line is a record:
 * a quoted cell spanning several text lines is one row, as in a spreadsheet. Quotes inside an unquoted cell
 * (TV 32") are kept as text.
 * XLSX: the first worksheet; each cell's value, not its display: a number is written out in full
 * (12500, not "12,500"), so a price typed with decimals is seen as such and refused; a formula gives its
 * result. A workbook is unzipped in memory, so the route caps the file's size (routes/catalog-import.ts) and
 * workbook-size.ts what it unzips to (a zip bomb is refused before exceljs inflates it).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { CatalogSheet, ImportProblemDetail, SheetRow } from '../../../src/domain/catalog-import.ts';
import { measureWorkbook } from './workbook-size.ts';

export type CatalogFileKind = 'csv' | 'xlsx';

export type ReadCatalogFile = { ok: true; sheet: CatalogSheet } | { ok: false; line: number; detail: ImportProblemDetail };

export async function readCatalogFile(body: Buffer, kind: CatalogFileKind): Promise<ReadCatalogFile> {
  return kind === 'csv' ? readCsv(body) : readXlsx(body);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function readCsv(body: Buffer): ReadCatalogFile {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { ok: false, line: firstLineNotUtf8(body), detail: { kind: 'not-utf8' } };
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: separatorOf(firstLine),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const csvError = error as Error & { records?: number };
    return { ok: false, line: (csvError.records ?? 0) + 1, detail: { kind: 'csv-syntax', reason: csvError.message } };
  }
  const [headings = [], ...rest] = records;
  return { ok: true, sheet: { headings, rows: rest.map((cells, i): SheetRow => ({ line: i + 2, cells })) } };
}

function separatorOf(headingLine: string): string {
  const counts = [',', ';', '\t'].map((separator) => ({ separator, n: headingLine.split(separator).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n === 0 ? ',' : best.separator;
}

function firstLineNotUtf8(body: Buffer): number {
  let line = 1;
  let start = 0;
  while (start <= body.length) {
    const end = body.indexOf(0x0a, start);
    const stop = end === -1 ? body.length : end;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(start, stop));
    } catch {
      return line;
    }
    if (end === -1) break;
    line += 1;
    start = end + 1;
  }
  return line;
}

async function readXlsx(body: Buffer): Promise<ReadCatalogFile> {
  const size = await measureWorkbook(body);
  if (!size.ok) {
    if (size.reason === 'not-a-zip') return { ok: false, line: 1, detail: { kind: 'not-xlsx', reason: size.message } };
    if (size.reason === 'too-many-entries') return { ok: false, line: 1, detail: { kind: 'not-xlsx', reason: `more than ${size.limit} parts in the zip` } };
    return { ok: false, line: 1, detail: { kind: 'xlsx-too-large', limitMb: Math.round(size.limit / (1024 * 1024)) } };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer (its own Buffer declaration); JSZip reads one as it is.
    const bytes: ArrayBuffer = new Uint8Array(body).buffer;
    await workbook.xlsx.load(bytes);
  } catch (error) {
    return { ok: false, line: 1, detail: { kind: 'not-xlsx', reason: (error as Error).message.slice(0, 200) } };
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return { ok: false, line: 1, detail: { kind: 'not-xlsx', reason: 'the workbook has no worksheet' } };
  let headings: string[] = [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based: index 0 is always empty.
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]));
    if (line === 1) headings = cells;
    else rows.push({ line, cells });
  });
  return { ok: true, sheet: { headings, rows } };
}

/** What a cell holds, as text: numbers in full, a formula's result, rich text joined. */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue | undefined);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/** A whole number as all its digits (no exponent below 2^53); anything else as JavaScript writes it. */
function numberText(value: number): string {
  if (Number.isSafeInteger(value)) return value.toFixed(0);
  return String(value);
}
