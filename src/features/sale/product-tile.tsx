import { memo } from 'react';
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
 * One product on the grid: its name and price (per kg for a weighed item), a tap rings it up. The catalog's
 * products carry no image yet (products.json has no image field), so a tile is its name and price only.
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
    >
      <span className="product-tile-name">{product.name}</span>
      <span className="product-tile-price">
        {money(product.price)}
        {product.weighed ? `/${t('sale.unit.kg')}` : ''}
      </span>
    </button>
  );
});
