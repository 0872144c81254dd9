/*
 * Migration strategies of the device database, per collection and per schema version.
 *
 * Collections start at schema version 0. When a schema changes:
 *   1. bump "version" in src/data/schemas/<collection>.json (0 -> 1) and regenerate the types;
 *   2. add the strategy that turns a version-0 document into a version-1 document here, e.g.
 *        products: {
 *          // v1 adds `brand`: old documents get an empty brand until the next pull fills it.
 *          1: (old: ProductDocumentV0) => ({ ...old, brand: '' }),
 *        },
 *      returning null deletes the document instead;
 *   3. database.ts then loads RxDB's migration-schema plugin on its own (see needsMigrationPlugin),
 *      and a unit test checks that every version from 1 to the schema's version has a strategy.
 * Collections written only by the server (products, balances, config) may instead be wiped and pulled again.
 */
import type { MigrationStrategies } from 'rxdb';
import { splitStaffHashes } from '../domain/approval-proof.ts';
import { collectionNames, collectionSchemas, type CollectionName } from './schemas/index.ts';

export type PosMigrationStrategies = { readonly [Collection in CollectionName]: MigrationStrategies };

export const migrationStrategies: PosMigrationStrategies = {
  products: {
    // v1 names image (the tile's picture, issue 13), which no earlier product has. The catalog lives in Dexie and is
    // not migrated by RxDB, but the strategy keeps one rule for every versioned schema.
    1: (old: Record<string, unknown>) => old,
  },
  balances: {},
  config: {
    // v1: a tablet keeps a 12-bit check of each PIN instead of its full hash (src/domain/approval-proof.ts);
    // the same conversion as the server's migration 0008, so both end with one body.
    1: (old: Record<string, unknown>) => splitStaffHashes(old).config,
    // v2 names quickKeys, which no earlier config has: every version-1 document is valid as it is.
    2: (old: Record<string, unknown>) => old,
    // v3 names a staff entry's pinSetRequired (a PIN reset by a manager), which no earlier config has.
    3: (old: Record<string, unknown>) => old,
    // v4 names store.cardTerminals (the store's card terminals, issue 17), which no earlier config has.
    4: (old: Record<string, unknown>) => old,
  },
  customers: {},
  orders: {
    // v1 names what platform orders carry (source, sourceOrderId, sourceUpdatedAt, fulfilment, and a line's
    // sourceLineId and unknownProduct): every version-0 order is valid as it is.
    1: (old: Record<string, unknown>) => old,
  },
  sales: {
    // v1 names fields sales already carried (change, discountApprovedBy) and those of a cancellation
    // (reason, originalNumber, approverId): every version-0 document is valid as it is.
    1: (old: Record<string, unknown>) => old,
    // v2 names approvalProof, which no earlier document has.
    2: (old: Record<string, unknown>) => old,
    // v3 names a return's approvalFor and a sale's loyaltyTier (issue 16), which no earlier document has.
    3: (old: Record<string, unknown>) => old,
    // v4 names pickupOrderId (the online order a sale at the pickup counter pays, issue 15), which no earlier document has.
    4: (old: Record<string, unknown>) => old,
    // v5 adds the tender method online_refund (a return of an order paid online refunded by the shop, issue 16), which no earlier document has.
    5: (old: Record<string, unknown>) => old,
    // v6 names a card tender's terminal (the card terminal it was charged on, issue 17), which no earlier document has.
    6: (old: Record<string, unknown>) => old,
  },
  ledger: {},
  shifts: {
    // v1 adds the drawer event type and names reason, saleId, currency, expected, handoverFrom, approverId and
    // approvalProof, and indexes createdAt: every version-0 event is valid as it is.
    1: (old: Record<string, unknown>) => old,
  },
  audit: {
    // v1 names approvalProof, which no earlier entry has.
    1: (old: Record<string, unknown>) => old,
  },
  payments: {},
};

/** RxDB refuses a schema version above 0 unless its migration plugin is added; only then is it loaded. */
export function needsMigrationPlugin(): boolean {
  return collectionNames.some((name) => collectionSchemas[name].version > 0);
}
