/*
 * The catalog on this device: products (chain-wide, ~100,000 rows) and balances (stock per product for this
 * store, customer points, gift cards), in a plain Dexie database of its own, `<name>-catalog`.
 *
 * Why not RxDB: the catalog is written only by the server and read on every scan. RxDB's replication of
 * 100,000 rows took 16-18 s on a 2-core tablet, a Dexie bulkPut of the same rows 5.7 s, and a new tablet
 * must be ready to scan within 8 s. So the catalog is filled by a lean checkpointed pull (catalog-pull.ts)
 * and kept live by the sync stream; nothing here is ever written by the device itself, so it needs no
 * conflict handling and may be wiped and pulled again at any time.
 *
 * Tables:
 *   products  `&id, *barcodes, sku, searchName, plu`  lookups by scanned code, SKU, name prefix, scale PLU
 *   balances  `&id, [kind+refId]`                     the server-confirmed balance of a product/customer/card
 *   meta      `&key`                                  one pull checkpoint row per table (see CatalogCheckpointRow)
 */
import { Dexie, type EntityTable } from 'dexie';
import type { BalanceDocument, ProductDocument } from '../data/schemas/types.ts';

export type CatalogTableName = 'products' | 'balances';

export const catalogTableNames: readonly CatalogTableName[] = ['products', 'balances'];

/** Where the pull of one table stands; written in the same transaction as the page it follows. */
export interface CatalogCheckpointRow {
  key: CatalogTableName;
  /** The server's `{id, seq}` of the last document written; null before the first document arrived. */
  checkpoint: CatalogCheckpoint | null;
  /** True once a pull has reached the end of the server's list at least once (the tablet can scan). */
  caughtUp: boolean;
  /** Rows written by the pulls so far (the first sync's progress), deletes included. */
  rowsPulled: number;
}

export interface CatalogCheckpoint {
  id: string;
  seq: number;
}

export type CatalogDatabase = Dexie & {
  products: EntityTable<ProductDocument, 'id'>;
  balances: EntityTable<BalanceDocument, 'id'>;
  meta: EntityTable<CatalogCheckpointRow, 'key'>;
};

export function catalogDatabaseName(deviceDatabaseName: string): string {
  return `${deviceDatabaseName}-catalog`;
}

/** Opens (lazily, on first use) the catalog database; tests pass a unique name and delete it after. */
export function openCatalogDatabase(name: string): CatalogDatabase {
  const database = new Dexie(name) as CatalogDatabase;
  database.version(1).stores({
    products: '&id, *barcodes, sku, searchName, plu',
    balances: '&id, [kind+refId]',
    meta: '&key',
  });
  return database;
}
