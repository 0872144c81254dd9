/*
 * The lean checkpointed pull of one catalog table from the sync server into the Dexie catalog.
 * Pages are large (10,000 rows): while page N is being written to IndexedDB, page N+1 is already being
 * fetched and parsed, so the network and the disk work at the same time. Every page is stored with its
 * checkpoint in one transaction (catalog-writer.ts), so an interrupted pull resumes where it stopped.
 * The HTTP request itself is passed in (src/sync/sync-api.ts) so this loop stays testable without a server.
 */
import type { CatalogCheckpoint, CatalogDatabase, CatalogTableName } from './catalog-database.ts';
import { readCatalogPullState, writeCatalogPage, type CatalogPage, type CatalogPullState } from './catalog-writer.ts';

export type FetchCatalogPage = (
  table: CatalogTableName,
  checkpoint: CatalogCheckpoint | null,
  limit: number,
  signal?: AbortSignal,
) => Promise<CatalogPage>;

export interface CatalogPullOptions {
  database: CatalogDatabase;
  table: CatalogTableName;
  fetchPage: FetchCatalogPage;
  /** Rows per request; the contract allows up to 20,000. */
  pageSize?: number;
  signal?: AbortSignal;
  /** Called after each stored page with the table's pull state. */
  onPage?: (state: CatalogPullState) => void;
}

export const CATALOG_PAGE_SIZE = 10_000;

/** Pulls until the server has nothing newer; resolves to the final state. Rejects on the first failure. */
export async function pullCatalogTable({
  database,
  table,
  fetchPage,
  pageSize = CATALOG_PAGE_SIZE,
  signal,
  onPage,
}: CatalogPullOptions): Promise<CatalogPullState> {
  let state = await readCatalogPullState(database, table);
  let next: Promise<Fetched> | undefined = settle(fetchPage(table, state.checkpoint, pageSize, signal));
  while (next) {
    const fetched: Fetched = await next;
    if (!fetched.ok) throw fetched.error;
    const page: CatalogPage = fetched.page;
    const more: boolean = page.documents.length >= pageSize && page.checkpoint !== null;
    // Pipelining: ask for the next page before writing this one.
    next = more ? settle(fetchPage(table, page.checkpoint, pageSize, signal)) : undefined;
    try {
      state = await writeCatalogPage(database, table, page, !more);
    } catch (error) {
      if (next) await reportDiscardedPrefetch(next, table);
      throw error;
    }
    onPage?.(state);
  }
  return state;
}

type Fetched = { ok: true; page: CatalogPage } | { ok: false; error: unknown };

/**
 * A fetch running ahead may fail while the current page is still being written; holding its outcome as a
 * value keeps that failure from surfacing as an unhandled rejection before the loop gets to it.
 */
function settle(fetching: Promise<CatalogPage>): Promise<Fetched> {
  return fetching.then(
    (page) => ({ ok: true, page }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** The page fetched ahead is not needed when writing failed; its own failure only matters to a developer. */
async function reportDiscardedPrefetch(prefetch: Promise<Fetched>, table: CatalogTableName): Promise<void> {
  const outcome = await prefetch;
  if (!outcome.ok) console.warn(`Discarded the prefetched ${table} page after a failed write; it failed too`, outcome.error);
}
