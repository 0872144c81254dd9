import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatStockQuantity } from '../../domain/stock-quantity.ts';
import { stockApi, type StockApi } from './stock-api.ts';

/** Stock per product in this store, as the server derives it from the ledger; found by SKU or barcode. */
export function StockLevelsPanel({ api, onProblem }: { api: StockApi; onProblem: (error: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const levels = useQuery({
    queryKey: ['stock-levels', api.staffToken, search],
    queryFn: () =>
      stockApi.levels(api, search).catch((error: unknown) => {
        onProblem(error);
        throw error;
      }),
    retry: false,
  });
  const separator = i18n.language === 'en' ? '.' : ',';
  return (
    <div data-testid="stock-levels" data-state={levels.status}>
      <label className="stock-search">
        {t('stock.levels.search')}
        <input data-testid="stock-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      {levels.data && levels.data.levels.length === 0 && <p data-testid="stock-levels-empty">{t('stock.levels.empty')}</p>}
      {levels.data && levels.data.levels.length > 0 && (
        <table className="stock-table">
          <thead>
            <tr>
              <th>{t('stock.lines.sku')}</th>
              <th>{t('stock.levels.product')}</th>
              <th>{t('stock.levels.onHand')}</th>
            </tr>
          </thead>
          <tbody>
            {levels.data.levels.map((level) => (
              <tr key={level.productId} data-testid="stock-level" data-sku={level.sku} data-stock={level.stock}>
                <td>{level.sku}</td>
                <td>{level.name}</td>
                <td className="figure">
                  {formatStockQuantity(level.stock, separator)} {level.unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
