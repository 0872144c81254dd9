/*
 * Checking a catalog file, row by row, before anything is written (all or nothing): the sheet is a list of
 * headings and rows of cell texts, as the server reads them from CSV or .xlsx; what comes out is either
 * every row as a typed CatalogRow, or every problem found, each at its line (the heading row is line 1, as a
 * spreadsheet numbers rows) and column (the heading as the file writes it), so a manager can fix them all in
 * one go. Messages in the manager's language come from catalog-import-messages.ts.
 *
 * Cell rules (the README's catalog import section says the same to shops):
 *   - price: a whole number of the currency's minor units, digits only ("12500"): no decimals ("12.5"), no
 *     exponent ("1e3"), no thousands separators ("12,500"), never negative; parsed from the text, never
 *     through a float;
 *   - barcodes: separated by "|"; no spaces inside one; a 12-14 digit code must carry its GS1 check digit
 *     (an Excel cell that turned it into "8.93456E+12" is caught and explained);
 *   - taxClass: the id or the name of one of the store's tax classes, or its rate ("8%") when only one class
 *     has that rate;
 *   - unit: pcs or kg (cái, chiếc, kí, ký ... accepted); weighed: yes/no, true/false, 1/0, x, có/không;
 *   - stock: the opening stock in the product's unit, up to 3 decimals for kg, kept as thousandths;
 *   - image: the product's picture, an https URL or a path on the POS server (product-image.ts).
 * A column the file has is the truth for its rows (an empty barcodes, category or image cell means none); a
 * column it lacks leaves existing products as they are. An empty unit or weighed cell keeps what the
 * product had (a new product: pcs, weighed when sold by kg).
 */
import { columnOfHeading, REQUIRED_COLUMNS } from './catalog-import-columns.ts';
import type { CatalogColumn } from './catalog-import-columns.ts';
import { hasValidGtinCheckDigit } from './gtin.ts';
import { checkProductImage } from './product-image.ts';
import type { ProductImageProblem } from './product-image.ts';
import { foldForSearch } from './search-text.ts';

export const MAX_CATALOG_ROWS = 200_000;
export const MAX_PRICE = 1_000_000_000_000;
export const MAX_BARCODES = 20;
/** Largest opening stock, in units (kept as thousandths). */
export const MAX_STOCK_UNITS = 1_000_000_000;
const MAX_LENGTH: Readonly<Record<'sku' | 'name' | 'category' | 'barcode', number>> = { sku: 64, name: 200, category: 100, barcode: 64 };

export interface SheetRow {
  /** The row's number as a spreadsheet shows it (the heading row is 1). */
  line: number;
  cells: readonly string[];
}

export interface CatalogSheet {
  headings: readonly string[];
  rows: readonly SheetRow[];
}

export interface ImportTaxClass {
  id: string;
  name: string;
  rateBasisPoints: number;
}

export interface CatalogImportContext {
  taxClasses: readonly ImportTaxClass[];
}

export type ProductUnit = 'pcs' | 'kg';

/** One good row. An optional field left undefined was not given: the product keeps what it had. */
export interface CatalogRow {
  line: number;
  sku: string;
  name: string;
  price: number;
  taxClassId: string;
  barcodes?: string[];
  unit?: ProductUnit;
  weighed?: boolean;
  /** null: the cell was empty, the product has no category. */
  category?: string | null;
  /** Opening stock in thousandths of the unit. */
  stock?: number;
  /** null: the cell was empty, the product has no picture. */
  image?: string | null;
}

export type ImportProblemDetail =
  // The file as a whole (the server's reader finds these).
  | { kind: 'not-utf8' }
  | { kind: 'not-xlsx'; reason: string }
  | { kind: 'xlsx-too-large'; limitMb: number }
  | { kind: 'csv-syntax'; reason: string }
  | { kind: 'no-headings' }
  | { kind: 'no-rows' }
  | { kind: 'too-many-rows'; max: number }
  | { kind: 'missing-column'; column: CatalogColumn }
  | { kind: 'duplicate-column'; column: CatalogColumn; firstHeading: string }
  | { kind: 'extra-cells'; count: number }
  | { kind: 'required' }
  | { kind: 'too-long'; max: number }
  | { kind: 'control-character' }
  | { kind: 'duplicate-sku'; sku: string; firstLine: number }
  | { kind: 'price-not-whole'; value: string; why: 'decimal' | 'exponent' | 'separator' | 'negative' | 'not-a-number' }
  | { kind: 'price-too-large'; value: string; max: number }
  | { kind: 'unknown-tax-class'; value: string; known: string[] }
  | { kind: 'ambiguous-tax-class'; value: string; candidates: string[] }
  | { kind: 'unknown-unit'; value: string }
  | { kind: 'not-yes-or-no'; value: string }
  | { kind: 'weighed-needs-kg' }
  | { kind: 'too-many-barcodes'; count: number; max: number }
  | { kind: 'barcode-scientific'; value: string }
  | { kind: 'barcode-spaces'; value: string }
  | { kind: 'barcode-check-digit'; value: string }
  | { kind: 'barcode-in-two-rows'; value: string; otherLine: number; otherSku: string }
  | { kind: 'barcode-taken'; value: string; otherSku: string }
  | { kind: 'stock-not-a-number'; value: string }
  | { kind: 'stock-negative'; value: string }
  | { kind: 'stock-too-precise'; value: string; unit: ProductUnit }
  | { kind: 'stock-too-large'; value: string; max: number }
  | { kind: 'image-invalid'; value: string; why: ProductImageProblem };

