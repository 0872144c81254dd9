/*
 * The store's quick keys: the products a cashier rings up most that have no barcode (a coffee, bread, a
 * service), first on the counter's product grid, in the order the store set them.
 *
 * Who sets them: the back office, in the store's config (`quickKeys`, product ids; written by the server
 * through PUT /api/v1/backoffice/quick-keys), or a manager on the tablet. A tablet's own list is kept on that
 * tablet (a device-local override, src/data/quick-keys-override.ts) together with the config's list it was
 * made from, until the manager saves it for the whole store with their PIN (the same route); once the store's
 * list changes, the store's newer list wins again, and the tablet's is dropped on its next edit.
 */

/** More than a screen of tiles is not "quick"; the config schema allows as many. */
export const MAX_QUICK_KEYS = 60;

/** A tablet's own list of quick keys, and the store's list it replaced when it was made. */
export interface QuickKeysOverride {
  readonly productIds: readonly string[];
  readonly replacedConfigList: readonly string[];
}

/** The config's list as the grid uses it: strings, each once, at most MAX_QUICK_KEYS. */
export function quickKeysOf(configured: unknown): string[] {
  if (!Array.isArray(configured)) return [];
  const ids = configured.filter((id): id is string => typeof id === 'string' && id !== '');
  return [...new Set(ids)].slice(0, MAX_QUICK_KEYS);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** Whether the tablet's own list is the one shown: it is, while the store's list is still the one it replaced. */
export function overrideApplies(configured: unknown, override: QuickKeysOverride | undefined): override is QuickKeysOverride {
  return override !== undefined && sameList(quickKeysOf(override.replacedConfigList), quickKeysOf(configured));
}

/** The quick keys the counter shows: the tablet's own while the store's list is the one it replaced, else the store's. */
export function effectiveQuickKeys(configured: unknown, override: QuickKeysOverride | undefined): string[] {
  return overrideApplies(configured, override) ? quickKeysOf(override.productIds) : quickKeysOf(configured);
}

/** A product tapped while editing: added at the end when it was not a quick key (room permitting), else taken off. */
export function toggleQuickKey(keys: readonly string[], productId: string): string[] {
  if (keys.includes(productId)) return keys.filter((id) => id !== productId);
  return keys.length >= MAX_QUICK_KEYS ? [...keys] : [...keys, productId];
}
