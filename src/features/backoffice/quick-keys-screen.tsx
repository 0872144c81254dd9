/*
 * The store's quick keys in the back office (issue 13), for holders of `catalog.manage`: the counter's
 * favourites in order, a product added by SKU, barcode or name (the products page's server search), taken
 * off, moved up or down, and saved whole (PUT /backoffice/quick-keys with the `updatedAt` it was read at, so
 * a list changed elsewhere meanwhile is refused, not overwritten). The store's tablets show the saved list at
 * once through sync. Names come from the search or from the tablet's own catalog. Online only.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogDatabase } from '../../catalog/catalog-context.ts';
import type { ProductDocument } from '../../data/schemas/types.ts';
import { PERMISSIONS } from '../../domain/permissions.ts';
import { MAX_QUICK_KEYS } from '../../domain/quick-keys.ts';
import { callBackOffice, readBackOffice, tellGateOnce } from './back-office-client.ts';
import { BackOfficeGate, type BackOfficeBodyProps } from './back-office-gate.tsx';

const SEARCH_LIMIT = 10;

interface QuickKeysAnswer {
  productIds: string[];
  updatedAt: string;
}

interface ProductPage {
  products: ProductDocument[];
  total: number;
}

type Named = Pick<ProductDocument, 'id' | 'sku' | 'name'>;

export function QuickKeysScreen() {
  return (
    <BackOfficeGate page="quick-keys" permission={PERMISSIONS.manageCatalog} titleKey="quickKeys.title" testId="back-office-quick-keys">
      {(props) => <QuickKeysBody {...props} />}
    </BackOfficeGate>
  );
}

export function QuickKeysBody({ session, onRefused }: BackOfficeBodyProps) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const read = useQuery({
    queryKey: ['back-office', 'quick-keys', session.serverUrl],
    queryFn: () => readBackOffice<QuickKeysAnswer>(session, '/backoffice/quick-keys'),
    retry: false,
  });
  if (read.error) tellGateOnce(read.error, onRefused);
  if (read.isPending) return <p role="status">{t('quickKeys.loading')}</p>;
  if (read.error) {
    return (
      <p className="error" role="alert" data-testid="quick-keys-read-error">
        {t('quickKeys.readFailed')}
      </p>
    );
  }
  return (
    <>
      {saved && (
        <p className="notice" role="status" data-testid="quick-keys-saved">
          {t('quickKeys.saved')}
        </p>
      )}
      <QuickKeysEditor key={read.data.updatedAt} answer={read.data} session={session} onRefused={onRefused} onSaving={() => setSaved(false)} onSaved={() => setSaved(true)} />
    </>
  );
}

/** The names of the ids the server listed, from the tablet's synced catalog (a product not there shows its id). */
function useLocalNames(ids: readonly string[]): Map<string, Named> {
  const catalog = useCatalogDatabase();
  const [names, setNames] = useState(new Map<string, Named>());
  const wanted = ids.join('\n');
  useEffect(() => {
    let live = true;
    const list = wanted === '' ? [] : wanted.split('\n');
    void catalog.products.bulkGet(list).then((found) => {
      if (!live) return;
      const next = new Map<string, Named>();
      for (const doc of found) if (doc !== undefined) next.set(doc.id, { id: doc.id, sku: doc.sku, name: doc.name });
      setNames(next);
    });
    return () => {
      live = false;
    };
  }, [catalog, wanted]);
  return names;
}

type Refusal = { kind: 'stale' | 'unknownProducts' | 'other'; detail?: string };

