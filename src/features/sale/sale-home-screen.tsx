import { useTranslation } from 'react-i18next';
import { useCatalogDatabase } from '../../catalog/catalog-context.ts';
import { useCatalogCount } from '../../catalog/use-catalog-count.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';

/**
 * The counter's home for now: how much of the catalog is on this device (live from the Dexie catalog) and,
 * on a tablet that is not enrolled yet, the way to set up sync. The actual ringing-up of sales comes with
 * the counter issue; until then there is deliberately no cart.
 */
export function SaleHomeScreen() {
  const { t } = useTranslation();
  const productCount = useCatalogCount(useCatalogDatabase());
  const enrolled = useSyncStatusStore((state) => state.enrolment !== undefined);
  return (
    <section className="screen" data-testid="sale-home">
      <h1>{t('sale.title')}</h1>
      <div className="panel">
        <p className="catalog-count" data-testid="catalog-count" data-count={productCount ?? ''}>
          {productCount === undefined ? t('sale.catalogCounting') : t('sale.catalogCount', { count: productCount })}
        </p>
        {!enrolled && (
          <p className="notice" data-testid="sync-not-set-up">
            {t('sale.syncNotSetUp')} <a href="/enrol" data-testid="open-enrolment">{t('enrolment.open')}</a>
          </p>
        )}
      </div>
    </section>
  );
}
