/*
 * The collections of the device database and of the sync server: one JSON schema each, and one row each in
 * the collection policy table below. Both are the single source of truth, read by the device (RxDB
 * validation and indexes, which replications run and in which direction) and by the server (push
 * validation after removing RxDB's own keywords, which push policy decides a batch, what is streamed).
 * Adding a collection is its schema file plus one row here.
 * RxDB's free edition refuses more than 13 open collections; the app keeps to 10 at most.
 */
import products from './products.json' with { type: 'json' };
import balances from './balances.json' with { type: 'json' };
import config from './config.json' with { type: 'json' };
import customers from './customers.json' with { type: 'json' };
import orders from './orders.json' with { type: 'json' };
import sales from './sales.json' with { type: 'json' };
import ledger from './ledger.json' with { type: 'json' };
import shifts from './shifts.json' with { type: 'json' };
import audit from './audit.json' with { type: 'json' };
import payments from './payments.json' with { type: 'json' };

export const collectionSchemas = {
  products,
  balances,
  config,
  customers,
  orders,
  sales,
  ledger,
  shifts,
  audit,
  payments,
} as const;

export type CollectionName = keyof typeof collectionSchemas;

export const collectionNames = Object.keys(collectionSchemas) as CollectionName[];

export interface CollectionPolicy {
  /** Who writes it: the server only (devices' pushes are refused), the device only, or both. */
  readonly writer: 'server' | 'device' | 'both';
  /**
   * How a pushed document meets the stored one:
   *   server-wins   devices never push it;
   *   append-only   idempotent by id, the same id with other content is a conflict kept and reported;
   *   merge-fields  field by field with server timestamps (customers, merged by phone);
   *   merge-order   the order state machine (pickup events appended, cancellation vs handover flagged).
   */
  readonly conflicts: 'server-wins' | 'append-only' | 'merge-fields' | 'merge-order';
  /**
   * Where the device keeps it: 'catalog' in the lean Dexie catalog (pulled by its own checkpointed pull);
   * otherwise an RxDB collection replicated 'pull' (server to device), 'push' (device to server only:
   * what the device shows comes from server balances) or 'both'.
   */
  readonly device: 'catalog' | 'pull' | 'push' | 'both';
  /**
   * Which store a pushed document may name: 'own' = only the pushing device's store; 'any' = a store id
   * is required but the collection's policy decides (a customer found chain-wide; an order's store is the
   * server's, not the pusher's).
   */
  readonly storeOfPush: 'own' | 'any';
  /** Whether a pushed document must carry the pushing device's id: always, only when present, or not at all. */
  readonly deviceStamp: 'required' | 'when-present' | 'none';
  /**
   * Which devices the live stream tells of a change: the whole store, the store's other devices (the
   * pusher has its own facts already), or none (devices do not pull it).
   */
  readonly streamed: 'store' | 'other-devices' | 'none';
}

/** The collection policy table: one row per collection, read by device and server alike. */
export const collectionPolicies = {
  products: { writer: 'server', conflicts: 'server-wins', device: 'catalog', storeOfPush: 'own', deviceStamp: 'none', streamed: 'store' },
  balances: { writer: 'server', conflicts: 'server-wins', device: 'catalog', storeOfPush: 'own', deviceStamp: 'none', streamed: 'store' },
  config: { writer: 'server', conflicts: 'server-wins', device: 'pull', storeOfPush: 'own', deviceStamp: 'none', streamed: 'store' },
  customers: { writer: 'both', conflicts: 'merge-fields', device: 'both', storeOfPush: 'any', deviceStamp: 'none', streamed: 'store' },
  orders: { writer: 'both', conflicts: 'merge-order', device: 'both', storeOfPush: 'any', deviceStamp: 'none', streamed: 'store' },
  sales: { writer: 'device', conflicts: 'append-only', device: 'both', storeOfPush: 'own', deviceStamp: 'required', streamed: 'other-devices' },
  ledger: { writer: 'both', conflicts: 'append-only', device: 'push', storeOfPush: 'own', deviceStamp: 'when-present', streamed: 'none' },
  shifts: { writer: 'device', conflicts: 'append-only', device: 'both', storeOfPush: 'own', deviceStamp: 'required', streamed: 'other-devices' },
  audit: { writer: 'device', conflicts: 'append-only', device: 'both', storeOfPush: 'own', deviceStamp: 'required', streamed: 'other-devices' },
  // Bank-QR payments a tablet waits for, confirmed by the bank's notice (sync-server integrations/bank-notices.ts).
  payments: { writer: 'server', conflicts: 'server-wins', device: 'pull', storeOfPush: 'own', deviceStamp: 'none', streamed: 'store' },
} as const satisfies Record<CollectionName, CollectionPolicy>;

export function policyOf(collection: CollectionName): CollectionPolicy {
  return collectionPolicies[collection];
}

/** The collections RxDB keeps on the device: every one the catalog does not hold. */
export type DeviceCollectionName = {
  [Name in CollectionName]: (typeof collectionPolicies)[Name]['device'] extends 'catalog' ? never : Name;
}[CollectionName];

export const deviceCollectionNames = collectionNames.filter((name): name is DeviceCollectionName => collectionPolicies[name].device !== 'catalog');

/** The collections the lean catalog pull keeps in Dexie. */
export const catalogCollectionNames = collectionNames.filter((name) => collectionPolicies[name].device === 'catalog');
