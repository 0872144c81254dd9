/*
 * The back office's catalog import (issue 14), for whoever holds `catalog.manage` (managers by default),
 * behind the back office's one door (back-office-gate.tsx: online, enrolled, the PIN again for a short staff
 * session that every back-office page shares): the chain's catalog uploaded as CSV or .xlsx (README "Catalog
 * import"). Online only: the import is the server's, and nothing is queued. The imported products reach every
 * tablet through sync like any catalog change.
 */
import { useTranslation } from 'react-i18next';
import { PERMISSIONS } from '../../domain/permissions.ts';
import { BackOfficeGate } from './back-office-gate.tsx';
import { CatalogImportForm } from './catalog-import-form.tsx';

export function CatalogImportScreen() {
  const { t } = useTranslation();
  return (
    <BackOfficeGate
      page="import"
      permission={PERMISSIONS.manageCatalog}
      titleKey="backOffice.import.title"
      testId="catalog-import"
      intro={
        <>
          <p>{t('backOffice.import.intro')}</p>
          <p className="notice" data-testid="import-all-or-nothing">
            {t('backOffice.import.allOrNothing')}
          </p>
        </>
      }
    >
      {({ session, onRefused }) => <CatalogImportForm serverUrl={session.serverUrl} staffToken={session.token} onSessionEnded={onRefused} />}
    </BackOfficeGate>
  );
}
