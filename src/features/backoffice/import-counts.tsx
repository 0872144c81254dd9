import { useTranslation } from 'react-i18next';
import type { CatalogImportCounts } from './back-office-api.ts';

/** What a good file changed: products created, updated and left as they were, opening stock set or kept. */
export function ImportCounts({ counts, fileName }: { counts: CatalogImportCounts; fileName: string }) {
  const { t } = useTranslation();
  const figures = [
    ['created', counts.created],
    ['updated', counts.updated],
    ['unchanged', counts.unchanged],
    ['stockSet', counts.openingStock.set],
    ['stockKept', counts.openingStock.kept],
  ] as const;
  return (
    <div className="import-done" role="status" data-testid="import-done">
      <p className="notice">{t('backOffice.import.done', { file: fileName })}</p>
      <dl className="import-counts">
        {figures.map(([name, value]) => (
          <div key={name}>
            <dt>{t(`backOffice.import.counts.${name}`)}</dt>
            <dd data-testid={`import-${name}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {counts.openingStock.kept > 0 && <p>{t('backOffice.import.stockKeptHint')}</p>}
      {counts.ignoredColumns.length > 0 && (
        <p data-testid="import-ignored-columns">{t('backOffice.import.ignoredColumns', { columns: counts.ignoredColumns.join(', ') })}</p>
      )}
    </div>
  );
}
