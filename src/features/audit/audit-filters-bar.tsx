import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS } from '../../data/audit-log.ts';
import type { AuditFilters } from './audit-query.ts';
import type { StaffNames } from './use-staff-names.ts';

interface AuditFiltersBarProps {
  filters: AuditFilters;
  staff: StaffNames;
  onChange: (filters: AuditFilters) => void;
}

export function AuditFiltersBar({ filters, staff, onChange }: AuditFiltersBarProps) {
  const { t } = useTranslation();
  return (
    <div className="audit-filters">
      <label>
        {t('audit.filterAction')}
        <select data-testid="audit-filter-action" value={filters.action} onChange={(e) => onChange({ ...filters, action: e.target.value })}>
          <option value="">{t('audit.any')}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`audit.actions.${action}`, { defaultValue: action })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('audit.filterPerson')}
        <select data-testid="audit-filter-person" value={filters.staffId} onChange={(e) => onChange({ ...filters, staffId: e.target.value })}>
          <option value="">{t('audit.anyone')}</option>
          {staff.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('audit.filterDay')}
        <input type="date" data-testid="audit-filter-day" value={filters.day} onChange={(e) => onChange({ ...filters, day: e.target.value })} />
      </label>
    </div>
  );
}
