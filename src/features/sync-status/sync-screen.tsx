import { useTranslation } from 'react-i18next';
import { useCatalogDatabase } from '../../catalog/catalog-context.ts';
import { useCatalogCount } from '../../catalog/use-catalog-count.ts';
import { deviceCollectionNames } from '../../data/database.ts';
import { useStoreTime } from '../../data/use-store-time.ts';
import { useSyncDatabase } from '../../sync/sync-database-context.ts';
import { syncDisplayState, useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { useQuarantine } from '../../sync/use-quarantine.ts';

/**
 * The whole sync picture for a manager: the state in words with the last problem and the catalog on this
 * device (its download and how many products it holds, live), enrolment and the last successful sync (kept
 * across reloads), what waits per kind, the quarantine.
 * The header's chip shows the state in short on every screen.
 */
export function SyncScreen() {
  const { t, i18n } = useTranslation();
  const status = useSyncStatusStore();
  const storeTime = useStoreTime();
  const quarantine = useQuarantine(useSyncDatabase());
  // The catalog on this device, live: the counter shows it only as a quiet line, the whole picture is here.
  const productCount = useCatalogCount(useCatalogDatabase());
  const { enrolment } = status;
  const state = syncDisplayState(status);
  const problem = status.lastProblem;
  return (
    <section className="screen" data-testid="sync-screen">
      <h1>{t('sync.title')}</h1>
      <section className="panel" data-testid="sync-screen-state" data-state={state}>
        <p className="sync-screen-state">{t(`sync.state.${state}`)}</p>
        {problem && (
          <p className="notice error" data-testid="sync-error" data-problem={problem.key}>
            {t(`sync.errors.${problem.key}`, problem.values)}
          </p>
        )}
        {status.phase === 'running' && (
          <p data-testid="sync-screen-catalog" data-rows={status.catalog.rows} data-ready={status.catalog.caughtUp}>
            {status.catalog.caughtUp ? t('sync.catalogReady') : t('sync.catalogProgress', { rows: status.catalog.rows.toLocaleString(i18n.resolvedLanguage) })}
          </p>
        )}
        <p data-testid="sync-screen-catalog-count" data-count={productCount ?? ''}>
          {productCount === undefined ? t('sale.catalogCounting') : t('sale.catalogCount', { count: productCount })}
        </p>
      </section>
      <section className="panel">
        {enrolment && (
          <>
            <p>{t('sync.store', { storeName: enrolment.storeName })}</p>
            <p>{t('sync.device', { deviceName: enrolment.deviceName })}</p>
            <p>{t('sync.server', { serverUrl: enrolment.serverUrl })}</p>
          </>
        )}
        {status.phase === 'waiting-for-leadership' && <p className="notice">{t('sync.otherTab')}</p>}
        <p data-testid="sync-last-synced" data-at={status.lastSyncedAt ?? ''}>
          {status.lastSyncedAt
            ? t('sync.lastSynced', { time: storeTime(status.lastSyncedAt) })
            : t('sync.neverSynced')}
        </p>
        <a href="/enrol" data-testid="open-enrolment">
          {enrolment ? t('sync.enrolAgain') : t('enrolment.open')}
        </a>
      </section>
      <section className="panel">
        <h2>{t('sync.pendingTitle')}</h2>
        <ul>
          {deviceCollectionNames
            .filter((name) => name !== 'config')
            .map((name) => (
              <li key={name} data-testid={`sync-pending-${name}`} data-count={status.pending[name] ?? 0}>
                {t(`sync.collections.${name}`)}: {status.pending[name] ?? 0}
              </li>
            ))}
        </ul>
      </section>
      <section className="panel" data-testid="sync-quarantine" data-count={status.quarantined}>
        <h2>{t('sync.quarantineTitle')}</h2>
        {quarantine.length === 0 ? (
          <p>{t('sync.quarantineNone')}</p>
        ) : (
          <>
            <p>{t('sync.quarantineHelp')}</p>
            <ul>
              {quarantine.map((entry) => (
                <li key={`${entry.collection}/${entry.id}`}>
                  {t(`sync.collections.${entry.collection}`)} <code>{entry.id}</code>: HTTP {entry.status} {entry.error} — {entry.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </section>
  );
}
