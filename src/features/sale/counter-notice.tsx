import { useTranslation } from 'react-i18next';
import { useCounterStore } from './counter-store.ts';

/** What the cashier must see now; an unknown code offers its one-tap search. */
export function CounterNoticeBar() {
  const { t } = useTranslation();
  const notice = useCounterStore((state) => state.notice);
  const openSearch = useCounterStore((state) => state.openSearch);
  if (notice === null) return null;
  return (
    <div className={`counter-notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="counter-notice" data-tone={notice.tone} data-key={notice.key}>
      <span>{t(`sale.${notice.key}`, notice.values ?? {})}</span>
      {notice.searchFor !== undefined && (
        <button type="button" onClick={() => openSearch(notice.searchFor)} data-testid="notice-search">
          {t('sale.scan.searchInstead')}
        </button>
      )}
      <button type="button" aria-label={t('sale.notice.dismiss')} onClick={() => useCounterStore.getState().tell(null)}>
        ×
      </button>
    </div>
  );
}
