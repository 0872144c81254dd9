import { useTranslation } from 'react-i18next';
import { useLiveCount } from '../../data/use-live-count.ts';

/**
 * The counter's home for now: how much of the catalog is on this device and that sync is not set up yet.
 * The actual ringing-up of sales comes with the counter issue; until then there is deliberately no cart.
 */
export function SaleHomeScreen() {
  const { t } = useTranslation();
  const productCount = useLiveCount('products');
  return (
    <section className="screen" data-testid="sale-home">
      <h1>{t('sale.title')}</h1>
      <div className="panel">
        <p className="catalog-count" data-testid="catalog-count" data-count={productCount ?? ''}>
          {productCount === undefined ? t('sale.catalogCounting') : t('sale.catalogCount', { count: productCount })}
        </p>
        <p className="notice" data-testid="sync-not-set-up">
          {t('sale.syncNotSetUp')}
        </p>
      </div>
    </section>
  );
}