export interface ImportProblem {
  line: number;
  /** The heading as the file writes it (or the column's name when the file lacks it). */
  column: string;
  detail: ImportProblemDetail;
}

export type CheckedSheet =
  | {
      ok: true;
      rows: CatalogRow[];
      /** The catalog columns the file has, and the heading it writes each with. */
      headings: Partial<Record<CatalogColumn, string>>;
      /** Headings the import does not read. */
      ignoredHeadings: string[];
    }
  | { ok: false; problems: ImportProblem[] };

const DIGITS = /^\d+$/;
const EXCEL_SCIENTIFIC = /^\d+(?:[.,]\d+)?e\+?\d+$/i;
const PCS_WORDS = new Set(['pcs', 'pc', 'piece', 'pieces', 'cai', 'chiec', 'ea', 'each', 'unit']);
const KG_WORDS = new Set(['kg', 'kgs', 'kilogram', 'kilograms', 'ki', 'ky', 'kilo']);
const YES = new Set(['yes', 'y', 'true', '1', 'x', 'co', 'c']);
const NO = new Set(['no', 'n', 'false', '0', 'khong', 'k']);

/**
 * foldForSearch of the short cells a catalog repeats (tax class, unit, yes/no: a handful of values over
 * 100,000 rows), folded once per distinct text.
 */
function foldedOnce(): (text: string) => string {
  const folded = new Map<string, string>();
  return (text) => {
    let value = folded.get(text);
    if (value === undefined) {
      value = foldForSearch(text);
      if (folded.size < 10_000) folded.set(text, value);
    }
    return value;
  };
}

