/*
 * Writing a checked catalog file (POST /api/v1/catalog/import): products are chain-wide `products`
 * documents, written through the documents repository with new seqs like any server write, so tablets pull
 * them as deltas and the stream announces them to every store; opening stock is the importing store's.
 *
 * All or nothing, decided in one transaction: every row is planned against the stored catalog
 * (src/domain/catalog-import-plan.ts: updated or created by SKU, unchanged rows written nowhere) and either
 * the whole plan is written or, when a row clashes with the stored catalog (a barcode of another product),
 * nothing is, and the problems are returned. Only the stored products the file names (by SKU or by one of
 * its barcodes, through migration 0016's product_terms) are read, or the whole catalog in one pass for a file
 * of 20,000 rows or more; reading and planning happen before the transaction, which takes the sequence counter's lock (so two imports, or an
 * import and the seed, are decided one after the other, and pushes wait only for the write) and plans
 * again only if products were written in between (the highest products seq moved).
 *
 * Opening stock is a fact like any stock movement: a `ledger` entry (kind stock, reason "opening", the
 * import's id as its source) and the store's stock balance derived from it, written only where the store has
 * no stock balance for the product yet. Where it has one, the file's figure is not applied (it would
 * silently undo the sales since) and is counted as kept; changing stock on hand is a stock count, which the
 * back office will do as its own ledger entries.
 */
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { BalanceDocument, LedgerEntryDocument, ProductDocument } from '../../../src/data/schemas/types.ts';
import type { CatalogColumn } from '../../../src/domain/catalog-import-columns.ts';
import type { CatalogRow, ImportProblem } from '../../../src/domain/catalog-import.ts';
import { planCatalogImport } from '../../../src/domain/catalog-import-plan.ts';
import type { PlannedProduct, StoredCatalog } from '../../../src/domain/catalog-import-plan.ts';
import type { ChangeBus, ChangeEvent } from '../live/change-bus.ts';
import { balanceId } from '../policies/balances.ts';
import type { Database } from '../store/database-types.ts';
import { isDeleted } from '../store/database-types.ts';
import type { DocumentsRepository, DocumentWrite, StoredDocument } from '../store/documents-repository.ts';
import type { Store } from '../store/open-store.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';

export interface CatalogImportRequest {
  storeId: string;
  rows: readonly CatalogRow[];
  headings: Partial<Record<CatalogColumn, string>>;
}

export interface CatalogImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  openingStock: { set: number; kept: number };
}

export type CatalogImportResult = { ok: true; counts: CatalogImportCounts } | { ok: false; problems: ImportProblem[] };

/** SKUs or barcodes looked up per query (well under SQLite's and PostgreSQL's limits on parameters). */
const TERMS_PER_READ = 5_000;
/**
 * A file of this many rows or more is planned against the whole catalog read in seq order: looking up every
 * row's SKU and barcodes costs more than one sequential read once the file names a large share of it.
 */
export const WHOLE_CATALOG_ROWS = 20_000;
/** Products per page of that read (exported for the test that makes the read take two pages). */
export const READ_PAGE = 20_000;
const BALANCE_PAGE = 5_000;

export async function importCatalog(
  store: Store,
  documents: DocumentsRepository,
  request: CatalogImportRequest,
  bus: ChangeBus | undefined,
  now: Date = new Date(),
): Promise<CatalogImportResult> {
  const updatedAt = now.toISOString();
  const planAgainst = (catalog: StoredCatalog) => planCatalogImport(request.rows, catalog, { newId: uuidv7, updatedAt, headings: request.headings });
  const read = await readStoredCatalog(store.db, documents, request.rows);
  let plan = planAgainst(read.catalog);
  return store.db.transaction().execute(async (trx) => {
    await lockSequenceCounter(trx);
    if ((await lastProductSeq(trx)) !== read.lastSeq) plan = planAgainst((await readStoredCatalog(trx, documents, request.rows)).catalog);
    if (!plan.ok) return { ok: false, problems: plan.problems };
    const counts: CatalogImportCounts = { created: 0, updated: 0, unchanged: 0, openingStock: { set: 0, kept: 0 } };
    const writes: DocumentWrite[] = [];
    for (const planned of plan.products) {
      counts[planned.outcome] += 1;
      // A created product has a new UUIDv7: a plain insert, cheaper than the upsert an update takes.
      if (planned.outcome !== 'unchanged') writes.push({ collection: 'products', id: planned.product.id, storeId: null, body: planned.product, isNew: planned.outcome === 'created' });
    }
    const stockWrites = await openingStock(trx, documents, request.storeId, plan.products, updatedAt, counts);
    // A loop, not push(...stockWrites): 200,000 arguments overflow the call stack.
    for (const write of stockWrites) writes.push(write);
    const written = await documents.putInTransaction(trx, writes, now);
    if (bus !== undefined && written.count > 0) {
      const events: ChangeEvent[] = [];
      if (writes.length > stockWrites.length) events.push({ collection: 'products', storeIds: null, fromSeq: written.firstSeq, toSeq: written.lastSeq });
      if (stockWrites.length > 0) events.push({ collection: 'balances', storeIds: [request.storeId], fromSeq: written.firstSeq, toSeq: written.lastSeq });
      await bus.announce(trx, events);
    }
    return { ok: true, counts };
  });
}