function QuickKeysEditor({ answer, session, onRefused, onSaving, onSaved }: { answer: QuickKeysAnswer; onSaving: () => void; onSaved: () => void } & BackOfficeBodyProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [ids, setIds] = useState<string[]>(answer.productIds);
  const [found, setFound] = useState(new Map<string, Named>());
  const local = useLocalNames(answer.productIds);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const search = useQuery({
    queryKey: ['back-office', 'products', session.serverUrl, query, 0, SEARCH_LIMIT],
    queryFn: () => readBackOffice<ProductPage>(session, `/backoffice/products?${new URLSearchParams({ q: query, offset: '0', limit: String(SEARCH_LIMIT) })}`),
    enabled: query !== '',
    retry: false,
  });
  if (search.error) tellGateOnce(search.error, onRefused);
  const nameOf = (id: string): Named | undefined => found.get(id) ?? local.get(id);
  const full = ids.length >= MAX_QUICK_KEYS;
  const changed = ids.length !== answer.productIds.length || ids.some((id, index) => id !== answer.productIds[index]);

  const add = (product: ProductDocument) => {
    setFound((current) => new Map(current).set(product.id, { id: product.id, sku: product.sku, name: product.name }));
    setIds((current) => (current.includes(product.id) || current.length >= MAX_QUICK_KEYS ? current : [...current, product.id]));
    setRefusal(undefined);
  };
  const move = (index: number, by: -1 | 1) =>
    setIds((current) => {
      const next = [...current];
      const [item] = next.splice(index, 1);
      if (item === undefined) return current;
      next.splice(index + by, 0, item);
      return next;
    });

  const save = async () => {
    onSaving();
    setBusy(true);
    setRefusal(undefined);
    try {
      const result = await callBackOffice<QuickKeysAnswer & { changed: boolean }>(session, 'PUT', '/backoffice/quick-keys', { productIds: ids, expectedUpdatedAt: answer.updatedAt });
      if (result.ok) {
        onSaved();
        queryClient.setQueryData(['back-office', 'quick-keys', session.serverUrl], { productIds: result.value.productIds, updatedAt: result.value.updatedAt });
      } else if (result.status === 409) setRefusal({ kind: 'stale' });
      else if (result.status === 422) setRefusal({ kind: 'unknownProducts' });
      else setRefusal({ kind: 'other', detail: result.message });
    } catch (error) {
      onRefused(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="back-office-quick-keys stack">
      <p className="hint">{t('quickKeys.intro', { max: MAX_QUICK_KEYS })}</p>
      {ids.length === 0 ? (
        <p data-testid="quick-keys-none">{t('quickKeys.none')}</p>
      ) : (
        <table className="back-office-table" data-testid="quick-keys-list">
          <thead>
            <tr>
              <th className="number">#</th>
              <th>{t('quickKeys.sku')}</th>
              <th>{t('quickKeys.name')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {ids.map((id, index) => {
              const product = nameOf(id);
              return (
                <tr key={id} data-testid="quick-key-row" data-product-id={id}>
                  <td className="number">{index + 1}</td>
                  <td>{product?.sku ?? id}</td>
                  <td>{product?.name ?? t('quickKeys.notOnTablet')}</td>
                  <td>
                    <div className="back-office-row-actions">
                      <button type="button" data-testid="quick-key-up" aria-label={t('quickKeys.moveUp', { name: product?.name ?? id })} disabled={index === 0} onClick={() => move(index, -1)}>
                        ↑
                      </button>
                      <button type="button" data-testid="quick-key-down" aria-label={t('quickKeys.moveDown', { name: product?.name ?? id })} disabled={index === ids.length - 1} onClick={() => move(index, 1)}>
                        ↓
                      </button>
                      <button type="button" data-testid="quick-key-remove" onClick={() => setIds((current) => current.filter((other) => other !== id))}>
                        {t('quickKeys.remove')}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {refusal && (
        <p className="error" role="alert" data-testid="quick-keys-refused" data-kind={refusal.kind}>
          {t(`quickKeys.refused.${refusal.kind}`)}{' '}
          {refusal.kind === 'stale' && (
            <button type="button" data-testid="quick-keys-reload" onClick={() => void queryClient.invalidateQueries({ queryKey: ['back-office', 'quick-keys'] })}>
              {t('quickKeys.reload')}
            </button>
          )}
        </p>
      )}
      <div className="back-office-actions">
        <button type="button" className="primary" data-testid="quick-keys-save" disabled={busy || !changed} onClick={() => void save()}>
          {busy ? t('backOffice.saving') : t('backOffice.save')}
        </button>
      </div>
      <form
        className="back-office-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(typed.trim());
        }}
      >
        <label>
          <span>{t('quickKeys.find')}</span>
          <input data-testid="quick-keys-search" type="search" value={typed} placeholder={t('backOffice.products.findHint')} onChange={(event) => setTyped(event.target.value)} />
        </label>
        <button type="submit" data-testid="quick-keys-search-submit">
          {t('backOffice.products.findButton')}
        </button>
      </form>
      {full && <p className="notice">{t('quickKeys.full', { max: MAX_QUICK_KEYS })}</p>}
      {search.isFetching && <p role="status">{t('backOffice.products.loading')}</p>}
      {search.error && (
        <p className="error" role="alert">
          {t('quickKeys.searchFailed')}
        </p>
      )}
      {search.data?.total === 0 && <p data-testid="quick-keys-found-none">{t('backOffice.products.none')}</p>}
      {search.data !== undefined && search.data.products.length > 0 && (
        <ul className="back-office-found stack" data-testid="quick-keys-found">
          {search.data.products.map((product) => (
            <li key={product.id} className="cluster" data-testid="quick-keys-found-item" data-product-id={product.id}>
              <span>
                {product.sku} · {product.name}
              </span>
              <button type="button" data-testid="quick-keys-add" disabled={ids.includes(product.id) || full} onClick={() => add(product)}>
                {ids.includes(product.id) ? t('quickKeys.added') : t('quickKeys.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

