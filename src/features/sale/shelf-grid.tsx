import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CatalogDatabase } from '../../catalog/catalog-database.ts';
import type { ProductDocument } from '../../data/schemas/types.ts';
import { ProductTile } from './product-tile.tsx';
import { useShelfCount, useShelfWindow } from './use-shelves.ts';

/** A tile is at least this wide; the grid fits as many columns as the selling area allows. */
const TILE_MIN_WIDTH = 136;
const GAP = 8;
const ROW_HEIGHT = 96 + GAP;
/** Products are read in pages of this many positions, the window around what is on screen. */
const PAGE = 60;

interface ShelfGridProps {
  readonly catalog: CatalogDatabase;
  readonly category: string;
  readonly onChoose: (product: ProductDocument) => void;
  /** While the quick keys are being set: which products are quick keys (their tiles show it). */
  readonly quickKeys?: ReadonlySet<string>;
}

function useWidth(element: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const target = element.current;
    if (target === null) return undefined;
    // A ResizeObserver reports the size it finds when it starts observing, then each change.
    const observer = new ResizeObserver(() => setWidth(target.clientWidth));
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

/**
 * A category's products as tiles, by name, virtualised: only the rows on screen (and two either side) are in
 * the page, and only the pages of products around them are read from the catalog, so a category of 100,000
 * products costs what one screen of tiles costs. A position whose product is not read yet is an empty tile.
 */
export function ShelfGrid({ catalog, category, onChoose, quickKeys }: ShelfGridProps) {
  const { t } = useTranslation();
  const count = useShelfCount(catalog, category);
  const scroll = useRef<HTMLDivElement>(null);
  const width = useWidth(scroll);
  const columns = Math.max(1, Math.floor((width + GAP) / (TILE_MIN_WIDTH + GAP)));
  const total = count ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the grid is meant to re-render as it scrolls
  const virtualizer = useVirtualizer({ count: Math.ceil(total / columns), getScrollElement: () => scroll.current, estimateSize: () => ROW_HEIGHT, overscan: 2 });
  const rows = virtualizer.getVirtualItems();
  const first = (rows[0]?.index ?? 0) * columns;
  const end = ((rows.at(-1)?.index ?? -1) + 1) * columns;
  const from = Math.floor(first / PAGE) * PAGE;
  const to = Math.min(total, Math.ceil(end / PAGE) * PAGE);
  const shown = useShelfWindow(catalog, category, from, to);
  const productAt = (position: number): ProductDocument | undefined =>
    shown !== undefined && shown.category === category && position >= shown.from ? shown.products[position - shown.from] : undefined;

  return (
    // Focusable, so a keyboard can scroll it while its tiles are still being read (and named, for a screen reader).
    <div ref={scroll} className="shelf-scroll" role="region" aria-label={category} tabIndex={0} data-testid="shelf" data-category={category} data-count={count ?? ''} data-columns={columns}>
      {count === 0 && <p className="hint">{t('sale.grid.emptyCategory')}</p>}
      <div className="shelf-rows" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => (
          <div key={row.key} className="shelf-row" style={{ height: ROW_HEIGHT - GAP, transform: `translateY(${row.start}px)`, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
            {Array.from({ length: columns }, (_, column) => {
              const position = row.index * columns + column;
              if (position >= total) return null;
              const product = productAt(position);
              return product === undefined ? (
                <span key={position} className="product-tile product-tile-waiting" aria-hidden="true" />
              ) : (
                <ProductTile key={product.id} product={product} onChoose={onChoose} {...(quickKeys === undefined ? {} : { quickKey: quickKeys.has(product.id) })} />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
