import { useTranslation } from 'react-i18next';
import { syncDisplayState, totalPending, useSyncStatusStore } from '../../sync/sync-status-store.ts';

/**
 * The sync state as the header's chip: a coloured dot, the state in a word or two and, when any, how many
 * items wait to be sent and how many were refused. The long wording and the last problem are in its title
 * and on the sync screen, so the header stays one row. Hooks tests read: `sync-status` (data-state),
 * `sync-pending-count` (data-count), `sync-quarantined` (data-count).
 */
export function SyncStateLine() {
  const { t } = useTranslation();
  const status = useSyncStatusStore();
  const state = syncDisplayState(status);
  const pending = totalPending(status.pending);
  const problem = status.lastProblem;
  const title = [
    t(`sync.state.${state}`),
    pending > 0 ? t('sync.pending', { count: pending }) : undefined,
    status.quarantined > 0 ? t('sync.quarantineCount', { count: status.quarantined }) : undefined,
    problem ? t(`sync.errors.${problem.key}`, problem.values) : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(' · ');
  return (
    <span className="sync-status" data-testid="sync-status" data-state={state} role="status" aria-label={t('sync.label')} title={title}>
      <span className="status-dot" aria-hidden="true" />
      <span className="sync-state">{t(`sync.short.${state}`)}</span>
      <span className="status-count" data-testid="sync-pending-count" data-count={pending} hidden={pending === 0}>
        {t('sync.pendingShort', { count: pending })}
      </span>
      {status.quarantined > 0 && (
        <span className="status-count bad" data-testid="sync-quarantined" data-count={status.quarantined}>
          {t('sync.quarantineShort', { count: status.quarantined })}
        </span>
      )}
    </span>
  );
}
