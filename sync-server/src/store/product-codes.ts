/*
 * Finding catalog products (chain-wide `products` documents) by the codes an online shop sends: by SKU through
 * the expression index of migration 0009, then by barcode (a shop that keeps barcodes in its SKU field, or
 * Haravan's barcode beside the SKU). Barcodes are inside each product's JSON array, so that second look reads
 * the catalog; it runs only for codes no SKU matched that can be barcodes (6 to 14 digits), in the order
 * inbox's background work, never while a webhook waits for its answer.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { ProductDocument } from '../../../src/data/schemas/types.ts';
import type { Database } from './database-types.ts';
import type { StoreKind } from './open-store.ts';

const BARCODE = /^\d{6,14}$/;

export interface FoundProducts {
  bySku: Map<string, ProductDocument>;
  byBarcode: Map<string, ProductDocument>;
}

export async function findProductsByCodes(db: Kysely<Database>, kind: StoreKind, skus: readonly string[], barcodes: readonly string[]): Promise<FoundProducts> {
  const found: FoundProducts = { bySku: new Map(), byBarcode: new Map() };
  const wantedSkus = [...new Set(skus.filter((s) => s !== ''))];
  if (wantedSkus.length > 0) {
    const skuExpression = kind === 'postgres' ? sql`((body::jsonb)->>'sku')` : sql`json_extract(body, '$.sku')`;
    const { rows } = await sql<{ body: string }>`
      select body from documents
       where collection = 'products' and ${skuExpression} in (${sql.join(wantedSkus)}) and store_id is null and deleted = ${kind === 'postgres' ? sql`false` : sql`0`}`.execute(db);
    for (const row of rows) {
      const product = JSON.parse(row.body) as ProductDocument;
      if (!found.bySku.has(product.sku)) found.bySku.set(product.sku, product);
    }
  }
  // Barcodes are GS1 digit strings (the catalog import checks them): other codes are never looked for there.
  const wantedCodes = [...new Set(barcodes.filter((code) => BARCODE.test(code)))];
  if (wantedCodes.length > 0) {
    const { rows } =
      kind === 'postgres'
        ? await sql<{ body: string }>`
            select body from documents
             where collection = 'products' and store_id is null and deleted = false
               and (body::jsonb)->'barcodes' ?| ${sql.val(wantedCodes)}::text[]`.execute(db)
        : await sql<{ body: string }>`
            select distinct d.body from documents d, json_each(d.body, '$.barcodes') code
             where d.collection = 'products' and d.store_id is null and d.deleted = 0 and code.value in (${sql.join(wantedCodes)})`.execute(db);
    for (const row of rows) {
      const product = JSON.parse(row.body) as ProductDocument;
      for (const code of product.barcodes) if (wantedCodes.includes(code) && !found.byBarcode.has(code)) found.byBarcode.set(code, product);
    }
  }
  return found;
}
