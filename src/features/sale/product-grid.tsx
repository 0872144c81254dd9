import { useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogDatabase } from '../../catalog/catalog-context.ts';
import type { ProductDocument, StoreConfigDocument } from '../../data/schemas/types.ts';
import { PERMISSIONS } from '../../domain/permissions.ts';
import { toggleQuickKey } from '../../domain/quick-keys.ts';
import { useCounterStore } from './counter-store.ts';
import { QUICK_KEYS_TAB, useProductGridStore, type GridTab } from './product-grid-store.ts';
import { ProductTile } from './product-tile.tsx';
import { QuickKeysStoreSave } from './quick-keys-store-save.tsx';
import { ShelfGrid } from './shelf-grid.tsx';
import { useApproval } from './use-approval.ts';
import { useQuickKeys } from './use-quick-keys.ts';
import { useCategories, useProductsByIds, useShelvesBuilt } from './use-shelves.ts';
import './product-grid.css';

interface ProductGridProps {
  readonly config: StoreConfigDocument;
  /** A tile tapped: rung up as a scan of it would be (a weighed item asks its weight). */
  readonly onChoose: (product: ProductDocument) => void;
}

const tabId = (tab: GridTab) => (tab === QUICK_KEYS_TAB ? 'quick' : tab);

/**
 * The product grid, for what has no barcode (a coffee, bread, fruit, a service): the store's quick keys first,
 * then a tab per category of the catalog, each a virtualised grid of tiles (shelf-grid.tsx). A manager sets the
 * quick keys here on the tablet: after a manager's approval (catalog.manage), a tap on a tile adds it to the
 * quick keys or takes it off, instead of ringing it up; the list stays on this tablet (use-quick-keys.ts), or,
 * with the manager's PIN again, is saved for the whole store (quick-keys-store-save.tsx).
 */
export function ProductGrid({ config, onChoose }: ProductGridProps) {
  const { t } = useTranslation();
  const catalog = useCatalogDatabase();
  const approve = useApproval();
  const quickKeys = useQuickKeys(config);
  const categories = useCategories(catalog);
  const built = useShelvesBuilt(catalog);
  const chosen = useProductGridStore((state) => state.tab);
  const chooseTab = useProductGridStore((state) => state.chooseTab);
  const editingBy = useProductGridStore((state) => state.editingApprovedBy);
  const editing = editingBy !== null;
  const quickIds = useMemo(() => quickKeys.ids ?? [], [quickKeys.ids]);
  const quickSet = useMemo(() => new Set(quickIds), [quickIds]);
  const quickProducts = useProductsByIds(catalog, quickIds);
  const withQuickKeys = quickIds.length > 0 || editing;

  const tabs: GridTab[] = [...(categories ?? [])];
  if (withQuickKeys) tabs.unshift(QUICK_KEYS_TAB);
  const tab = chosen !== null && tabs.includes(chosen) ? chosen : (tabs[0] ?? null);

  const choose = (product: ProductDocument) => {
    if (editingBy === null) return onChoose(product);
    quickKeys.save(toggleQuickKey(quickIds, product.id), editingBy).catch((error: unknown) => {
      console.error('Saving the quick keys on this tablet failed', { productId: product.id, error });
      useCounterStore.getState().tell({ tone: 'error', key: 'grid.saveFailed' });
    });
  };

  const startEditing = async () => {
    const approvedBy = await approve(PERMISSIONS.manageCatalog, t('sale.grid.editReason'));
    if (approvedBy === null) return useCounterStore.getState().tell({ tone: 'info', key: 'approval.declined' });
    useProductGridStore.getState().editQuickKeys(approvedBy);
  };

  /** Arrow keys move between the tabs, as a tab list does. */
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (tab === null || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    const next = tabs[(tabs.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (next === undefined) return;
    chooseTab(next);
    event.currentTarget.querySelector<HTMLElement>(`[data-tab="${CSS.escape(tabId(next))}"]`)?.focus();
  };

  return (
    <section className="product-grid" data-testid="product-grid" data-editing={editing} aria-label={t('sale.grid.label')}>
      <div className="grid-tabs" role="tablist" aria-label={t('sale.grid.tabs')} onKeyDown={onTabKey}>
        {tabs.map((each) => (
          <button
            key={tabId(each)}
            type="button"
            role="tab"
            id={`grid-tab-${tabId(each)}`}
            aria-selected={each === tab}
            aria-controls="grid-tab-panel"
            tabIndex={each === tab ? 0 : -1}
            onClick={() => chooseTab(each)}
            data-testid="grid-tab"
            data-tab={tabId(each)}
          >
            {each === QUICK_KEYS_TAB ? t('sale.grid.quickKeys') : each}
          </button>
        ))}
      </div>
      <div className="grid-tools">
        {editing ? (
          <>
            <p className="hint" role="status">{t('sale.grid.editHint')}</p>
            {quickKeys.ownList && (
              <button type="button" onClick={() => void quickKeys.backToStoreList()} data-testid="grid-quick-keys-store-list">
                {t('sale.grid.storeList')}
              </button>
            )}
            {quickKeys.ids !== undefined && <QuickKeysStoreSave ids={quickIds} config={config} approvedBy={editingBy} />}
            <button type="button" className="primary" onClick={() => useProductGridStore.getState().editQuickKeys(null)} data-testid="grid-edit-done">
              {t('sale.grid.editDone')}
            </button>
          </>
        ) : (
          <button type="button" className="grid-edit" onClick={() => void startEditing()} data-testid="grid-edit-quick-keys">
            {t('sale.grid.edit')}
          </button>
        )}
      </div>
      <div className="grid-tab-panel" id="grid-tab-panel" role="tabpanel" aria-labelledby={tab === null ? undefined : `grid-tab-${tabId(tab)}`}>
        {tab === null && <p className="hint" data-testid="grid-empty">{built === false ? t('sale.grid.building') : t('sale.grid.empty')}</p>}
        {tab === QUICK_KEYS_TAB && (
          <>
            {quickProducts?.length === 0 && <p className="hint">{t('sale.grid.noQuickKeys')}</p>}
            {/* Only tiles in the scrolling box: a box that scrolls holds something a keyboard can reach. */}
            <div className="quick-key-tiles" data-testid="quick-keys" data-count={quickProducts?.length ?? ''}>
              {quickProducts?.map((product) => <ProductTile key={product.id} product={product} onChoose={choose} {...(editing ? { quickKey: true } : {})} />)}
            </div>
          </>
        )}
        {tab !== null && tab !== QUICK_KEYS_TAB && <ShelfGrid key={tab} catalog={catalog} category={tab} onChoose={choose} {...(editing ? { quickKeys: quickSet } : {})} />}
      </div>
    </section>
  );
}
