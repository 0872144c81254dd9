/*
 * The name-word index (table nameWords, catalog-database.ts): per product, the distinct folded words of its
 * name under a multiEntry index, so a search finds "Cà phê sữa" by "sua" or "phe" on an index range.
 *
 * When the words are written:
 *  - a small page (a live change from the stream, up to INLINE_WORDS_MAX products): its words are written in
 *    the page's own transaction (catalog-writer.ts);
 *  - a big page (the first sync, 10,000 products a page): the page only restarts the background build, which
 *    starts BUILD_DELAY_MS after the page that caught up with the server (or when the counter opens) and
 *    walks the products by id, CHUNK at a time, one short transaction each with a pause between, stepping
 *    aside while the counter is scanning, recording how far it got (indexState) so a reload resumes it.
 *    The first sync's ~10 extra index entries per product would otherwise double the time to ready-to-scan.
 * A renamed product's row is replaced, a deleted one's removed with it (small pages) or left behind (big
 * pages, until the next pass); readers check each product's current name as well (searchProducts), so a
 * row not yet rebuilt finds nothing wrong. Clearing the catalog clears the index.
 * One row per product, not one per word: IndexedDB keeps the multiEntry index itself, where a row per word
 * costs a request each from JavaScript (measured 5x slower to build).
 */
import type { ProductDocument } from '../data/schemas/types.ts';
import { foldForSearch, wordsOfFolded } from '../domain/search-text.ts';
import type { CatalogDatabase, NameWordIndexState, NameWordRow } from './catalog-database.ts';

export const INLINE_WORDS_MAX = 500;
const CHUNK = 500;
/** How long the build steps aside after the counter looked a code up (see stepAsideForCounter). */
const COUNTER_QUIET_MS = 1_000;
const BUILD_DELAY_MS = 2_000;
const UNBUILT: NameWordIndexState = { key: 'nameWords', after: null, done: false, pass: 0 };

/** The folded words of a product's name; the server sends the folded name, an older row may lack it. */
export function wordsOfProduct(product: { name?: unknown; searchName?: unknown }): string[] {
  if (typeof product.searchName === 'string') return wordsOfFolded(product.searchName);
  return typeof product.name === 'string' ? wordsOfFolded(foldForSearch(product.name)) : [];
}

/** Writes the words of these products (and drops those of deleted ones); call inside a transaction with nameWords. */
export async function indexNameWords(database: CatalogDatabase, products: ReadonlyArray<{ id: string; name?: unknown; searchName?: unknown }>, deletedIds: readonly string[] = []): Promise<void> {
  const rows: NameWordRow[] = products.map((product) => ({ id: product.id, words: wordsOfProduct(product) }));
  if (rows.length > 0) await database.nameWords.bulkPut(rows);
  if (deletedIds.length > 0) await database.nameWords.bulkDelete([...deletedIds]);
}

/** A big page was stored: the index is built again from the start; call inside a transaction with indexState. */
export async function restartNameWordIndex(database: CatalogDatabase): Promise<void> {
  const state = (await database.indexState.get('nameWords')) ?? UNBUILT;
  await database.indexState.put({ key: 'nameWords', after: null, done: false, pass: state.pass + 1 });
}

export async function clearNameWordIndex(database: CatalogDatabase): Promise<void> {
  await database.nameWords.clear();
  await database.indexState.put({ ...UNBUILT });
}

interface Builder {
  timer: ReturnType<typeof setTimeout> | undefined;
  running: Promise<void> | undefined;
  again: boolean;
  waiting: Array<() => void>;
}

const builders = new WeakMap<CatalogDatabase, Builder>();

function builderOf(database: CatalogDatabase): Builder {
  let builder = builders.get(database);
  if (builder === undefined) {
    builder = { timer: undefined, running: undefined, again: false, waiting: [] };
    builders.set(database, builder);
  }
  return builder;
}

/**
 * Builds what is left of the index in the background, after `delayMs` (restarted by each call, so a first
 * sync's pages do not race it). Resolves when the index is complete; failures are logged and retried by the
 * next call (the next page, the next start of the counter).
 */
export function buildNameWordIndex(database: CatalogDatabase, delayMs = BUILD_DELAY_MS): Promise<void> {
  const builder = builderOf(database);
  const done = new Promise<void>((resolve) => builder.waiting.push(resolve));
  clearTimeout(builder.timer);
  builder.timer = setTimeout(() => {
    builder.timer = undefined;
    if (builder.running) {
      builder.again = true;
      return;
    }
    const run = async (): Promise<void> => {
      do {
        builder.again = false;
        await buildRest(database);
      } while (builder.again);
    };
    builder.running = run()
      .catch((error: unknown) => {
        // The catalog was closed (deleted, or the page is going away): the next start resumes the build.
        if (error instanceof Error && error.name === 'DatabaseClosedError') return;
        console.error('Building the product name index failed; search finds names by their start until it is built', error);
      })
      .finally(() => {
        builder.running = undefined;
        if (builder.timer === undefined) for (const resolve of builder.waiting.splice(0)) resolve();
      });
  }, delayMs);
  return done;
}

let counterBusyUntil = 0;

/**
 * The counter just looked a scanned code up: the build pauses until the counter has been quiet for a moment.
 * Measured: while the build ran, scans took 67 ms at the median instead of 3 (IndexedDB serves the build's
 * writes and the scan's read one after the other); a cashier scans in bursts, so the build fits between them.
 */
export function stepAsideForCounter(now: number = performance.now()): void {
  counterBusyUntil = Math.max(counterBusyUntil, now + COUNTER_QUIET_MS);
}

async function counterQuiet(): Promise<void> {
  for (let wait = counterBusyUntil - performance.now(); wait > 0; wait = counterBusyUntil - performance.now()) {
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** Whether the index holds every product's words (the search finds names by any word). */
export async function isNameWordIndexBuilt(database: CatalogDatabase): Promise<boolean> {
  return (await database.indexState.get('nameWords'))?.done ?? false;
}

async function buildRest(database: CatalogDatabase): Promise<void> {
  for (;;) {
    const state = (await database.indexState.get('nameWords')) ?? UNBUILT;
    if (state.done) return;
    await counterQuiet();
    const products = state.after === null ? database.products.orderBy(':id') : database.products.where(':id').above(state.after);
    const chunk: ProductDocument[] = await products.limit(CHUNK).toArray();
    await database.transaction('rw', [database.nameWords, database.indexState], async () => {
      await indexNameWords(database, chunk);
      const current = (await database.indexState.get('nameWords')) ?? UNBUILT;
      // A big page stored meanwhile restarted the pass: this chunk's words stand, the restart too.
      if (current.pass !== state.pass) return;
      await database.indexState.put({ key: 'nameWords', after: chunk.at(-1)?.id ?? state.after, done: chunk.length < CHUNK, pass: state.pass });
    });
    // Let a scan's lookup and the screen through between chunks.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
