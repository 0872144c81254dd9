/*
 * The demo catalog generator. Product number i is always the same product (its own seeded random stream),
 * so a catalog of 2,000 is the first 2,000 of a catalog of 100,000 and `npm run seed -- --products N`
 * can extend a catalog without rewriting it.
 * Barcodes: EAN-13 = GS1 country prefix (893 for Vietnamese brands) + 3-digit maker code from the brand +
 * the product number in 6 digits + check digit; the product number makes every barcode unique.
 * About 1 product in 33 is a fresh item sold by weight: unit kg, a 5-digit PLU for the scale's labels
 * (prefix 21, see the store config's barcodeRules), no EAN of its own.
 * Products 1,900 to 1,908 are goods made or served at the counter (coffee, bread, gift wrapping, the store's
 * gift card, product 1,908, sold at the amount typed: demoGiftCardProductId): no barcode,
 * sold from the product grid's quick keys. There, so that the default demo of 2,000 products has them while
 * the small catalogs the end-to-end tests start with (200) and the first products they scan stay packaged goods.
 */
import { v5 as uuidv5 } from 'uuid';
import type { BalanceDocument, ProductDocument } from '../../../src/data/schemas/types.ts';
import { makeEan13 } from '../../../src/domain/gtin.ts';
import { foldForSearch } from '../../../src/domain/search-text.ts';
import { COUNTER_GOODS, GIFT_CARD_GOOD, PRODUCT_LINES, WEIGHED_LINES } from './catalog-data.ts';
import { SeededRandom, hashText } from './prng.ts';

/** Namespace of the demo data's name-based UUIDs (v5): ids are stable across runs and machines. */
export const DEMO_NAMESPACE = '5b0f6a52-1d8e-4c1e-9a57-3f7d2b8c9e10';
export const MAX_CATALOG_SIZE = 1_000_000;

const PRODUCT_FAMILY = 1;
const STOCK_FAMILY = 2;
const WEIGHED_EVERY = 33;
const WEIGHED_OFFSET = 7;
/** The first counter good's product number; the others follow it (COUNTER_GOODS, in order). */
export const FIRST_COUNTER_GOOD = 1900;

export function demoId(kind: string, key: string | number): string {
  return uuidv5(`${kind}:${key}`, DEMO_NAMESPACE);
}

export function productIdAt(index: number): string {
  return demoId('product', index);
}

export function isWeighedAt(index: number): boolean {
  return index % WEIGHED_EVERY === WEIGHED_OFFSET;
}

function counterGoodAt(index: number) {
  return index >= FIRST_COUNTER_GOOD ? COUNTER_GOODS[index - FIRST_COUNTER_GOOD] : undefined;
}

/** The ids of the counter goods: the demo store's quick keys. */
export function counterGoodIds(): string[] {
  return COUNTER_GOODS.map((_, offset) => productIdAt(FIRST_COUNTER_GOOD + offset));
}

/** The demo store's gift-card product (config loyalty.giftCardProductIds), among the counter goods. */
export function demoGiftCardProductId(): string {
  return productIdAt(FIRST_COUNTER_GOOD + GIFT_CARD_GOOD);
}

