/*
 * The name-word index (table nameWords, catalog-database.ts): per product, its whole folded name under an
 * index (search by the name's start: "sua tuoi" finds "Sữa tươi ...") and the distinct folded words of it
 * under a multiEntry index (search by any word: "phe" finds "Cà phê sữa"), each an index range.
 *
 * When the rows are written:
 *  - a small page (a live change from the stream, up to INLINE_WORDS_MAX products): in the page's own
 *    transaction (catalog-writer.ts);
 *  - a big page (the first sync, 10,000 products a page): the page only restarts the background build, which
 *    starts BUILD_DELAY_MS after the page that caught up with the server (or when the counter opens) and
 *    walks the products by id, CHUNK at a time, one short transaction each with a pause between, stepping
 *    aside while the counter is scanning, recording how far it got (indexState) so a reload resumes it.
 *    The first sync's ~11 extra index entries per product would otherwise make ready-to-scan far slower
 *    (catalog-database.ts gives the figures); scans and SKUs do not need them.
 * A renamed product's row is replaced, a deleted one's removed with it (small pages) or left behind (big
 * pages, until the next pass); readers check each product's current name as well (searchProducts), so a
 * row not yet rebuilt finds nothing wrong. Clearing the catalog clears the index.
 * One row per product, not one per word: IndexedDB keeps the multiEntry index itself, where a row per word
 * costs a request each from JavaScript (measured 5x slower to build).
 * A row also carries the product's category while the product is on sale, for the product grid's category
 * tabs (product-shelves.ts): built with the words, off the first sync's path (catalog-database.ts, version 4).
 */
import { liveQuery } from 'dexie';
import type { ProductDocument } from '../data/schemas/types.ts';
import { foldForSearch, wordsOfFolded } from '../domain/search-text.ts';
import type { CatalogDatabase, NameWordIndexState, NameWordRow } from './catalog-database.ts';

export const INLINE_WORDS_MAX = 500;
const CHUNK = 500;
/** How long the build steps aside after the counter looked a code up (see stepAsideForCounter). */
const COUNTER_QUIET_MS = 1_000;
const BUILD_DELAY_MS = 2_000;
const UNBUILT: NameWordIndexState = { key: 'nameWords', after: null, done: false, pass: 0 };

type Named = { name?: unknown; searchName?: unknown; category?: unknown; active?: unknown };

/** A product's folded name; the server sends it, an older row may lack it. */
export function foldedNameOf(product: Named): string {
  if (typeof product.searchName === 'string') return product.searchName;
  return typeof product.name === 'string' ? foldForSearch(product.name) : '';
}

/** The folded words of a product's name. */
export function wordsOfProduct(product: Named): string[] {
  return wordsOfFolded(foldedNameOf(product));
}

/** Writes the index rows of these products (and drops those of deleted ones); call inside a transaction with nameWords. */
export async function indexNameWords(database: CatalogDatabase, products: ReadonlyArray<{ id: string } & Named>, deletedIds: readonly string[] = []): Promise<void> {
  const rows: NameWordRow[] = products.map((product) => {
    const name = foldedNameOf(product);
    const onShelf = product.active !== false && typeof product.category === 'string' && product.category !== '';
    return onShelf ? { id: product.id, words: wordsOfFolded(name), name, category: product.category as string } : { id: product.id, words: wordsOfFolded(name), name };
  });
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

/** Whether the index holds every product's name and words (the search finds products by name). */
export async function isNameWordIndexBuilt(database: CatalogDatabase): Promise<boolean> {
  return (await database.indexState.get('nameWords'))?.done ?? false;
}

/**
 * Tells `listener` whether the index is built, now and each time that changes (in this tab or another), so a
 * screen that said "names are still being indexed" can search again by itself. Returns the unsubscribe.
 */
export function watchNameWordIndexBuilt(database: CatalogDatabase, listener: (built: boolean) => void): () => void {
  let last: boolean | undefined;
  const subscription = liveQuery(() => isNameWordIndexBuilt(database)).subscribe({
    next: (built) => {
      if (built === last) return;
      last = built;
      listener(built);
    },
    error: (error: unknown) => console.error('Watching the product name index failed; retyping the search finds names once it is built', error),
  });
  return () => subscription.unsubscribe();
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
