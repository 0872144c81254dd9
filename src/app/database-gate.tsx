import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabaseStatus } from '../data/database-context.ts';
import { describeDatabaseError } from '../data/describe-database-error.ts';

/** Renders its children once the device database is open; says what to do if it cannot be opened. */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const status = useDatabaseStatus();
  if (status.state === 'ready') return children;
  if (status.state === 'opening') {
    return (
      <p className="screen-message" data-testid="database-opening" role="status">
        {t('database.opening')}
      </p>
    );
  }
  const { messageKey, code } = describeDatabaseError(status.error);
  return (
    <section className="screen-message error" data-testid="database-error" role="alert">
      <h2>{t('database.failedTitle')}</h2>
      <p>{t(messageKey)}</p>
      <p>
        {t('database.errorCode')} <code className="error-code">{code}</code>
      </p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </section>
  );
}
