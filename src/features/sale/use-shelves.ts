/*
 * The product grid's reads of the catalog, live (src/catalog/product-shelves.ts): each answer is tagged with
 * the query it answers, so a screen switching category never shows the old category's count under the new tab.
 */
import { useEffect, useState } from 'react';
import type { CatalogDatabase } from '../../catalog/catalog-database.ts';
import { countOnShelf, listCategories, productsByIds, productsOnShelf, watchCatalog } from '../../catalog/product-shelves.ts';
import { watchNameWordIndexBuilt } from '../../catalog/name-word-index.ts';
import type { ProductDocument } from '../../data/schemas/types.ts';

interface Answer<T> {
  readonly key: string;
  readonly value: T;
}

/** The last answer of a live catalog query, with the key of the query it answered; none while `key` is null. */
function useLiveAnswer<T>(catalog: CatalogDatabase, key: string | null, query: () => Promise<T>, what: string): Answer<T> | undefined {
  const [answer, setAnswer] = useState<Answer<T>>();
  useEffect(() => {
    if (key === null) return undefined;
    return watchCatalog(query, (value) => setAnswer({ key, value }), what);
    // The catalog and the key name everything the query reads; a new closure over the same key is the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalog, key]);
  return answer;
}

export function useCategories(catalog: CatalogDatabase): readonly string[] | undefined {
  return useLiveAnswer(catalog, 'categories', () => listCategories(catalog), 'categories')?.value;
}

export function useShelfCount(catalog: CatalogDatabase, category: string | null): number | undefined {
  const key = category === null ? null : JSON.stringify(['count', category]);
  const answer = useLiveAnswer(catalog, key, () => countOnShelf(catalog, category ?? ''), 'shelf count');
  return answer !== undefined && answer.key === key ? answer.value : undefined;
}

/** A window of a category's positions [from, to): the products there (undefined where one is gone), while the window moves. */
export interface ShelfWindow {
  readonly category: string;
  readonly from: number;
  readonly products: ReadonlyArray<ProductDocument | undefined>;
}

export function useShelfWindow(catalog: CatalogDatabase, category: string | null, from: number, to: number): ShelfWindow | undefined {
  const key = category === null || to <= from ? null : JSON.stringify(['window', category, from, to]);
  const answer = useLiveAnswer(catalog, key, async (): Promise<ShelfWindow> => ({ category: category ?? '', from, products: await productsOnShelf(catalog, category ?? '', from, to - from) }), 'shelf page');
  // While the next window loads, the last one still fills the positions it holds (no blank flash while scrolling).
  return answer?.value;
}

export function useProductsByIds(catalog: CatalogDatabase, ids: readonly string[]): readonly ProductDocument[] | undefined {
  const key = JSON.stringify(['ids', ...ids]);
  const answer = useLiveAnswer(catalog, key, () => productsByIds(catalog, ids), 'quick keys');
  return answer?.key === key ? answer.value : undefined;
}

/** Whether the background index the shelves are read from is complete (a new tablet fills them as it is built). */
export function useShelvesBuilt(catalog: CatalogDatabase): boolean | undefined {
  const [built, setBuilt] = useState<boolean>();
  useEffect(() => watchNameWordIndexBuilt(catalog, setBuilt), [catalog]);
  return built;
}
