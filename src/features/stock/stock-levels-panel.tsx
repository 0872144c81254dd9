import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatStockQuantity } from '../../domain/stock-quantity.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { stockApi, type StockApi } from './stock-api.ts';

/**
 * Stock per product in this store, as the server derives it from the ledger; found by SKU or barcode. In a
 * chain of several stores, another store's stock can be read too (to plan a transfer); this store's is the
 * default.
 */
export function StockLevelsPanel({ api, onProblem }: { api: StockApi; onProblem: (error: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  // '' is this store (the server's default for the session).
  const [storeId, setStoreId] = useState('');
  const reportAndThrow = (error: unknown): never => {
    onProblem(error);
    throw error;
  };
  const ownStoreId = useSyncStatusStore((state) => state.enrolment?.storeId);
  const stores = useQuery({ queryKey: ['stock-stores', api.staffToken], queryFn: () => stockApi.stores(api).catch(reportAndThrow), retry: false });
  const others = (stores.data?.stores ?? []).filter((store) => store.id !== ownStoreId);
  const levels = useQuery({
    queryKey: ['stock-levels', api.staffToken, search, storeId],
    queryFn: () => stockApi.levels(api, search, storeId === '' ? undefined : storeId).catch(reportAndThrow),
    retry: false,
  });
  const separator = i18n.language === 'en' ? '.' : ',';
  return (
    <div data-testid="stock-levels" data-state={levels.status} data-store={storeId}>
      {others.length > 0 && (
        <label className="stock-search">
          {t('stock.levels.store')}
          <select data-testid="stock-levels-store" value={storeId} onChange={(e) => setStoreId(e.target.value)}>
            <option value="">{t('stock.levels.thisStore')}</option>
            {others.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name}
              </option>
            ))}
          </select>
        </label>
      )}
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
