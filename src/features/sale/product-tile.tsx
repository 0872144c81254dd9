import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDocument } from '../../data/schemas/types.ts';
import { useMoney } from '../../data/sale-settings-context.ts';

interface ProductTileProps {
  readonly product: ProductDocument;
  readonly onChoose: (product: ProductDocument) => void;
  /** While a manager sets the quick keys: whether this product is one (the tile is a toggle then). */
  readonly quickKey?: boolean;
}

/**
 * One product on the grid: its picture when it has one, its name and price (per kg for a weighed item); a tap
 * rings it up. The picture sits in a box of fixed size (product-grid.css), so a picture arriving late moves
 * nothing and every row of the virtualised grid keeps its height; it loads lazily, only for tiles on screen,
 * and a picture that cannot load (offline and never seen, a dead link) leaves a plain box instead of a broken
 * image. The service worker keeps pictures once seen (vite.config.ts), so a tile shows its picture offline.
 */
export const ProductTile = memo(function ProductTile({ product, onChoose, quickKey }: ProductTileProps) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <button
      type="button"
      className="product-tile"
      onClick={() => onChoose(product)}
      aria-pressed={quickKey}
      data-testid="product-tile"
      data-product-id={product.id}
      data-sku={product.sku}
      data-weighed={product.weighed}
      data-pictured={product.image !== undefined}
    >
      {product.image !== undefined && <TilePicture key={product.image} src={product.image} />}
      <span className="product-tile-name">{product.name}</span>
      <span className="product-tile-price">
        {money(product.price)}
        {product.weighed ? `/${t('sale.unit.kg')}` : ''}
      </span>
    </button>
  );
});

/** The picture's box: the image, or a neutral placeholder once it failed. Decorative: the name says what it is. */
function TilePicture({ src }: { readonly src: string }) {
  const [failed, setFailed] = useState(false);
  return (
    <span className="product-tile-picture" data-testid="product-tile-picture" data-failed={failed}>
      {!failed && <img src={src} alt="" width={48} height={48} loading="lazy" decoding="async" referrerPolicy="no-referrer" draggable={false} onError={() => setFailed(true)} />}
    </span>
  );
}
