import { useTranslation } from 'react-i18next';
import type { CatalogImportError } from './back-office-api.ts';

interface ImportErrorsTableProps {
  errors: readonly CatalogImportError[];
  /** How many the server found; it lists at most 1,000. */
  errorCount: number;
}

/**
 * A refused file's problems, by line (as the spreadsheet numbers rows) and column (the file's heading), in
 * the order the server found them, with its message in the language the file was sent in.
 */
export function ImportErrorsTable({ errors, errorCount }: ImportErrorsTableProps) {
  const { t } = useTranslation();
  return (
    <div className="import-refused" role="alert" data-testid="import-refused" data-error-count={errorCount}>
      <p className="error">{t('backOffice.import.refused', { count: errorCount })}</p>
      {errorCount > errors.length && <p>{t('backOffice.import.firstErrors', { count: errors.length })}</p>}
      <table className="import-errors" data-testid="import-errors">
        <thead>
          <tr>
            <th scope="col">{t('backOffice.import.line')}</th>
            <th scope="col">{t('backOffice.import.column')}</th>
            <th scope="col">{t('backOffice.import.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr key={`${error.line}:${error.column}:${index}`} data-testid="import-error" data-line={error.line} data-column={error.column}>
              <td>{error.line}</td>
              <td>{error.column || t('backOffice.import.wholeFile')}</td>
              <td>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
