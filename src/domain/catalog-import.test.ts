import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CATALOG_COLUMNS, columnOfHeading, headingKey } from './catalog-import-columns.ts';
import { checkCatalogSheet, checkPrice, checkStock, MAX_PRICE } from './catalog-import.ts';
import type { CatalogRow, CatalogSheet, ImportProblem, ImportProblemDetail } from './catalog-import.ts';
import { makeEan13 } from './gtin.ts';
import { VIETNAM_TAX_CLASSES } from './tax-presets.ts';

const store = { taxClasses: VIETNAM_TAX_CLASSES };
const ENGLISH = ['sku', 'name', 'barcodes', 'price', 'taxClass', 'unit', 'weighed', 'category', 'stock', 'image'];

function sheet(headings: string[], ...rows: string[][]): CatalogSheet {
  return { headings, rows: rows.map((cells, i) => ({ line: i + 2, cells })) };
}

function problemsOf(result: ReturnType<typeof checkCatalogSheet>): ImportProblem[] {
  if (result.ok) throw new Error('expected problems, the sheet was accepted');
  return result.problems;
}

function rowsOf(result: ReturnType<typeof checkCatalogSheet>): CatalogRow[] {
  if (!result.ok) throw new Error(`expected the sheet to pass: ${JSON.stringify(result.problems)}`);
  return result.rows;
}