/** Checks every row of a catalog sheet; problems come in line order, then column order. */
export function checkCatalogSheet(sheet: CatalogSheet, context: CatalogImportContext): CheckedSheet {
  const layout = readHeadings(sheet.headings);
  if ('problems' in layout) return { ok: false, problems: layout.problems };
  const problems: ImportProblem[] = [];
  const dataRows = sheet.rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (dataRows.length === 0) return { ok: false, problems: [{ line: 2, column: '', detail: { kind: 'no-rows' } }] };
  if (dataRows.length > MAX_CATALOG_ROWS) {
    return { ok: false, problems: [{ line: (dataRows[MAX_CATALOG_ROWS] as SheetRow).line, column: '', detail: { kind: 'too-many-rows', max: MAX_CATALOG_ROWS } }] };
  }
  const fold = foldedOnce();
  const taxClasses = taxClassMatcher(context.taxClasses, fold);
  const firstLineOfSku = new Map<string, number>();
  const barcodeOwner = new Map<string, { line: number; sku: string }>();
  const rows: CatalogRow[] = [];
  for (const sheetRow of dataRows) {
    const rowProblems: ImportProblem[] = [];
    const report = (column: CatalogColumn | '', detail: ImportProblemDetail): void => {
      rowProblems.push({ line: sheetRow.line, column: column === '' ? '' : (layout.headings[column] ?? column), detail });
    };
    const extra = sheetRow.cells.slice(layout.width).filter((c) => c.trim() !== '');
    if (extra.length > 0) report('', { kind: 'extra-cells', count: extra.length });
    const cell = (column: CatalogColumn): string | undefined => {
      const at = layout.index.get(column);
      return at === undefined ? undefined : (sheetRow.cells[at] ?? '').trim();
    };
    const sku = checkText(cell('sku') ?? '', MAX_LENGTH.sku, (d) => report('sku', d));
    const name = checkText(cell('name') ?? '', MAX_LENGTH.name, (d) => report('name', d));
    const price = checkPrice(cell('price') ?? '', (d) => report('price', d));
    const taxClassId = checkTaxClass(cell('taxClass') ?? '', taxClasses, (d) => report('taxClass', d));
    const row: CatalogRow = { line: sheetRow.line, sku: sku ?? '', name: name ?? '', price: price ?? 0, taxClassId: taxClassId ?? '' };
    const unitText = cell('unit');
    if (unitText !== undefined && unitText !== '') {
      const unit = checkUnit(fold(unitText), unitText, (d) => report('unit', d));
      if (unit !== undefined) row.unit = unit;
    }
    const weighedText = cell('weighed');
    if (weighedText !== undefined && weighedText !== '') {
      const weighed = checkYesNo(fold(weighedText), weighedText, (d) => report('weighed', d));
      if (weighed !== undefined) row.weighed = weighed;
      if (weighed === true && row.unit === 'pcs') report('weighed', { kind: 'weighed-needs-kg' });
    }
    const categoryText = cell('category');
    if (categoryText !== undefined) row.category = categoryText === '' ? null : (checkText(categoryText, MAX_LENGTH.category, (d) => report('category', d)) ?? null);
    const barcodesText = cell('barcodes');
    if (barcodesText !== undefined) row.barcodes = checkBarcodes(barcodesText, (d) => report('barcodes', d));
    const imageText = cell('image');
    if (imageText !== undefined) row.image = checkImage(imageText, (d) => report('image', d));
    const stockText = cell('stock');
    if (stockText !== undefined && stockText !== '') {
      const stock = checkStock(stockText, row.unit, (d) => report('stock', d));
      if (stock !== undefined) row.stock = stock;
    }
    if (sku !== undefined) {
      const firstLine = firstLineOfSku.get(sku);
      if (firstLine !== undefined) report('sku', { kind: 'duplicate-sku', sku, firstLine });
      else firstLineOfSku.set(sku, sheetRow.line);
    }
    for (const barcode of row.barcodes ?? []) {
      const owner = barcodeOwner.get(barcode);
      if (owner !== undefined && owner.sku !== row.sku) report('barcodes', { kind: 'barcode-in-two-rows', value: barcode, otherLine: owner.line, otherSku: owner.sku });
      else if (owner === undefined) barcodeOwner.set(barcode, { line: row.line, sku: row.sku });
    }
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else rows.push(row);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, rows, headings: layout.headings, ignoredHeadings: layout.ignored };
}

interface Layout {
  index: Map<CatalogColumn, number>;
  headings: Partial<Record<CatalogColumn, string>>;
  ignored: string[];
  width: number;
}

function readHeadings(raw: readonly string[]): Layout | { problems: ImportProblem[] } {
  const headings = raw.map((h) => h.trim());
  let width = headings.length;
  while (width > 0 && headings[width - 1] === '') width--;
  if (width === 0) return { problems: [{ line: 1, column: '', detail: { kind: 'no-headings' } }] };
  const problems: ImportProblem[] = [];
  const index = new Map<CatalogColumn, number>();
  const named: Partial<Record<CatalogColumn, string>> = {};
  const ignored: string[] = [];
  headings.slice(0, width).forEach((heading, at) => {
    if (heading === '') return;
    const column = columnOfHeading(heading);
    if (column === undefined) {
      ignored.push(heading);
      return;
    }
    const first = named[column];
    if (first !== undefined) {
      problems.push({ line: 1, column: heading, detail: { kind: 'duplicate-column', column, firstHeading: first } });
      return;
    }
    index.set(column, at);
    named[column] = heading;
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!index.has(column)) problems.push({ line: 1, column, detail: { kind: 'missing-column', column } });
  }
  if (problems.length > 0) return { problems };
  return { index, headings: named, ignored, width };
}

function checkText(text: string, max: number, report: (d: ImportProblemDetail) => void): string | undefined {
  if (text === '') return void report({ kind: 'required' });
  if (text.length > max) return void report({ kind: 'too-long', max });
  if (hasControlCharacter(text)) return void report({ kind: 'control-character' });
  return text;
}

/** A whole number of minor units from its text (never through a float). */
export function checkPrice(text: string, report: (d: ImportProblemDetail) => void): number | undefined {
  if (text === '') return void report({ kind: 'required' });
  if (!DIGITS.test(text)) {
    const why = text.startsWith('-')
      ? 'negative'
      : /^\d+(\.\d+)?e[+-]?\d+$/i.test(text)
        ? 'exponent'
        : /^\d{1,3}([.,\s]\d{3})+$/.test(text)
          ? 'separator'
          : /^\d*[.,]\d+$/.test(text)
            ? 'decimal'
            : 'not-a-number';
    return void report({ kind: 'price-not-whole', value: text, why });
  }
  const digits = text.replace(/^0+(?=\d)/, '');
  if (digits.length > 13 || Number(digits) > MAX_PRICE) return void report({ kind: 'price-too-large', value: text, max: MAX_PRICE });
  return Number(digits);
}

