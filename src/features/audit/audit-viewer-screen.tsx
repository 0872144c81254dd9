import './audit.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import { useStoreTime } from '../../data/use-store-time.ts';
import { useStoreTimeZone } from '../../data/use-store-time-zone.ts';
import { noAuditFilters, type AuditFilters } from './audit-query.ts';
import { AuditFiltersBar } from './audit-filters-bar.tsx';
import { useAuditPage } from './use-audit-page.ts';
import { PERMISSIONS } from '../../domain/permissions.ts';
import { useHoldsPermission } from '../../session/use-holds-permission.ts';
import { useStaffNames } from './use-staff-names.ts';

/**
 * The audit trail for whoever holds `report.view` (the seed gives it to managers): filter by action, person
 * and day; newest first; page by page.
 */
export function AuditViewerScreen() {
  const { t } = useTranslation();
  const mayView = useHoldsPermission(useDatabase(), PERMISSIONS.viewAudit);
  if (mayView === undefined) return <p role="status">{t('audit.loading')}</p>;
  if (!mayView) {
    return (
      <section className="screen" data-testid="audit-managers-only">
        <h1>{t('audit.title')}</h1>
        <p className="notice">{t('audit.managersOnly')}</p>
      </section>
    );
  }
  return <AuditTrail />;
}

function AuditTrail() {
  const { t } = useTranslation();
  const storeTime = useStoreTime();
  const database = useDatabase();
  const staff = useStaffNames(database);
  const [filters, setFilters] = useState<AuditFilters>(noAuditFilters);
  const [page, setPage] = useState(0);
  const result = useAuditPage(database, filters, page, useStoreTimeZone());
  const nameOf = (id: string | undefined) => (id === undefined ? '' : (staff.find((s) => s.id === id)?.name ?? id));
  return (
    <section className="screen" data-testid="audit-viewer">
      <h1>{t('audit.title')}</h1>
      <AuditFiltersBar
        filters={filters}
        staff={staff}
        onChange={(next) => {
          setFilters(next);
          setPage(0);
        }}
      />
      {result === undefined ? (
        <p role="status">{t('audit.loading')}</p>
      ) : result.entries.length === 0 ? (
        <p data-testid="audit-empty">{t('audit.empty')}</p>
      ) : (
        <table className="audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('audit.when')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.person')}</th>
              <th>{t('audit.approver')}</th>
            </tr>
          </thead>
          <tbody>
            {result.entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-row" data-action={entry.action} data-staff-id={entry.staffId} data-approver-id={entry.approverId ?? ''}>
                <td data-testid="audit-time">{storeTime(entry.createdAt)}</td>
                <td>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</td>
                <td>{nameOf(entry.staffId)}</td>
                <td>{nameOf(entry.approverId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="audit-pages">
        <button type="button" data-testid="audit-previous" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
          {t('audit.previous')}
        </button>
        <span data-testid="audit-page">{t('audit.page', { page: page + 1 })}</span>
        <button type="button" data-testid="audit-next" disabled={!result?.hasNext} onClick={() => setPage((p) => p + 1)}>
          {t('audit.next')}
        </button>
      </div>
    </section>
  );
}