describe('a shop imports its catalog file', () => {
  it('reads an Excel sheet headed in Vietnamese: SKU, name, barcodes, price, tax by rate, unit, weighed flag, group and stock', () => {
    const result = checkCatalogSheet(
      sheet(
        ['Mã hàng', 'Tên hàng', 'Mã vạch', 'Giá bán (VNĐ)', 'Thuế', 'ĐVT', 'Cân', 'Nhóm hàng', 'Tồn kho', 'Ghi chú'],
        ['SUA-180', 'Sữa tươi Vinamilk 180ml', '8934673123457|8934673000017', '8500', '8%', 'hộp', '', 'Sữa', '48', 'bán chạy'],
        ['THIT-BO', 'Thịt bò thăn', '', '289000', 'vat5', 'kg', 'x', 'Thịt', '12.5', ''],
      ),
      store,
    );
    expect(result.ok).toBe(false);
    // "hộp" (a box) is a piece, but the POS knows pcs and kg only: the shop is told what to write.
    expect(problemsOf(result)).toEqual([{ line: 2, column: 'ĐVT', detail: { kind: 'unknown-unit', value: 'hộp' } }]);

    const fixed = checkCatalogSheet(
      sheet(
        ['MÃ HÀNG', 'ten hang', 'Mã vạch', 'Giá bán (VNĐ)', 'Thuế', 'ĐVT', 'Cân', 'Nhóm hàng', 'Tồn kho', 'Ghi chú'],
        ['SUA-180', 'Sữa tươi Vinamilk 180ml', '8934673123457 | 8934673000017', '8500', '8%', 'cái', '', 'Sữa', '48', 'bán chạy'],
        ['THIT-BO', 'Thịt bò thăn', '', '289000', 'vat5', 'kg', 'x', 'Thịt', '12.5', ''],
      ),
      store,
    );
    if (!fixed.ok) throw new Error(JSON.stringify(fixed.problems));
    expect(fixed.ignoredHeadings).toEqual(['Ghi chú']);
    expect(fixed.rows).toEqual([
      { line: 2, sku: 'SUA-180', name: 'Sữa tươi Vinamilk 180ml', price: 8500, taxClassId: 'vat8', unit: 'pcs', category: 'Sữa', barcodes: ['8934673123457', '8934673000017'], stock: 48_000 },
      { line: 3, sku: 'THIT-BO', name: 'Thịt bò thăn', price: 289_000, taxClassId: 'vat5', unit: 'kg', weighed: true, category: 'Thịt', barcodes: [], stock: 12_500 },
    ]);
  });

  it('knows every column by its English and Vietnamese heading, whatever the case and accents', () => {
    const vietnamese = ['Mã hàng', 'Tên hàng', 'Mã vạch', 'Giá bán', 'Loại thuế', 'Đơn vị tính', 'Cân', 'Nhóm hàng', 'Tồn kho', 'Hình ảnh'];
    CATALOG_COLUMNS.forEach((column, i) => {
      expect(columnOfHeading(ENGLISH[i] as string)).toBe(column);
      expect(columnOfHeading(vietnamese[i] as string)).toBe(column);
      expect(columnOfHeading((vietnamese[i] as string).toUpperCase())).toBe(column);
      expect(columnOfHeading(` ${(vietnamese[i] as string).normalize('NFD')} `)).toBe(column);
    });
    expect(columnOfHeading('Tax class')).toBe('taxClass');
    expect(columnOfHeading('Thuế GTGT (%)')).toBe('taxClass');
    expect(columnOfHeading('Giá vốn')).toBeUndefined();
    expect(headingKey('Mã_hàng')).toBe('mahang');
  });

  it('reads a picture per product (an https link or a path on the POS server), an empty cell meaning none, and refuses anything else', () => {
    const checked = checkCatalogSheet(
      sheet(
        ['Mã hàng', 'Tên hàng', 'Giá bán', 'Thuế', 'Hình ảnh'],
        ['CF-SUA', 'Cà phê sữa', '25000', 'vat8', 'https://cdn.quan.vn/ca-phe-sua.webp'],
        ['BANH-MI', 'Bánh mì', '20000', 'vat8', '/images/banh-mi.jpg'],
        ['NUOC', 'Nước suối', '8000', 'vat8', ''],
      ),
      store,
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    expect(checked.rows.map((row) => row.image)).toEqual(['https://cdn.quan.vn/ca-phe-sua.webp', '/images/banh-mi.jpg', null]);
    expect(problemsOf(checkCatalogSheet(sheet(['sku', 'name', 'price', 'tax', 'Ảnh'], ['A', 'B', '1', 'vat8', 'http://cdn.quan.vn/a.png'], ['C', 'D', '1', 'vat8', 'ảnh cà phê.png']), store))).toEqual([
      { line: 2, column: 'Ảnh', detail: { kind: 'image-invalid', value: 'http://cdn.quan.vn/a.png', why: 'not-https-or-path' } },
      { line: 3, column: 'Ảnh', detail: { kind: 'image-invalid', value: 'ảnh cà phê.png', why: 'spaces' } },
    ]);
  });

  it('says which required column is missing, and refuses a column given twice', () => {
    expect(problemsOf(checkCatalogSheet(sheet(['sku', 'name', 'Giá bán'], ['A', 'B', '1']), store))).toEqual([
      { line: 1, column: 'taxClass', detail: { kind: 'missing-column', column: 'taxClass' } },
    ]);
    expect(problemsOf(checkCatalogSheet(sheet(['sku', 'name', 'price', 'Giá', 'tax'], ['A', 'B', '1', '2', 'vat8']), store))).toEqual([
      { line: 1, column: 'Giá', detail: { kind: 'duplicate-column', column: 'price', firstHeading: 'price' } },
    ]);
    expect(problemsOf(checkCatalogSheet(sheet([], []), store))[0]?.detail.kind).toBe('no-headings');
    expect(problemsOf(checkCatalogSheet(sheet(['sku', 'name', 'price', 'tax'], ['', '', '', '']), store))[0]?.detail.kind).toBe('no-rows');
  });

  it('reports every bad cell of the file at its line and column, skipping blank rows but not their line numbers', () => {
    const result = checkCatalogSheet(
      sheet(
        ['sku', 'name', 'price', 'taxClass', 'barcodes'],
        ['A1', 'Nước mắm', '12.5', 'vat8', ''],
        ['', '', '', '', ''],
        ['A2', '', '1e3', 'vat7', '8.93467E+12'],
        ['A1', 'Trùng mã', '1000', '0%', '8934673123459'],
        ['A3', 'Ổn', '12,500', 'VAT 10%', '', 'lạc'],
      ),
      store,
    );
    expect(problemsOf(result).map((p) => [p.line, p.column, p.detail.kind])).toEqual([
      [2, 'price', 'price-not-whole'],
      [4, 'name', 'required'],
      [4, 'price', 'price-not-whole'],
      [4, 'taxClass', 'unknown-tax-class'],
      [4, 'barcodes', 'barcode-scientific'],
      [5, 'taxClass', 'ambiguous-tax-class'],
      [5, 'barcodes', 'barcode-check-digit'],
      [5, 'sku', 'duplicate-sku'],
      [6, '', 'extra-cells'],
      [6, 'price', 'price-not-whole'],
    ]);
  });

  it('refuses one barcode on two rows of the file', () => {
    const code = makeEan13('893467312345');
    const problems = problemsOf(checkCatalogSheet(sheet(['sku', 'name', 'price', 'tax', 'barcodes'], ['A', 'a', '1', 'vat8', code], ['B', 'b', '1', 'vat8', `x|${code}`]), store));
    expect(problems).toEqual([{ line: 3, column: 'barcodes', detail: { kind: 'barcode-in-two-rows', value: code, otherLine: 2, otherSku: 'A' } }]);
  });
});

describe('prices are whole minor units, read from their digits', () => {
  const why = (text: string): string | undefined => {
    let detail: ImportProblemDetail | undefined;
    checkPrice(text, (d) => (detail = d));
    return detail?.kind === 'price-not-whole' ? detail.why : detail?.kind;
  };

  it('explains each way a price is not whole', () => {
    expect(why('12.5')).toBe('decimal');
    expect(why('0,5')).toBe('decimal');
    expect(why('1e3')).toBe('exponent');
    expect(why('1.2E+4')).toBe('exponent');
    expect(why('12,500')).toBe('separator');
    expect(why('1.250.000')).toBe('separator');
    expect(why('-100')).toBe('negative');
    expect(why('12k')).toBe('not-a-number');
    expect(why('')).toBe('required');
    expect(why(String(MAX_PRICE + 1))).toBe('price-too-large');
    expect(why('99999999999999999999')).toBe('price-too-large');
  });

  it('reads any whole amount up to the maximum exactly, leading zeros or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_PRICE }), fc.nat(3), (amount, zeros) => {
        expect(checkPrice('0'.repeat(zeros) + String(amount), () => expect.unreachable())).toBe(amount);
      }),
    );
  });

  it('stock is kept in thousandths, whole pieces or kg to the gram', () => {
    const fail = (): never => expect.unreachable();
    expect(checkStock('2.5', 'kg', fail)).toBe(2500);
    expect(checkStock('0.125', undefined, fail)).toBe(125);
    expect(checkStock('24', 'pcs', fail)).toBe(24_000);
    expect(checkStock('24.000', 'pcs', fail)).toBe(24_000);
    const kinds: string[] = [];
    for (const [text, unit] of [['2.5', 'pcs'], ['0.0001', 'kg'], ['-1', 'kg'], ['1,5', 'kg'], ['2e3', 'kg']] as const) {
      checkStock(text, unit, (d) => kinds.push(d.kind));
    }
    expect(kinds).toEqual(['stock-too-precise', 'stock-too-precise', 'stock-negative', 'stock-not-a-number', 'stock-not-a-number']);
  });
});

