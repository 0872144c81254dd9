/*
 * The one door from the domain to the shapes of stored documents. Those shapes are generated from the
 * collections' JSON schemas (src/data/schemas/*.json -> types.ts, scripts/generate-schema-types.mjs), the
 * one source that the device's RxDB, the server's push validation and this domain share. The domain takes
 * them here, type-only (no code crosses), and derives its own names from them, so a schema change the domain
 * does not follow fails the type check instead of drifting:
 *   - what the domain reads (sale-check.ts, sale-reversal.ts, the receipt) is the stored document or a Pick of it;
 *   - what it builds (sale-document.ts, sale-reversal.ts) is the stored document narrowed (an intersection), so
 *     it is written as it stands, without a cast.
 * Lint lets `import type` from src/data/schemas/types.ts into this file only; every other domain file takes
 * the shapes from here.
 *
 * Fields a sale carries that sales.json lets through without naming them (additionalProperties): a line's
 * unit, listPrice and approvedBy, a tender's points, totals.cashRounding; since issue 16 a line's giftCardId
 * (gift-card-sale.ts) and a returned line's originalLine, returnReason and condition (return-lines.ts), and
 * a sale's loyaltyTier and approvalFor (the server's closed schema names them all, sync-server/src/schemas.ts). They are typed where the domain
 * writes them (sale-document.ts) and read defensively from stored documents (sale-amounts.ts). Naming them in
 * the schema needs a new schema version (RxDB refuses a changed schema under the same version) and a
 * migration: the next change of sales.json should carry them.
 */
import type { SaleDocument } from '../data/schemas/types.ts';

export type { CustomerDocument, OrderDocument, PaymentDocument, ProductDocument, SaleDocument, ShiftEventDocument, StoreConfigDocument } from '../data/schemas/types.ts';

/** One line of a stored sale. */
export type SaleLine = SaleDocument['lines'][number];
/** One tender of a stored sale, as on the wire. */
export type SaleTender = SaleDocument['tenders'][number];
/** The wire names of the tenders (sales.json's enum). */
export type TenderMethod = SaleTender['method'];
export type SaleTotals = SaleDocument['totals'];
/** A balance movement embedded in a sale; the server turns each into a ledger document with the same id. */
export type SaleLedgerEntry = NonNullable<SaleDocument['ledger']>[number];

/**
 * `Document` with some fields' types replaced by narrower ones (a built sale's lines, change, ledger), and
 * still assignable to `Document` (a replacement that is not narrower fails to type-check where it is used
 * as one). Unlike Omit, it keeps the document's index signature and named fields.
 */
export type Narrowed<Document, Fields extends { [Key in keyof Fields]: Key extends keyof Document ? Document[Key] : unknown }> = {
  [Key in keyof Document as Key extends keyof Fields ? never : Key]: Document[Key];
} & Fields;
