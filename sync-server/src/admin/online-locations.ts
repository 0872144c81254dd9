/*
 * `online-locations`: which shop platform orders a store takes when the chain has several stores (issue 15's
 * "store mapping: a store's settings list each source's location ids"). The lists live in the store's config
 * document as `store.onlineLocations = {shopify: [...], woocommerce: [...], haravan: [...]}`, which the order
 * inbox reads for every batch (integrations/platform-orders.ts readStoreRouting); a key is a platform
 * location id, a Shopify pickup point's name, a WooCommerce pickup location's name or
 * `local_pickup:<instance id>`.
 * A key listed by another store for the same platform is refused: the inbox would route its orders to
 * whichever store comes first, silently. Deliveries that waited `unrouted` because no store listed their
 * platform's keys are set back to pending in the same transaction as the config, so the inbox tries them
 * again (within a second on a running server): an order that arrived before its store was mapped is not
 * lost; one that still matches no store waits unrouted again.
 */
import type { PlatformSource } from '../integrations-config.ts';
import { readStoreRouting } from '../integrations/platform-orders.ts';
import { DocumentsRepository } from '../store/documents-repository.ts';
import type { Store } from '../store/open-store.ts';
import { AdminError, findStore, listStores, writeConfig } from './store-admin.ts';
import type { ConfigWrite } from './store-admin.ts';

export type OnlineLocations = Partial<Record<PlatformSource, readonly string[]>>;

export interface OnlineLocationsSet {
  storeId: string;
  storeName: string;
  /** What the store lists now, every platform. */
  locations: OnlineLocations;
  /** Undefined when nothing was asked to change (the command only printed the lists). */
  write: ConfigWrite | undefined;
  /** Deliveries kept unrouted that the inbox tries again. */
  retried: number;
}

const PLATFORMS: readonly PlatformSource[] = ['shopify', 'woocommerce', 'haravan'];

/** Sets the platforms named in `changes` (an empty list clears one); the others stay as they are. */
export async function setOnlineLocations(store: Store, idOrName: string, changes: OnlineLocations, now: Date = new Date()): Promise<OnlineLocationsSet> {
  const found = await findStore(store, idOrName);
  const documents = new DocumentsRepository(store);
  const changed = PLATFORMS.filter((platform) => changes[platform] !== undefined);
  if (changed.length === 0) {
    const current = (await documents.get('config', found.id))?.body;
    return { storeId: found.id, storeName: found.name, locations: listedIn(current?.store['onlineLocations']), write: undefined, retried: 0 };
  }
  // Read before the transaction: on SQLite it holds the one connection.
  const names = new Map((await listStores(store)).map((record) => [record.id, record.name]));
  let locations: OnlineLocations = {};
  let retried = 0;
  const write = await writeConfig(store, found.id, now, async (trx, current) => {
    if (current === undefined) throw new AdminError(`The store ${found.id} has no config document: it was not made by create-store or the demo seed`);
    const others = (await readStoreRouting(trx, documents)).filter((routing) => routing.storeId !== found.id);
    for (const platform of changed) {
      for (const key of changes[platform] ?? []) {
        const taken = others.find((routing) => (routing.locations[platform] ?? []).includes(key));
        if (taken !== undefined) {
          const name = names.get(taken.storeId) ?? taken.storeId;
          throw new AdminError(`The ${platform} location "${key}" is already listed by the store "${name}" (${taken.storeId}): a location's orders go to one store; remove it there first`);
        }
      }
    }
    locations = { ...listedIn(current.store['onlineLocations']) };
    for (const platform of changed) {
      const keys = changes[platform] ?? [];
      if (keys.length === 0) delete locations[platform];
      else locations[platform] = keys;
    }
    const listing = changed.filter((platform) => (locations[platform] ?? []).length > 0);
    if (listing.length > 0) {
      const retry = await trx.updateTable('order_inbox').set({ state: 'pending', processed_at: null, outcome: null }).where('state', '=', 'unrouted').where('source', 'in', listing).executeTakeFirst();
      retried = Number(retry.numUpdatedRows);
    }
    return { ...current, store: { ...current.store, onlineLocations: locations }, updatedAt: now.toISOString() };
  });
  return { storeId: found.id, storeName: found.name, locations, write, retried };
}

function listedIn(value: unknown): OnlineLocations {
  const locations: Record<string, readonly string[]> = {};
  if (typeof value !== 'object' || value === null) return locations;
  for (const platform of PLATFORMS) {
    const keys = (value as Record<string, unknown>)[platform];
    if (Array.isArray(keys)) locations[platform] = keys.filter((key): key is string => typeof key === 'string');
  }
  return locations;
}
