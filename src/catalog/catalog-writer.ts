/*
 * Writes pulled catalog pages into the Dexie catalog (catalog-database.ts). A page and its checkpoint are
 * written in ONE transaction, so after a crash or reload the pull resumes exactly after the last page that
 * was stored: never a checkpoint ahead of its rows, never rows behind a lost checkpoint.
 * Documents with `_deleted: true` are removed; all others are stored without that flag. The words of the
 * products' names go to the name-word index: in the same transaction for a small page, in the background
 * after a big one (name-word-index.ts explains why).
 */
import { buildNameWordIndex, clearNameWordIndex, indexNameWords, INLINE_WORDS_MAX, restartNameWordIndex } from './name-word-index.ts';
import type { CatalogCheckpoint, CatalogCheckpointRow, CatalogDatabase, CatalogTableName } from './catalog-database.ts';

/** A catalog row as the server sends it: the schema's fields plus `_deleted`. */
export interface CatalogWireRow {
  id: string;
  _deleted?: boolean;
}

export interface CatalogPage {
  documents: CatalogWireRow[];
  checkpoint: CatalogCheckpoint | null;
}

export interface CatalogPullState {
  checkpoint: CatalogCheckpoint | null;
  caughtUp: boolean;
  rowsPulled: number;
}

const emptyState: CatalogPullState = { checkpoint: null, caughtUp: false, rowsPulled: 0 };

export async function readCatalogPullState(database: CatalogDatabase, table: CatalogTableName): Promise<CatalogPullState> {
  const row = await database.meta.get(table);
  return row ? { checkpoint: row.checkpoint, caughtUp: row.caughtUp, rowsPulled: row.rowsPulled } : emptyState;
}

/**
 * Stores one page (puts and deletes) and moves the checkpoint, atomically. `caughtUp` says whether this page
 * was the last one the server had. Returns the new pull state.
 */
export async function writeCatalogPage(
  database: CatalogDatabase,
  table: CatalogTableName,
  page: CatalogPage,
  caughtUp: boolean,
): Promise<CatalogPullState> {
  const puts: CatalogWireRow[] = [];
  const deletes: string[] = [];
  for (const document of page.documents) {
    if (document._deleted === true) {
      deletes.push(document.id);
    } else {
      // The parsed JSON is ours alone: dropping the flag in place spares a copy of every row.
      delete document._deleted;
      puts.push(document);
    }
  }
  const products = table === 'products';
  const wordsLater = products && puts.length > INLINE_WORDS_MAX;
  const tables = products ? [database.products, database.meta, database.nameWords, database.indexState] : [database.table(table), database.meta];
  let caughtUpNow = false;
  const state = await database.transaction('rw', tables, async () => {
    const previous = await readCatalogPullState(database, table);
    caughtUpNow = caughtUp && !previous.caughtUp;
    const target = database.table(table);
    if (puts.length > 0) await target.bulkPut(puts);
    if (deletes.length > 0) await target.bulkDelete(deletes);
    if (wordsLater) await restartNameWordIndex(database);
    else if (products) await indexNameWords(database, puts, deletes);
    const next: CatalogCheckpointRow = {
      key: table,
      checkpoint: page.checkpoint ?? previous.checkpoint,
      caughtUp: previous.caughtUp || caughtUp,
      rowsPulled: previous.rowsPulled + page.documents.length,
    };
    await database.meta.put(next);
    return { checkpoint: next.checkpoint, caughtUp: next.caughtUp, rowsPulled: next.rowsPulled };
  });
  // Not while a first sync is still coming in: the build would compete with the pages the tablet waits for.
  // The page that catches up may be a small or empty one after full big pages (100,000 products in pages
  // of 10,000 end with an empty page): the build the big pages restarted starts then.
  if (products && state.caughtUp && (wordsLater || caughtUpNow)) void buildNameWordIndex(database);
  return state;
}

/** Empties the catalog (another store or server was enrolled): the next pull starts from scratch. */
export async function clearCatalog(database: CatalogDatabase): Promise<void> {
  await database.transaction('rw', [database.products, database.balances, database.meta, database.nameWords, database.indexState], async () => {
    await database.products.clear();
    await database.balances.clear();
    await database.meta.clear();
    await clearNameWordIndex(database);
  });
}
