/*
 * The columns of a catalog file (POST /api/v1/catalog/import, and the back office's upload when it exists),
 * found by their heading. A shop's Excel sheet is headed in Vietnamese as often as in English, with
 * accents or without, in any case, sometimes with a unit in brackets ("Giá bán (VNĐ)"): a heading is
 * folded (lower case, no diacritics, đ -> d) and stripped of everything but letters and digits before it
 * is looked up, and a bracketed note at its end is dropped, so "Mã hàng", "MA HANG", "mã_hàng" and
 * "Ma hang (SKU)" all name the SKU column.
 */
import { foldForSearch } from './search-text.ts';

export const CATALOG_COLUMNS = ['sku', 'name', 'barcodes', 'price', 'taxClass', 'unit', 'weighed', 'category', 'stock', 'image'] as const;

export type CatalogColumn = (typeof CATALOG_COLUMNS)[number];

/** Without these a row cannot become a product. */
export const REQUIRED_COLUMNS: readonly CatalogColumn[] = ['sku', 'name', 'price', 'taxClass'];

/** The Vietnamese heading a shop would write, used in messages and templates. */
export const VIETNAMESE_HEADINGS: Readonly<Record<CatalogColumn, string>> = {
  sku: 'Mã hàng',
  name: 'Tên hàng',
  barcodes: 'Mã vạch',
  price: 'Giá bán',
  taxClass: 'Loại thuế',
  unit: 'Đơn vị tính',
  weighed: 'Cân',
  category: 'Nhóm hàng',
  stock: 'Tồn kho',
  image: 'Hình ảnh',
};

/** Accepted headings per column, written as people write them; matched folded (see headingKey). */
const HEADINGS: Readonly<Record<CatalogColumn, readonly string[]>> = {
  sku: ['sku', 'Mã hàng', 'Mã hàng hóa', 'Mã SP', 'Mã sản phẩm', 'item code', 'product code'],
  name: ['name', 'Tên hàng', 'Tên hàng hóa', 'Tên SP', 'Tên sản phẩm', 'product name', 'item name'],
  barcodes: ['barcodes', 'barcode', 'Mã vạch', 'Mã vạch EAN', 'EAN'],
  price: ['price', 'Giá bán', 'Giá bán lẻ', 'Giá', 'Đơn giá', 'retail price', 'selling price'],
  taxClass: ['taxClass', 'tax', 'tax class', 'Loại thuế', 'Thuế', 'Thuế suất', 'Thuế GTGT', 'VAT'],
  unit: ['unit', 'Đơn vị tính', 'Đơn vị', 'ĐVT'],
  weighed: ['weighed', 'sold by weight', 'Cân', 'Hàng cân', 'Bán theo cân'],
  category: ['category', 'Nhóm hàng', 'Nhóm', 'Danh mục', 'Ngành hàng', 'Loại hàng'],
  stock: ['stock', 'opening stock', 'Tồn kho', 'Tồn', 'Tồn đầu kỳ', 'Số lượng tồn'],
  image: ['image', 'image url', 'picture', 'photo', 'Hình ảnh', 'Hình', 'Ảnh', 'Link ảnh', 'URL hình ảnh'],
};

const TRAILING_NOTE = /\s*[([][^()[\]]*[)\]]\s*$/;
const NOT_LETTER_OR_DIGIT = /[^a-z0-9]/g;

/** A heading reduced to what is compared: folded, letters and digits only, a bracketed note at the end dropped. */
export function headingKey(heading: string): string {
  const withoutNote = heading.replace(TRAILING_NOTE, '');
  const key = foldForSearch(withoutNote === '' ? heading : withoutNote).replace(NOT_LETTER_OR_DIGIT, '');
  return key;
}

const COLUMN_BY_KEY: ReadonlyMap<string, CatalogColumn> = new Map(
  CATALOG_COLUMNS.flatMap((column) => HEADINGS[column].map((heading) => [headingKey(heading), column] as const)),
);

/** The column a heading names, or undefined for a column the import does not read (kept out, reported). */
export function columnOfHeading(heading: string): CatalogColumn | undefined {
  return COLUMN_BY_KEY.get(headingKey(heading));
}