/** Product number `index` (0-based) of the demo catalog. */
export function generateProduct(index: number, updatedAt: string): ProductDocument {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_CATALOG_SIZE) {
    throw new RangeError(`product index must be 0..${MAX_CATALOG_SIZE - 1}, got ${index}`);
  }
  const rng = SeededRandom.forItem(PRODUCT_FAMILY, index);
  const sku = `SP${String(index + 1).padStart(6, '0')}`;
  const counterGood = counterGoodAt(index);
  if (counterGood !== undefined) {
    return {
      id: productIdAt(index),
      sku,
      name: counterGood.name,
      searchName: foldForSearch(counterGood.name),
      barcodes: [],
      price: counterGood.price,
      taxClassId: counterGood.taxClassId,
      unit: 'pcs',
      weighed: false,
      category: counterGood.category,
      active: true,
      updatedAt,
    };
  }
  if (isWeighedAt(index)) {
    const { line: item, choice, round } = WEIGHED_NAMES.at(Math.floor(index / WEIGHED_EVERY));
    const name = joinWords(item.name, item.variants.split('|')[choice[0] ?? 0] ?? '', roundSuffix(round));
    return {
      id: productIdAt(index),
      sku,
      name,
      searchName: foldForSearch(name),
      barcodes: [],
      price: priceIn(rng, item.pricePerKg),
      taxClassId: item.taxClassId,
      unit: 'kg',
      weighed: true,
      plu: String(Math.floor(index / WEIGHED_EVERY) + 1).padStart(5, '0'),
      category: item.category,
      active: true,
      updatedAt,
    };
  }
  const { line: item, choice, round } = PACKAGED_NAMES.at(index - weighedBefore(index));
  const [brandChoice = 0, variantChoice = 0, sizeChoice = 0] = choice;
  const [brand = '', country = '893'] = (item.brands.split('|')[brandChoice] ?? '').split('@');
  const [sizeLabel = '', priceRange = '10000-20000'] = (item.sizes.split('|')[sizeChoice] ?? '').split(':');
  const variant = item.variants.split('|')[variantChoice] ?? '';
  const name = joinWords(item.type, brand, variant, sizeLabel, roundSuffix(round));
  const makerCode = String(hashText(brand) % 1000).padStart(3, '0');
  return {
    id: productIdAt(index),
    sku,
    name,
    searchName: foldForSearch(name),
    barcodes: [makeEan13(country + makerCode + String(index).padStart(6, '0'))],
    price: priceIn(rng, priceRange),
    taxClassId: item.taxClassId,
    unit: 'pcs',
    weighed: false,
    category: item.category,
    active: true,
    updatedAt,
  };
}

/** How many weighed items come before product number `index`. */
function weighedBefore(index: number): number {
  return Math.floor((index + WEIGHED_EVERY - WEIGHED_OFFSET - 1) / WEIGHED_EVERY);
}

/** A catalog larger than the distinct names tells its rounds apart: "... (mẫu 2)". */
function roundSuffix(round: number): string {
  return round === 0 ? '' : `(mẫu ${round + 1})`;
}

/**
 * Every distinct name of a list of lines, visited in a scrambled but fixed order (i * stride mod count,
 * stride coprime with count), so consecutive products differ and no name repeats before all were used.
 */
class NameSpace<L> {
  private readonly starts: number[] = [];
  private readonly count: number;
  private readonly stride: number;

  constructor(
    private readonly lines: readonly L[],
    private readonly radices: (line: L) => number[],
  ) {
    let total = 0;
    for (const l of lines) {
      this.starts.push(total);
      total += radices(l).reduce((a, b) => a * b, 1);
    }
    this.count = total;
    this.stride = [1009, 1013, 1019, 1021, 1031, 1033].find((p) => gcd(p, total) === 1) ?? 1;
  }

  at(n: number): { line: L; choice: number[]; round: number } {
    const round = Math.floor(n / this.count);
    let p = ((n % this.count) * this.stride) % this.count;
    let lineIndex = this.starts.length - 1;
    while ((this.starts[lineIndex] ?? 0) > p) lineIndex--;
    const line = this.lines[lineIndex] as L;
    p -= this.starts[lineIndex] ?? 0;
    const choice = this.radices(line).map((radix) => {
      const digit = p % radix;
      p = Math.floor(p / radix);
      return digit;
    });
    return { line, choice, round };
  }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

const count = (list: string) => list.split('|').length;
const PACKAGED_NAMES = new NameSpace(PRODUCT_LINES, (l) => [count(l.brands), count(l.variants), count(l.sizes)]);
const WEIGHED_NAMES = new NameSpace(WEIGHED_LINES, (l) => [count(l.variants)]);

/** The store's stock of a product, in thousandths of its unit (grams for kg items). */
export function generateStock(index: number, product: ProductDocument, storeId: string, updatedAt: string): BalanceDocument {
  const rng = SeededRandom.forItem(STOCK_FAMILY, index);
  let value: number;
  if (product.weighed) value = rng.int(500, 40_000);
  else value = rng.chance(0.05) ? 0 : rng.int(3, 240) * 1000;
  return { id: `stock:${storeId}:${product.id}`, kind: 'stock', storeId, refId: product.id, value, updatedAt };
}

/** A shelf price from a "min-max" range: VND, rounded to 500 below 20,000 and to 1,000 above. */
function priceIn(rng: SeededRandom, range: string): number {
  const [min = 10000, max = min] = range.split('-').map(Number);
  const raw = rng.int(min, max);
  const step = raw < 20_000 ? 500 : 1000;
  return Math.max(step, Math.round(raw / step) * step);
}

function joinWords(...words: string[]): string {
  return words.filter((w) => w.length > 0).join(' ');
}
