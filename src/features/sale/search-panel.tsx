import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ProductDocument } from '../../data/schemas/types.ts';
import { useCounterStore } from './counter-store.ts';
import { useProductFinder } from '../../catalog/product-finder.ts';
import { useMoney } from '../../data/sale-settings-context.ts';

/** Results per search: from an index, a page of the catalog at most, never the whole of it. */
export const SEARCH_LIMIT = 200;
const ROW_HEIGHT = 56;

interface SearchPanelProps {
  readonly onChoose: (product: ProductDocument) => void;
  /** The search box's id, for whoever puts the cursor back in it (the counter's F3). */
  readonly inputId?: string;
}

/** The barcode a result shows: the one the cashier is typing, when it is one of the product's, else its first. */
function barcodeToShow(product: ProductDocument, text: string): string | undefined {
  const typed = text.trim();
  return (typed !== '' ? product.barcodes.find((code) => code.startsWith(typed)) : undefined) ?? product.barcodes[0];
}

/** Search by name (accents and case ignored), SKU or barcode, as the cashier types; a virtualized list showing each one's SKU and barcode. */
export function SearchPanel({ onChoose, inputId }: SearchPanelProps) {
  const { t } = useTranslation();
  const finder = useProductFinder();
  const money = useMoney();
  const text = useCounterStore((state) => state.searchText);
  const setText = useCounterStore((state) => state.setSearchText);
  // namesPending: nothing found while this tablet is still indexing names (right after its first sync).
  const [found, setFound] = useState<{ text: string; products: ProductDocument[]; namesPending: boolean }>({ text: '', products: [], namesPending: false });
  const [failed, setFailed] = useState(false);
  // Bumped when the name index becomes ready, so a search that found nothing while it was built runs again.
  const [namesReadyCount, setNamesReadyCount] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const waitingForNames = found.namesPending && found.text === text;

  useEffect(() => {
    if (!waitingForNames) return undefined;
    return finder.watchNamesIndexed((indexed) => {
      if (indexed) setNamesReadyCount((count) => count + 1);
    });
  }, [finder, waitingForNames]);

  useEffect(() => {
    let current = true;
    finder
      .search(text, SEARCH_LIMIT)
      .then(async (products) => ({ products, namesPending: products.length === 0 && text.trim() !== '' && !(await finder.namesIndexed()) }))
      .then(
        ({ products, namesPending }) => {
          if (!current) return;
          setFailed(false);
          setFound({ text, products, namesPending });
        },
        (error: unknown) => {
          console.error('Product search failed', { text, error });
          if (current) setFailed(true);
        },
      );
    return () => {
      current = false;
    };
  }, [finder, text, namesReadyCount]);

  const products = found.products;
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the list is meant to re-render as it scrolls
  const virtualizer = useVirtualizer({ count: products.length, getScrollElement: () => listRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  return (
    <section className="search-panel" data-testid="search-panel">
      <input
        // Focus lands here so the cashier can type at once; scanner bursts never land in it (wedge listener).
        autoFocus
        id={inputId}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t('sale.search.placeholder')}
        aria-label={t('sale.search.label')}
        data-testid="search-input"
      />
      {failed && <p role="alert" className="error">{t('sale.search.failed')}</p>}
      {text.trim() !== '' && found.text === text && products.length === 0 && (
        <p data-testid="search-nothing">{found.namesPending ? t('sale.search.namesPending', { text }) : t('sale.search.nothing', { text })}</p>
      )}
      <div ref={listRef} className="search-results" data-testid="search-results" data-count={found.text === text ? products.length : ''}>
        <ul style={{ height: virtualizer.getTotalSize(), position: 'relative', margin: 0, padding: 0 }}>
          {virtualizer.getVirtualItems().map((item) => {
            const product = products[item.index];
            if (product === undefined) return null;
            return (
              <li key={product.id} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)`, listStyle: 'none' }}>
                <button type="button" className="search-result" onClick={() => onChoose(product)} data-testid="search-result" data-sku={product.sku}>
                  <span>{product.name}</span>
                  <span className="hint">
                    {[product.sku, barcodeToShow(product, found.text), product.plu === undefined ? undefined : t('sale.search.plu', { plu: product.plu })]
                      .filter((code) => code !== undefined)
                      .join(' · ')}{' '}
                    · {money(product.price)}
                    {product.weighed ? `/${t('sale.unit.kg')}` : ''}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

