/*
 * The collections of the device database and of the sync server, one JSON schema each.
 * These files are the single source of truth: RxDB validates and indexes with them on the device,
 * the server validates pushed documents with them (after removing RxDB's own keywords).
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
} as const;

export type CollectionName = keyof typeof collectionSchemas;

export const collectionNames = Object.keys(collectionSchemas) as CollectionName[];

/** Who writes each collection: the server only, the device only, or both. */
export const collectionWriters: Record<CollectionName, 'server' | 'device' | 'both'> = {
  products: 'server',
  balances: 'server',
  config: 'server',
  customers: 'both',
  orders: 'both',
  sales: 'device',
  ledger: 'both',
  shifts: 'device',
  audit: 'device',
};
