/*
 * What a checked catalog file does to the catalog (pure; the server reads the catalog and writes the plan):
 * each row updates the product with its SKU or creates one, and a row that changes nothing is counted
 * unchanged and written nowhere (so a re-import of the same file writes nothing and tablets pull nothing).
 * Checks that need the stored catalog are made here, still before anything is written: a barcode may not
 * belong to another product (unless the file moves it away from that product), a weighed item is sold by
 * kg, and opening stock of a piece item is whole pieces.
 */
import type { CatalogColumn } from './catalog-import-columns.ts';
import type { CatalogRow, ImportProblem, ProductUnit } from './catalog-import.ts';
import { MAX_BARCODES } from './catalog-import.ts';
import type { ProductDocument } from './documents.ts';
import { foldForSearch } from './search-text.ts';

export interface StoredCatalog {
  /** The live (not deleted) products by SKU. */
  bySku: ReadonlyMap<string, ProductDocument>;
  /** The SKU of the product each barcode belongs to. */
  skuOfBarcode: ReadonlyMap<string, string>;
}

export type ImportOutcome = 'created' | 'updated' | 'unchanged';

export interface PlannedProduct {
  line: number;
  outcome: ImportOutcome;
  product: ProductDocument;
  /** Opening stock from the file, in thousandths of the unit. */
  stock?: number;
}

export type CatalogImportPlan = { ok: true; products: PlannedProduct[] } | { ok: false; problems: ImportProblem[] };

export interface PlanOptions {
  /** A new product's id (the server gives UUIDv7s). */
  newId: () => string;
  updatedAt: string;
  /** The file's headings per column, for problems' column names. */
  headings: Partial<Record<CatalogColumn, string>>;
}

export function planCatalogImport(rows: readonly CatalogRow[], catalog: StoredCatalog, options: PlanOptions): CatalogImportPlan {
  const problems: ImportProblem[] = [];
  const rowOfSku = new Map(rows.map((row) => [row.sku, row]));
  const products: PlannedProduct[] = [];
  const heading = (column: CatalogColumn): string => options.headings[column] ?? column;
  for (const row of rows) {
    const existing = catalog.bySku.get(row.sku);
    const product = importedProduct(row, existing, existing?.id ?? '', options.updatedAt);
    if (product.weighed && product.unit !== 'kg') {
      problems.push({ line: row.line, column: heading(row.weighed === undefined ? 'unit' : 'weighed'), detail: { kind: 'weighed-needs-kg' } });
    }
    if (row.stock !== undefined && product.unit === 'pcs' && row.stock % 1000 !== 0) {
      problems.push({ line: row.line, column: heading('stock'), detail: { kind: 'stock-too-precise', value: formatThousandths(row.stock), unit: 'pcs' } });
    }
    for (const barcode of row.barcodes ?? []) {
      const ownerSku = catalog.skuOfBarcode.get(barcode);
      if (ownerSku === undefined || ownerSku === row.sku) continue;
      const ownerBarcodes = rowOfSku.get(ownerSku)?.barcodes;
      if (ownerBarcodes !== undefined && !ownerBarcodes.includes(barcode)) continue;
      problems.push({ line: row.line, column: heading('barcodes'), detail: { kind: 'barcode-taken', value: barcode, otherSku: ownerSku } });
    }
    const outcome: ImportOutcome = existing === undefined ? 'created' : sameProduct(existing, product) ? 'unchanged' : 'updated';
    const planned: PlannedProduct = {
      line: row.line,
      outcome,
      product: outcome === 'unchanged' ? (existing as ProductDocument) : existing === undefined ? { ...product, id: options.newId() } : product,
    };
    if (row.stock !== undefined) planned.stock = row.stock;
    products.push(planned);
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, products };
}

/** The product a row makes of the stored one (or of nothing): the row's fields, the stored ones it does not give. */
export function importedProduct(row: CatalogRow, existing: ProductDocument | undefined, id: string, updatedAt: string): ProductDocument {
  const unit: ProductUnit = row.unit ?? existing?.unit ?? 'pcs';
  const weighed = row.weighed ?? (existing === undefined || row.unit !== undefined ? unit === 'kg' : existing.weighed);
  const category = row.category === undefined ? existing?.category : (row.category ?? undefined);
  const image = row.image === undefined ? existing?.image : (row.image ?? undefined);
  return {
    id,
    sku: row.sku,
    name: row.name,
    searchName: foldForSearch(row.name),
    barcodes: barcodeList(row.barcodes ?? existing?.barcodes ?? []),
    price: row.price,
    taxClassId: row.taxClassId,
    unit,
    weighed,
    ...(existing?.plu !== undefined ? { plu: existing.plu } : {}),
    ...(category !== undefined ? { category } : {}),
    ...(image !== undefined ? { image } : {}),
    active: existing?.active ?? true,
    updatedAt,
  };
}

/** Whether two versions of a product sell the same (every field but updatedAt). */
export function sameProduct(a: ProductDocument, b: ProductDocument): boolean {
  return (
    a.sku === b.sku &&
    a.name === b.name &&
    a.searchName === b.searchName &&
    a.price === b.price &&
    a.taxClassId === b.taxClassId &&
    a.unit === b.unit &&
    a.weighed === b.weighed &&
    a.plu === b.plu &&
    a.category === b.category &&
    a.image === b.image &&
    a.active === b.active &&
    a.barcodes.length === b.barcodes.length &&
    a.barcodes.every((code, i) => b.barcodes[i] === code)
  );
}

/**
 * The schema's barcodes type is a tuple of at most 20 (json-schema-to-typescript writes maxItems that way);
 * the check above refused longer lists, so this is the one place a list is typed as it.
 */
function barcodeList(codes: readonly string[]): ProductDocument['barcodes'] {
  if (codes.length > MAX_BARCODES) throw new RangeError(`A product has at most ${MAX_BARCODES} barcodes, got ${codes.length}`);
  return [...codes] as ProductDocument['barcodes'];
}

function formatThousandths(value: number): string {
  const whole = Math.trunc(value / 1000);
  const fraction = String(value % 1000).padStart(3, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}
