import { useTranslation } from 'react-i18next';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';

/**
 * The first catalog download, as a chip of its own beside the sync state (not run into it): shown while the
 * rows arrive, hidden once the catalog is ready (the sync screen says so). `catalog-progress` keeps its
 * data-rows and data-ready for tests either way.
 */
export function CatalogProgressChip() {
  const { t, i18n } = useTranslation();
  const status = useSyncStatusStore();
  if (status.phase !== 'running') return null;
  const { rows, caughtUp } = status.catalog;
  return (
    <span className="catalog-chip" data-testid="catalog-progress" data-rows={rows} data-ready={caughtUp} hidden={caughtUp} title={t('sync.catalogProgress', { rows: rows.toLocaleString(i18n.resolvedLanguage) })}>
      {t('sync.catalogShort', { rows: rows.toLocaleString(i18n.resolvedLanguage) })}
    </span>
  );
}
