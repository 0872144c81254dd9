/*
 * The store's quick keys at this counter: the config's list, or the list a manager set on this tablet while the
 * config's is still the one it replaced (src/domain/quick-keys.ts decides; src/data/quick-keys-override.ts keeps
 * the tablet's list until a manager saves it for the whole store: quick-keys-store-save.tsx).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { dropQuickKeysOverride, saveQuickKeysOverride, watchQuickKeysOverride } from '../../data/quick-keys-override.ts';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { effectiveQuickKeys, overrideApplies, quickKeysOf, type QuickKeysOverride } from '../../domain/quick-keys.ts';
import { useCounterDatabase } from './use-parked-carts.ts';

export interface QuickKeys {
  /** The product ids, in order; undefined until this tablet's own list was read. */
  readonly ids: readonly string[] | undefined;
  /** True while this tablet's own list is shown instead of the store's. */
  readonly ownList: boolean;
  /** Keeps `ids` as this tablet's list, approved by `approvedBy`. */
  save: (ids: readonly string[], approvedBy: string) => Promise<void>;
  /** Back to the store's list. */
  backToStoreList: () => Promise<void>;
}

const LOADING = Symbol('loading');

export function useQuickKeys(config: StoreConfigDocument): QuickKeys {
  const counter = useCounterDatabase();
  const { storeId, quickKeys: configured } = config;
  const [override, setOverride] = useState<QuickKeysOverride | undefined | typeof LOADING>(LOADING);
  useEffect(() => watchQuickKeysOverride(counter, storeId, setOverride), [counter, storeId]);
  const loaded = override === LOADING ? undefined : override;
  const ids = useMemo(() => (override === LOADING ? undefined : effectiveQuickKeys(configured, loaded)), [override, configured, loaded]);
  const save = useCallback(
    (next: readonly string[], approvedBy: string) =>
      saveQuickKeysOverride(counter, { storeId, productIds: [...next], replacedConfigList: quickKeysOf(configured), changedAt: new Date().toISOString(), changedBy: approvedBy }),
    [counter, storeId, configured],
  );
  const backToStoreList = useCallback(() => dropQuickKeysOverride(counter, storeId), [counter, storeId]);
  return { ids, ownList: overrideApplies(configured, loaded), save, backToStoreList };
}