type TaxClassMatcher = (text: string) => { id: string } | { candidates: string[] } | undefined;

function taxClassMatcher(classes: readonly ImportTaxClass[], fold: (text: string) => string): TaxClassMatcher & { known: string[] } {
  const byKey = new Map<string, string>();
  for (const c of classes) {
    byKey.set(foldForSearch(c.id), c.id);
    byKey.set(foldForSearch(c.name), c.id);
  }
  const byRate = new Map<number, string[]>();
  for (const c of classes) byRate.set(c.rateBasisPoints, [...(byRate.get(c.rateBasisPoints) ?? []), c.id]);
  const match = (text: string): { id: string } | { candidates: string[] } | undefined => {
    const exact = byKey.get(fold(text));
    if (exact !== undefined) return { id: exact };
    const rate = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%$/.exec(text);
    if (rate === null) return undefined;
    const basisPoints = Number(rate[1]) * 100 + Number((rate[2] ?? '').padEnd(2, '0'));
    const ids = byRate.get(basisPoints) ?? [];
    if (ids.length === 1) return { id: ids[0] as string };
    return ids.length > 1 ? { candidates: ids } : undefined;
  };
  return Object.assign(match, { known: classes.map((c) => c.id) });
}

function checkTaxClass(text: string, match: ReturnType<typeof taxClassMatcher>, report: (d: ImportProblemDetail) => void): string | undefined {
  if (text === '') return void report({ kind: 'required' });
  const found = match(text);
  if (found === undefined) return void report({ kind: 'unknown-tax-class', value: text, known: match.known });
  if ('candidates' in found) return void report({ kind: 'ambiguous-tax-class', value: text, candidates: found.candidates });
  return found.id;
}

function checkUnit(folded: string, text: string, report: (d: ImportProblemDetail) => void): ProductUnit | undefined {
  const word = folded.replace(/[^a-z]/g, '');
  if (PCS_WORDS.has(word)) return 'pcs';
  if (KG_WORDS.has(word)) return 'kg';
  return void report({ kind: 'unknown-unit', value: text });
}

function checkYesNo(word: string, text: string, report: (d: ImportProblemDetail) => void): boolean | undefined {
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return void report({ kind: 'not-yes-or-no', value: text });
}

function checkBarcodes(text: string, report: (d: ImportProblemDetail) => void): string[] {
  const list: string[] = [];
  for (const part of text.split('|')) {
    const code = part.trim();
    if (code === '' || list.includes(code)) continue;
    if (EXCEL_SCIENTIFIC.test(code)) report({ kind: 'barcode-scientific', value: code });
    else if (/\s/.test(code) || hasControlCharacter(code)) report({ kind: 'barcode-spaces', value: code });
    else if (code.length > MAX_LENGTH.barcode) report({ kind: 'too-long', max: MAX_LENGTH.barcode });
    else if (DIGITS.test(code) && code.length >= 12 && code.length <= 14 && !hasValidGtinCheckDigit(code)) report({ kind: 'barcode-check-digit', value: code });
    list.push(code);
  }
  if (list.length > MAX_BARCODES) report({ kind: 'too-many-barcodes', count: list.length, max: MAX_BARCODES });
  return list;
}

/** Opening stock in thousandths of the unit: whole pieces, or kg with up to 3 decimals (a dot). */
export function checkStock(text: string, unit: ProductUnit | undefined, report: (d: ImportProblemDetail) => void): number | undefined {
  if (text.startsWith('-')) return void report({ kind: 'stock-negative', value: text });
  const parts = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (parts === null) return void report({ kind: 'stock-not-a-number', value: text });
  const whole = (parts[1] as string).replace(/^0+(?=\d)/, '');
  const fraction = (parts[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 3 || (unit === 'pcs' && fraction !== '')) return void report({ kind: 'stock-too-precise', value: text, unit: unit ?? 'kg' });
  if (whole.length > 10 || Number(whole) > MAX_STOCK_UNITS) return void report({ kind: 'stock-too-large', value: text, max: MAX_STOCK_UNITS });
  return Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
}

/** C0 control characters other than tab and line ends, and DEL: invisible in a cell, never meant. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

/** An empty cell: no picture (null); otherwise the checked address, or null with the problem reported. */
function checkImage(text: string, report: (detail: ImportProblemDetail) => void): string | null {
  if (text === '') return null;
  const checked = checkProductImage(text);
  if (checked.ok) return checked.image;
  report({ kind: 'image-invalid', value: text.length > 80 ? `${text.slice(0, 80)}…` : text, why: checked.problem });
  return null;
}