describe('properties of the check', () => {
  const text = (max: number) =>
    fc.string({ minLength: 1, maxLength: max, unit: fc.constantFrom(...'abcxyzAĐƠàễợ0189 -_/()'.split('')) }).filter((s) => s.trim() === s && s !== '');
  const validRow = fc.record({
    sku: text(20).map((s) => s.replace(/\s/g, '_')),
    name: text(60),
    price: fc.integer({ min: 0, max: MAX_PRICE }),
    taxClassId: fc.constantFrom(...VIETNAM_TAX_CLASSES.map((c) => c.id)),
    barcodes: fc.uniqueArray(fc.stringMatching(/^\d{12}$/).map(makeEan13), { maxLength: 3 }),
    unit: fc.constantFrom('pcs' as const, 'kg' as const),
    category: fc.option(text(30), { nil: null }),
    image: fc.option(fc.constantFrom('https://cdn.quan.vn/a.webp', '/images/b%20c.jpg', 'https://x.vn/?q=1&r=đ'), { nil: null }),
    stockUnits: fc.nat(100_000),
    grams: fc.nat(999),
  });

  it('every valid row, written out as cells, reads back as itself', () => {
    fc.assert(
      fc.property(fc.uniqueArray(validRow, { minLength: 1, maxLength: 8, selector: (r) => r.sku }), (rows) => {
        fc.pre(new Set(rows.flatMap((r) => r.barcodes)).size === rows.flatMap((r) => r.barcodes).length);
        const cells = rows.map((r) => {
          const stock = r.unit === 'kg' ? `${r.stockUnits}.${String(r.grams).padStart(3, '0')}` : String(r.stockUnits);
          return [r.sku, r.name, r.barcodes.join('|'), String(r.price), r.taxClassId, r.unit, r.unit === 'kg' ? 'yes' : 'no', r.category ?? '', stock, r.image ?? ''];
        });
        const read = rowsOf(checkCatalogSheet(sheet(ENGLISH, ...cells), store));
        expect(read).toEqual(
          rows.map((r, i): CatalogRow => ({
            line: i + 2,
            sku: r.sku,
            name: r.name,
            price: r.price,
            taxClassId: r.taxClassId,
            unit: r.unit,
            weighed: r.unit === 'kg',
            category: r.category,
            barcodes: r.barcodes,
            stock: r.stockUnits * 1000 + (r.unit === 'kg' ? r.grams : 0),
            image: r.image,
          })),
        );
      }),
    );
  });

  it('any row with a price that is not a whole number is reported at its line and the price column, and nothing passes', () => {
    const notWhole = fc.oneof(
      fc.tuple(fc.nat(99_999), fc.integer({ min: 1, max: 99 })).map(([a, b]) => `${a}.${b}`),
      fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 12 })).map(([a, e]) => `${a}e${e}`),
      fc.integer({ min: 1, max: 1_000_000 }).map((n) => `-${n}`),
      fc.constantFrom('12,500', '1.000.000', 'abc', '12 000', '½'),
    );
    fc.assert(
      fc.property(fc.array(validRow, { minLength: 1, maxLength: 6 }), fc.nat(5), notWhole, (rows, pick, price) => {
        const bad = pick % rows.length;
        const cells = rows.map((r, i) => [`SKU-${i}`, r.name, String(i === bad ? price : r.price), r.taxClassId]);
        const problems = problemsOf(checkCatalogSheet(sheet(['Mã hàng', 'Tên hàng', 'Giá bán', 'Loại thuế'], ...cells), store));
        expect(problems).toContainEqual(expect.objectContaining({ line: bad + 2, column: 'Giá bán' }));
        expect(problems.every((p) => p.line === bad + 2 && p.column === 'Giá bán')).toBe(true);
      }),
    );
  });
});
