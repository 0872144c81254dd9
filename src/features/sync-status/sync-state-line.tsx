import { useTranslation } from 'react-i18next';
import { syncDisplayState, totalPending, useSyncStatusStore } from '../../sync/sync-status-store.ts';

/**
 * The sync state in one line, with the hooks tests read: `sync-status` (data-state), `sync-pending-count`
 * (data-count), `catalog-progress` during the first catalog download, and the last problem in words.
 */
export function SyncStateLine() {
  const { t } = useTranslation();
  const status = useSyncStatusStore();
  const state = syncDisplayState(status);
  const pending = totalPending(status.pending);
  const problem = status.lastProblem;
  return (
    <div className="sync-status" data-testid="sync-status" data-state={state} role="status" aria-label={t('sync.label')}>
      <span className="sync-state">{t(`sync.state.${state}`)}</span>{' '}
      <span className="sync-pending" data-testid="sync-pending-count" data-count={pending} hidden={pending === 0}>
        {t('sync.pending', { count: pending })}
      </span>
      {status.phase === 'running' && (
        <span
          className="catalog-progress"
          data-testid="catalog-progress"
          data-rows={status.catalog.rows}
          data-ready={status.catalog.caughtUp}
        >
          {' '}
          {status.catalog.caughtUp ? t('sync.catalogReady') : t('sync.catalogProgress', { rows: status.catalog.rows.toLocaleString() })}
        </span>
      )}
      {status.quarantined > 0 && (
        <span className="sync-quarantined" data-testid="sync-quarantined" data-count={status.quarantined}>
          {' '}
          {t('sync.quarantineCount', { count: status.quarantined })}
        </span>
      )}
      {problem && (
        <p className="sync-problem" data-testid="sync-error" data-problem={problem.key}>
          {t(`sync.errors.${problem.key}`, problem.values)}
        </p>
      )}
    </div>
  );
}