/**
 * The stored products the file can touch: those with one of its SKUs and those holding one of its barcodes,
 * found through product_terms (catalog/product-terms.ts) rather than by reading the whole catalog, by SKU
 * and by barcode as the planner asks (the first written wins, as a read of the whole catalog in seq order
 * did); and the highest products seq, read first, that the transaction compares with. The ids come first,
 * then the documents by primary key: a join let PostgreSQL hash the catalog and SQLite scan it.
 */
async function readStoredCatalog(db: Kysely<Database>, documents: DocumentsRepository, rows: readonly CatalogRow[]): Promise<{ catalog: StoredCatalog; lastSeq: number }> {
  if (rows.length >= WHOLE_CATALOG_ROWS) return readWholeCatalog(db);
  const lastSeq = await lastProductSeq(db);
  const skus = [...new Set(rows.map((row) => row.sku.toLowerCase()))];
  const barcodes = [...new Set(rows.flatMap((row) => row.barcodes ?? []))];
  const ids = new Set<string>();
  for (const [kind, terms] of [['sku', skus], ['barcode', barcodes]] as const) {
    for (let start = 0; start < terms.length; start += TERMS_PER_READ) {
      const { rows: found } = await sql<{ product_id: string }>`
        select product_id from product_terms where kind = ${kind} and term in (${sql.join(terms.slice(start, start + TERMS_PER_READ))})`.execute(db);
      for (const row of found) ids.add(row.product_id);
    }
  }
  const wanted = [...ids];
  const found: Array<StoredDocument<'products'>> = [];
  for (let start = 0; start < wanted.length; start += TERMS_PER_READ) {
    for (const stored of (await documents.getMany(db, 'products', wanted.slice(start, start + TERMS_PER_READ))).values()) {
      if (!stored.deleted && stored.storeId === null) found.push(stored);
    }
  }
  const bySku = new Map<string, ProductDocument>();
  const skuOfBarcode = new Map<string, string>();
  for (const { body: product } of found.sort((a, b) => a.seq - b.seq)) {
    if (bySku.has(product.sku)) continue;
    bySku.set(product.sku, product);
    for (const code of product.barcodes) if (!skuOfBarcode.has(code)) skuOfBarcode.set(code, product.sku);
  }
  return { catalog: { bySku, skuOfBarcode }, lastSeq };
}

/** Every live product, by SKU and by barcode, read page by page in seq order; and the highest products seq read. */
async function readWholeCatalog(db: Kysely<Database>): Promise<{ catalog: StoredCatalog; lastSeq: number }> {
  const bySku = new Map<string, ProductDocument>();
  const skuOfBarcode = new Map<string, string>();
  let afterSeq = 0;
  for (;;) {
    const rows = await db
      .selectFrom('documents')
      .select(['seq', 'deleted', 'body'])
      .where('collection', '=', 'products')
      .where('store_id', 'is', null)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(READ_PAGE)
      .execute();
    for (const row of rows) {
      if (isDeleted(row.deleted)) continue;
      const product = JSON.parse(row.body) as ProductDocument;
      if (bySku.has(product.sku)) continue;
      bySku.set(product.sku, product);
      for (const code of product.barcodes) if (!skuOfBarcode.has(code)) skuOfBarcode.set(code, product.sku);
    }
    if (rows.length > 0) afterSeq = Number(rows[rows.length - 1]!.seq);
    if (rows.length < READ_PAGE) return { catalog: { bySku, skuOfBarcode }, lastSeq: afterSeq };
  }
}

async function lastProductSeq(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('collection', '=', 'products')
    .where('store_id', 'is', null)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** The ledger entries and balances of the opening stock the store does not have yet. */
async function openingStock(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  storeId: string,
  products: readonly PlannedProduct[],
  createdAt: string,
  counts: CatalogImportCounts,
): Promise<DocumentWrite[]> {
  const withStock = products.filter((p): p is PlannedProduct & { stock: number } => p.stock !== undefined);
  if (withStock.length === 0) return [];
  const stored = new Map<string, number>();
  const known = withStock.filter((p) => p.outcome !== 'created').map((p) => balanceId('stock', storeId, p.product.id));
  for (let start = 0; start < known.length; start += BALANCE_PAGE) {
    for (const [id, balance] of await documents.getMany(trx, 'balances', known.slice(start, start + BALANCE_PAGE))) stored.set(id, Number(balance.body.value));
  }
  const sourceId = uuidv7();
  const entries: DocumentWrite[] = [];
  const balances: DocumentWrite[] = [];
  for (const { product, stock } of withStock) {
    const id = balanceId('stock', storeId, product.id);
    const current = stored.get(id);
    if (current !== undefined) {
      if (current !== stock) counts.openingStock.kept += 1;
      continue;
    }
    counts.openingStock.set += 1;
    const entry: LedgerEntryDocument = { id: uuidv7(), kind: 'stock', storeId, refId: product.id, delta: stock, reason: 'opening', sourceId, createdAt };
    const balance: BalanceDocument = { id, kind: 'stock', storeId, refId: product.id, value: stock, updatedAt: createdAt };
    entries.push({ collection: 'ledger', id: entry.id, storeId, body: entry, isNew: true });
    balances.push({ collection: 'balances', id, storeId, body: balance });
  }
  return [...entries, ...balances];
}
