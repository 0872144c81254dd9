/*
 * The back office's products (issue 14), for holders of `catalog.manage`: find a product by SKU, name or
 * barcode (a page at a time, read from the server with TanStack Query), create one, or edit one's price,
 * barcodes, tax class, category, unit and whether it is on sale. A saved change reaches every tablet through
 * sync: the counter's next sale uses it, a line already in a cart keeps its price. Online only.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreConfig } from '../../data/use-store-config.ts';
import type { ProductDocument } from '../../data/schemas/types.ts';
import { formatMoney } from '../../domain/money-format.ts';
import { PERMISSIONS } from '../../domain/permissions.ts';
import { readBackOffice, tellGateOnce } from './back-office-client.ts';
import { BackOfficeGate, type BackOfficeBodyProps } from './back-office-gate.tsx';
import { ProductForm } from './product-form.tsx';

const PAGE = 25;

interface ProductPage {
  products: ProductDocument[];
  total: number;
  offset: number;
  limit: number;
}

export function ProductsScreen() {
  return (
    <BackOfficeGate page="products" permission={PERMISSIONS.manageCatalog} titleKey="backOffice.products.title" testId="back-office-products">
      {(props) => <ProductsBody {...props} />}
    </BackOfficeGate>
  );
}

export function ProductsBody({ session, onRefused }: BackOfficeBodyProps) {
  const { t, i18n } = useTranslation();
  const config = useStoreConfig();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<ProductDocument | 'new' | null>(null);
  const [saved, setSaved] = useState<{ sku: string; changed: boolean }>();
  const page = useQuery({
    queryKey: ['back-office', 'products', session.serverUrl, query, offset],
    queryFn: () => readBackOffice<ProductPage>(session, `/backoffice/products?${new URLSearchParams({ q: query, offset: String(offset), limit: String(PAGE) })}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
  if (page.error) tellGateOnce(page.error, onRefused, 'every error');
  const currency = config?.store.currency ?? 'VND';
  const taxName = (id: string) => config?.taxClasses.find((tax) => tax.id === id)?.name ?? id;

  if (editing !== null) {
    return (
      <ProductForm
        session={session}
        product={editing === 'new' ? undefined : editing}
        taxClasses={config?.taxClasses ?? []}
        onCancel={() => setEditing(null)}
        onRefused={onRefused}
        onSaved={(product, changed) => {
          setEditing(null);
          setSaved({ sku: product.sku, changed });
          void queryClient.invalidateQueries({ queryKey: ['back-office', 'products'] });
        }}
      />
    );
  }

  return (
    <div className="back-office-products">
      <form
        className="back-office-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setOffset(0);
          setQuery(typed.trim());
        }}
      >
        <label>
          <span>{t('backOffice.products.find')}</span>
          <input data-testid="products-search" type="search" value={typed} placeholder={t('backOffice.products.findHint')} onChange={(event) => setTyped(event.target.value)} />
        </label>
        <button type="submit" data-testid="products-search-submit">
          {t('backOffice.products.findButton')}
        </button>
        <button type="button" className="primary" data-testid="products-new" onClick={() => setEditing('new')}>
          {t('backOffice.products.new')}
        </button>
      </form>
      {saved && (
        <p className="notice" role="status" data-testid="product-saved">
          {saved.changed ? t('backOffice.products.saved', { sku: saved.sku }) : t('backOffice.products.unchanged', { sku: saved.sku })}
        </p>
      )}
      {page.isPending ? (
        <p role="status">{t('backOffice.products.loading')}</p>
      ) : page.data === undefined ? null : page.data.total === 0 ? (
        <p data-testid="products-none">{t('backOffice.products.none')}</p>
      ) : (
        <>
          <table className="back-office-table" data-testid="products-table" data-total={page.data.total}>
            <thead>
              <tr>
                <th>{t('backOffice.products.sku')}</th>
                <th>{t('backOffice.products.name')}</th>
                <th className="number">{t('backOffice.products.price')}</th>
                <th>{t('backOffice.products.taxClass')}</th>
                <th>{t('backOffice.products.barcodes')}</th>
                <th>{t('backOffice.products.active')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {page.data.products.map((product) => (
                <tr key={product.id} data-testid="product-row" data-sku={product.sku} className={product.active ? undefined : 'inactive'}>
                  <td>{product.sku}</td>
                  <td>{product.name}</td>
                  <td className="number">{formatMoney(product.price, currency, i18n.language)}</td>
                  <td>{taxName(product.taxClassId)}</td>
                  <td>{product.barcodes.join(', ')}</td>
                  <td>{product.active ? t('backOffice.yes') : t('backOffice.no')}</td>
                  <td>
                    <button type="button" data-testid="product-edit" onClick={() => setEditing(product)}>
                      {t('backOffice.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="back-office-pager">
            <button type="button" data-testid="products-previous" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('backOffice.previous')}
            </button>
            <span data-testid="products-range">
              {t('backOffice.products.range', { from: offset + 1, to: Math.min(offset + PAGE, page.data.total), total: page.data.total })}
            </span>
            <button type="button" data-testid="products-next" disabled={offset + PAGE >= page.data.total} onClick={() => setOffset(offset + PAGE)}>
              {t('backOffice.next')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

