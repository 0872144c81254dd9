// Closing the day: what is not yet synced, and the close itself (a manager's when documents wait or cash is off).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PosDatabase } from '../../data/database.ts';
import { parseBusinessDate } from '../../domain/business-day.ts';
import { PERMISSIONS } from '../../domain/permissions.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { dayCloseNeedsApproval, recordDayClose, unsyncedCount } from './close-day.ts';
import { tabletDayReport } from './day-report-data.ts';
import type { TillSetup } from './till-setup.ts';
import { useDayEndApproval } from './use-day-end-approval.ts';

export function CloseDayPanel({ database, setup, staffId, date, onClosed }: { database: PosDatabase; setup: TillSetup; staffId: string; date: string; onClosed: () => void }) {
  const { t } = useTranslation();
  const pending = useSyncStatusStore((state) => state.pending);
  const approve = useDayEndApproval(setup.permissions);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const waiting = Object.entries(pending).filter(([, count]) => (count ?? 0) > 0);
  const total = unsyncedCount(pending as Record<string, number>);

  const close = async () => {
    const parsed = parseBusinessDate(date);
    if (!parsed.ok) return;
    setBusy(true);
    setOutcome(null);
    try {
      const snapshot = { ...useSyncStatusStore.getState().pending } as Record<string, number>;
      const tillReport = await tabletDayReport(database, setup, { date: parsed.value, deviceId: setup.deviceId });
      const dayClose = { date: parsed.value, pending: snapshot, tillReport };
      let approverId: string | undefined;
      if (dayCloseNeedsApproval(dayClose)) {
        const reason = unsyncedCount(snapshot) > 0 ? t('dayEnd.closeDay.approveUnsynced', { count: unsyncedCount(snapshot) }) : t('dayEnd.closeDay.approveVariance');
        const approver = await approve(PERMISSIONS.closeDay, reason);
        if (approver === null) return setOutcome({ tone: 'error', text: t('dayEnd.closeDay.notApproved') });
        approverId = approver;
      }
      await recordDayClose(database, setup, dayClose, { staffId, ...(approverId === undefined ? {} : { approverId }) });
      setOutcome({ tone: 'success', text: t('dayEnd.closeDay.done', { date: parsed.value }) });
      onClosed();
    } catch (error) {
      console.error('Closing the day failed', { date, error });
      setOutcome({ tone: 'error', text: t('dayEnd.closeDay.failed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="dayend-panel" data-testid="close-day" data-unsynced={total}>
      <h2>{t('dayEnd.closeDay.title')}</h2>
      {total === 0 ? (
        <p data-testid="close-day-synced">{t('dayEnd.closeDay.allSynced')}</p>
      ) : (
        <>
          <p className="notice" data-testid="close-day-unsynced">{t('dayEnd.closeDay.unsynced', { count: total })}</p>
          <ul>
            {waiting.map(([name, count]) => (
              <li key={name} data-testid={`close-day-pending-${name}`} data-count={count}>
                {t(`sync.collections.${name}`)}: {count}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" data-testid="close-day-button" disabled={busy} onClick={() => void close()}>
        {t('dayEnd.closeDay.confirm')}
      </button>
      {outcome !== null && (
        <p className={`notice notice-${outcome.tone}`} role={outcome.tone === 'error' ? 'alert' : 'status'} data-testid="close-day-outcome">
          {outcome.text}
        </p>
      )}
    </section>
  );
}
