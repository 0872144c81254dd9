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
 *   products    `&id, *barcodes, sku, plu`       lookups by scanned code (and its start), SKU (and its start),
 *                                                scale PLU: what the counter needs the moment it can scan
 *   nameWords   `&id, *words, name,              per product id, its whole folded name and the folded words of
 *                [category+name]`                 it, for search by the name's start and by any word
 *                                                (name-word-index.ts says how and when it is built); and the
 *                                                category of a product on sale, for the counter's product grid:
 *                                                a category's products by name, a page at a time (product-shelves.ts)
 *   indexState  `&key`                           how far the name-word index has been built
 *   balances    `&id, [kind+refId]`              the server-confirmed balance of a product/customer/card
 *   meta        `&key`                           one pull checkpoint row per table (see CatalogCheckpointRow)
 *
 * Every index entry is paid for on the first sync, row by row: IndexedDB's cost is per record and per index
 * entry, far more than per byte. Hence the versions:
 *   1 indexed products by their whole folded name (searchName) too.
 *   2 added the name-word index as a table of its own rather than a multiEntry index on products: the demo
 *     catalog's names have ~10 words, and ten more index entries per product doubled the first sync's write
 *     time (measured 1.8-2.2x on 50,000 products). The words of a big first-sync page are indexed in the
 *     background after it, a small live update's words in its own transaction.
 *   3 moves the whole-name index to the name-word table as well: products keep only the indexes a scan uses.
 *     Measured on 100,000 products: the first sync 7.6-8.2 s -> 6.6-7.5 s. The price: on a brand-new
 *     tablet, search by name answers once the background index is built (some 12 s after 100,000 products
 *     are ready; the search panel says so), while scans and SKUs answer at once.
   4 adds [category+name] to the name-word table, for the product grid's category tabs, rather than a category
 *     index on products: every demo product has a category, and one more entry per product on the first sync
 *     is paid before the tablet can scan, while the name-word rows are written in the background after it.
 *     The price is the same as for search by name: on a brand-new tablet the grid fills as the index is built.
 * Upgrades restart the background index (nothing is pulled again; an offline tablet keeps selling).
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

/** A row of the name-word index: a product's id, its whole folded name and the distinct words of it. */
export interface NameWordRow {
  id: string;
  words: string[];
  name: string;
  /** The product's category while it is on sale (active); absent otherwise, so the grid never shows it. */
  category?: string;
}

/** The name-word table's indexes; [category+name] pages a category of the product grid by name. */
export const NAME_WORD_INDEXES = '&id, *words, name, [category+name]';

/** The products table's indexes (the benchmark writes its raw baseline with the same). */
export const PRODUCT_INDEXES = '&id, *barcodes, sku, plu';

/** How far the background build of the name-word index has got, by product id (see name-word-index.ts). */
export interface NameWordIndexState {
  key: 'nameWords';
  /** The last product id indexed in the current pass; null: the pass starts at the beginning. */
  after: string | null;
  done: boolean;
  /** Bumped by each restart (a big page stored), so a chunk of an older pass does not move the new pass on. */
  pass: number;
}

export type CatalogDatabase = Dexie & {
  products: EntityTable<ProductDocument, 'id'>;
  balances: EntityTable<BalanceDocument, 'id'>;
  meta: EntityTable<CatalogCheckpointRow, 'key'>;
  nameWords: EntityTable<NameWordRow, 'id'>;
  indexState: EntityTable<NameWordIndexState, 'key'>;
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
  database
    .version(2)
    .stores({ nameWords: '&id, *words', indexState: '&key' })
    .upgrade((transaction) => transaction.table<NameWordIndexState, string>('indexState').put({ key: 'nameWords', after: null, done: false, pass: 0 }));
  database
    .version(3)
    .stores({ products: PRODUCT_INDEXES, nameWords: '&id, *words, name' })
    .upgrade(async (transaction) => {
      // Rows written before lack the whole name: the background build writes them all again.
      const states = transaction.table<NameWordIndexState, string>('indexState');
      const state = await states.get('nameWords');
      await states.put({ key: 'nameWords', after: null, done: false, pass: (state?.pass ?? 0) + 1 });
    });
  database
    .version(4)
    .stores({ nameWords: NAME_WORD_INDEXES })
    .upgrade(async (transaction) => {
      // Rows written before lack the category: the background build writes them all again.
      const states = transaction.table<NameWordIndexState, string>('indexState');
      const state = await states.get('nameWords');
      await states.put({ key: 'nameWords', after: null, done: false, pass: (state?.pass ?? 0) + 1 });
    });
  return database;
}
