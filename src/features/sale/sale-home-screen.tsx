import { useTranslation } from 'react-i18next';
import { useCatalogDatabase } from '../../catalog/catalog-context.ts';
import { useCatalogCount } from '../../catalog/use-catalog-count.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';

/**
 * The counter's own line about this device: how much of the catalog is on it (live from the Dexie catalog,
 * a quiet line at the foot of the selling area, no longer a banner over the counter) and, on a tablet that
 * is not enrolled yet, the way to set up sync. The screen's title is for screen readers only: the header's
 * navigation already says where the cashier is.
 */
export function SaleHomeScreen() {
  const { t } = useTranslation();
  const productCount = useCatalogCount(useCatalogDatabase());
  const enrolled = useSyncStatusStore((state) => state.enrolment !== undefined);
  return (
    <div className="sale-home" data-testid="sale-home">
      <h1 className="visually-hidden">{t('sale.title')}</h1>
      {!enrolled && (
        <p className="notice" data-testid="sync-not-set-up">
          {t('sale.syncNotSetUp')} <a href="/enrol" data-testid="open-enrolment">{t('enrolment.open')}</a>
        </p>
      )}
      <p className="catalog-count hint" data-testid="catalog-count" data-count={productCount ?? ''}>
        {productCount === undefined ? t('sale.catalogCounting') : t('sale.catalogCount', { count: productCount })}
      </p>
    </div>
  );
}
