/*
 * Reads of the Dexie catalog that the counter needs, each on an index: the catalog is never loaded whole.
 */
import type { ProductDocument } from '../data/schemas/types.ts';
import { foldForSearch, matchesEveryWord, narrowestWord, searchWordsOf } from '../domain/search-text.ts';
import type { CatalogDatabase } from './catalog-database.ts';
import { foldedNameOf, wordsOfProduct } from './name-word-index.ts';

/** The product carrying this barcode (any of its barcodes), or undefined. */
export async function findProductByBarcode(database: CatalogDatabase, code: string): Promise<ProductDocument | undefined> {
  return database.products.where('barcodes').equals(code).first();
}

/**
 * The first product carrying any of these codes (the forms one GTIN may be stored in), most likely first.
 * The first code is asked alone (a scanned EAN-13 is nearly always stored as scanned), the others only when
 * it is not found, each as an exact index get in one read transaction. Measured in Chromium on 50,000
 * products: one get 0.4 ms at the median, three gets in a transaction 1.3 ms, an anyOf() over the three
 * (a cursor hopping between keys) 4.1 ms.
 */
export async function findProductByBarcodes(database: CatalogDatabase, codes: readonly string[]): Promise<ProductDocument | undefined> {
  const [first, ...others] = codes;
  if (first === undefined) return undefined;
  const product = await findProductByBarcode(database, first);
  if (product !== undefined || others.length === 0) return product;
  const found = await database.transaction('r', database.products, () => Promise.all(others.map((code) => findProductByBarcode(database, code))));
  return found.find((each) => each !== undefined);
}

/** Digits typed: a barcode, whole or its start, once it is long enough to narrow anything down. */
const BARCODE_PREFIX = /^\d{4,14}$/;

/**
 * What the cashier typed, found on the catalog's indexes, best first, at most `limit`:
 *  1. the product with exactly this SKU, then the one with exactly this barcode;
 *  2. products whose name has every typed word as the start of one of its words (accents and case ignored,
 *     any order: "sua ca" finds "Cà phê sữa"), those whose name starts with the typed text first;
 *  3. products whose SKU or barcode starts with the typed text.
 * When the text looks like a code (no space, and a digit or a code's punctuation such as "-"), 3 comes before 2.
 * Names are read on the name-word index (name-word-index.ts): the whole folded name by prefix, then the
 * words by the longest typed word, whose other words are checked on the index rows in that range only; the
 * reading stops at `limit` matches. While that index is still being built after a first sync, codes alone
 * answer (namesIndexed says so).
 */
export async function searchProducts(database: CatalogDatabase, text: string, limit: number): Promise<ProductDocument[]> {
  const typed = text.trim();
  const words = searchWordsOf(typed);
  const indexWord = narrowestWord(words);
  if (indexWord === undefined || limit <= 0) return [];
  const oneToken = !/\s/.test(typed);
  const sku = typed.toUpperCase();
  const digits = BARCODE_PREFIX.test(typed);
  const folded = foldForSearch(typed);
  const [exactSku, exactBarcode, byName, bySku, byBarcode] = await Promise.all([
    oneToken ? database.products.where('sku').equals(sku).first() : undefined,
    digits ? findProductByBarcode(database, typed) : undefined,
    productsByNameWords(database, words, indexWord, folded, limit),
    oneToken ? database.products.where('sku').startsWith(sku).limit(limit).toArray() : [],
    digits ? database.products.where('barcodes').startsWith(typed).distinct().limit(limit).toArray() : [],
  ]);
  const names = byName
    .map((product) => ({ product, name: foldedNameOf(product) }))
    .sort((a, b) => Number(b.name.startsWith(folded)) - Number(a.name.startsWith(folded)) || compareText(a.name, b.name))
    .map(({ product }) => product);
  const codes = [...bySku, ...byBarcode];
  const codeLike = oneToken && /[\d\-_./]/.test(typed);
  const ranked = [exactSku, exactBarcode, ...(codeLike ? [...codes, ...names] : [...names, ...codes])];
  const seen = new Set<string>();
  const results: ProductDocument[] = [];
  for (const product of ranked) {
    if (product === undefined || seen.has(product.id)) continue;
    seen.add(product.id);
    results.push(product);
    if (results.length === limit) break;
  }
  return results;
}

async function productsByNameWords(database: CatalogDatabase, words: readonly string[], indexWord: string, folded: string, limit: number): Promise<ProductDocument[]> {
  const starting = await database.nameWords.where('name').startsWith(folded).limit(limit).toArray();
  const seen = new Set(starting.map((row) => row.id));
  // The index rows are small (an id, a name and its words): the other typed words are checked on them, and
  // only the matches are read from products; the walk stops at `limit` matches.
  const byWords =
    starting.length >= limit
      ? []
      : await database.nameWords
          .where('words')
          .startsWith(indexWord)
          .distinct()
          .filter((row) => !seen.has(row.id) && matchesEveryWord(row.words, words))
          .limit(limit - starting.length)
          .toArray();
  const found: ProductDocument[] = [];
  for (const product of await database.products.bulkGet([...starting, ...byWords].map((row) => row.id))) {
    // The product's current name decides: a row not rebuilt yet after a big page finds nothing wrong.
    if (product !== undefined && (foldedNameOf(product).startsWith(folded) || matchesEveryWord(wordsOfProduct(product), words))) found.push(product);
  }
  return found;
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** How many products the catalog holds, counted by IndexedDB. */
export async function countProducts(database: CatalogDatabase): Promise<number> {
  return database.products.count();
}
