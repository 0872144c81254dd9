/*
 * One product at a time, from the back office (routes/backoffice-products.ts): find, create and edit the
 * chain's `products` documents. Every write goes through the documents repository with a new seq inside a
 * transaction holding the sequence counter's lock (as the catalog import does, so an edit and an import are
 * decided one after the other), is announced to every store's tablets, and leaves an `audit` entry in the
 * manager's store saying who changed what, from what to what, and when.
 *
 * A product's fields are checked by the catalog import's own row check (src/domain/catalog-import.ts), fed
 * a one-row sheet: the same rules and the same messages in the manager's language as a file's row. A
 * barcode another product already has is refused, found inside the write transaction.
 *
 * Finding is by prefix, through migration 0016's product_terms (catalog/product-terms.ts): a SKU or barcode
 * that starts with the text, or a name that starts with it, diacritics ignored.
 */
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AuditEntryDocument, ProductDocument } from '../../../src/data/schemas/types.ts';
import { checkCatalogSheet } from '../../../src/domain/catalog-import.ts';
import type { ImportProblem, ImportTaxClass } from '../../../src/domain/catalog-import.ts';
import { importedProduct, sameProduct } from '../../../src/domain/catalog-import-plan.ts';
import { describeImportProblem } from '../../../src/domain/catalog-import-messages.ts';
import type { ImportLanguage } from '../../../src/domain/catalog-import-messages.ts';
import { foldForSearch } from '../../../src/domain/search-text.ts';
import type { ChangeBus, ChangeEvent } from '../live/change-bus.ts';
import type { Database } from '../store/database-types.ts';
import { isDeleted } from '../store/database-types.ts';
import type { DocumentsRepository, DocumentWrite } from '../store/documents-repository.ts';
import type { Store } from '../store/open-store.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';
import { termPrefixRange } from '../catalog/product-terms.ts';

/** What the back office's product form sends. */
export interface ProductForm {
  sku: string;
  name: string;
  /** Minor units; a text is checked as a file's price cell is ("12500", never "12.5"). */
  price: number | string;
  taxClassId: string;
  barcodes?: string[];
  unit?: 'pcs' | 'kg';
  weighed?: boolean;
  category?: string | null;
  /** The tile's picture (an https link or a path on this server); null takes it off, undefined keeps it. */
  image?: string | null;
  active?: boolean;
}

export type ProductField = 'sku' | 'name' | 'price' | 'taxClassId' | 'barcodes' | 'unit' | 'weighed' | 'category' | 'image' | 'active';

/** One thing wrong with the form, on its field, in the manager's language. */
export interface FieldError {
  field: ProductField;
  message: string;
}

/** Who changes the catalog, for the audit entry. */
export interface CatalogEditor {
  storeId: string;
  deviceId: string;
  staffId: string;
}

export type ProductEditResult =
  | { ok: true; product: ProductDocument; changed: boolean }
  | { ok: false; status: 404 | 409 | 422; errors: FieldError[] };

const COLUMN_FIELDS: Readonly<Record<string, ProductField>> = {
  sku: 'sku',
  name: 'name',
  price: 'price',
  taxClass: 'taxClassId',
  barcodes: 'barcodes',
  unit: 'unit',
  weighed: 'weighed',
  category: 'category',
  image: 'image',
};
/** The one-row sheet's headings, in the order checkForm writes its cells. */
const HEADINGS = ['sku', 'name', 'price', 'taxClass', 'barcodes', 'unit', 'weighed', 'category'];

/** The form as a checked product row (the catalog import's rules), or what is wrong with it. */
function checkForm(form: ProductForm, taxClasses: readonly ImportTaxClass[], language: ImportLanguage) {
  const weighed = form.weighed === undefined ? '' : form.weighed ? 'yes' : 'no';
  const cells = [form.sku, form.name, String(form.price), form.taxClassId, (form.barcodes ?? []).join('|'), form.unit ?? '', weighed, form.category ?? ''];
  // The image column only when the form names it, so a form without it keeps the product's picture.
  const withImage = form.image !== undefined;
  const headings = withImage ? [...HEADINGS, 'image'] : HEADINGS;
  if (withImage) cells.push(form.image ?? '');
  const checked = checkCatalogSheet({ headings, rows: [{ line: 2, cells }] }, { taxClasses });
  if (checked.ok) return { ok: true as const, row: checked.rows[0]! };
  return { ok: false as const, errors: checked.problems.map((p) => fieldError(p, language)) };
}

function fieldError(problem: ImportProblem, language: ImportLanguage): FieldError {
  return { field: COLUMN_FIELDS[problem.column] ?? 'sku', message: describeImportProblem(problem.detail, language) };
}

function barcodeTaken(code: string, otherSku: string, language: ImportLanguage): FieldError {
  return { field: 'barcodes', message: describeImportProblem({ kind: 'barcode-taken', value: code, otherSku }, language) };
}

function skuTaken(sku: string, language: ImportLanguage): FieldError {
  const message = language === 'vi' ? `Mã hàng "${sku}" đã có sản phẩm khác: chọn mã khác hoặc sửa sản phẩm đó` : `The SKU "${sku}" belongs to another product: choose another SKU or edit that product`;
  return { field: 'sku', message };
}

function skuFixed(sku: string, language: ImportLanguage): FieldError {
  const message = language === 'vi' ? `Mã hàng không đổi được khi sửa (đang là "${sku}"): nhập lại danh mục dùng mã hàng để tìm sản phẩm` : `A product's SKU cannot change (it is "${sku}"): the catalog import finds products by it`;
  return { field: 'sku', message };
}

/** Creates a product (201) or, with `id`, edits that one; `expectedUpdatedAt` refuses an edit of a stale copy (409). */
export async function saveProduct(
  store: Store,
  documents: DocumentsRepository,
  bus: ChangeBus | undefined,
  request: { id?: string; form: ProductForm; taxClasses: readonly ImportTaxClass[]; language: ImportLanguage; editor: CatalogEditor; expectedUpdatedAt?: string },
  now: Date = new Date(),
): Promise<ProductEditResult> {
  const { form, language, editor } = request;
  const checked = checkForm(form, request.taxClasses, language);
  if (!checked.ok) return { ok: false, status: 422, errors: checked.errors };
  // The products that could clash (the SKU of a new one, a barcode) are found through product_terms
  // before the transaction; under the sequence counter's lock only the products written since are read again.
  const barcodes = checked.row.barcodes ?? [];
  const needles = [`"sku":${JSON.stringify(checked.row.sku)}`, ...barcodes.map((code) => JSON.stringify(code))];
  const scannedUpTo = await lastProductSeq(store.db);
  const candidates = new Map((await productsMatching(store.db, checked.row.sku, barcodes)).map((p) => [p.id, p]));
  return store.db.transaction().execute(async (trx) => {
    await lockSequenceCounter(trx);
    for (const row of await productRowsAfter(trx, scannedUpTo)) {
      const product = JSON.parse(row.body) as ProductDocument;
      if (isDeleted(row.deleted) || !needles.some((needle) => row.body.includes(needle))) candidates.delete(product.id);
      else candidates.set(product.id, product);
    }
    let existing: ProductDocument | undefined;
    if (request.id !== undefined) {
      const stored = (await documents.getMany(trx, 'products', [request.id])).get(request.id);
      if (stored === undefined || stored.deleted) return { ok: false, status: 404, errors: [{ field: 'sku', message: `No product has the id "${request.id}"` }] };
      existing = stored.body;
      if (existing.sku !== checked.row.sku) return { ok: false, status: 422, errors: [skuFixed(existing.sku, language)] };
      if (request.expectedUpdatedAt !== undefined && request.expectedUpdatedAt !== existing.updatedAt) {
        const message = `The product was changed at ${existing.updatedAt} since this copy was read (${request.expectedUpdatedAt}): open it again`;
        return { ok: false, status: 409, errors: [{ field: 'sku', message }] };
      }
    } else if ([...candidates.values()].some((p) => p.sku === checked.row.sku)) {
      return { ok: false, status: 422, errors: [skuTaken(checked.row.sku, language)] };
    }
    const id = existing?.id ?? uuidv7();
    const errors: FieldError[] = [];
    for (const code of barcodes) {
      const owner = [...candidates.values()].find((p) => p.id !== id && p.barcodes.some((c) => c === code));
      if (owner !== undefined) errors.push(barcodeTaken(code, owner.sku, language));
    }
    if (errors.length > 0) return { ok: false, status: 422, errors };
    const updatedAt = now.toISOString();
    // An empty barcode list in the form means none (the import's empty cell does the same).
    const made = importedProduct({ ...checked.row, barcodes: checked.row.barcodes ?? [] }, existing, id, updatedAt);
    const product: ProductDocument = { ...made, active: form.active ?? existing?.active ?? true };
    if (existing !== undefined && sameProduct(existing, product)) return { ok: true, product: existing, changed: false };
    const audit: AuditEntryDocument = {
      id: uuidv7(),
      storeId: editor.storeId,
      deviceId: editor.deviceId,
      action: existing === undefined ? 'product.create' : 'product.edit',
      staffId: editor.staffId,
      subjectId: id,
      details: { sku: product.sku, name: product.name, changes: productChanges(existing, product) },
      createdAt: updatedAt,
    };
    const writes: DocumentWrite[] = [
      { collection: 'products', id, storeId: null, body: product, isNew: existing === undefined },
      { collection: 'audit', id: audit.id, storeId: editor.storeId, body: audit, isNew: true },
    ];
    const written = await documents.putInTransaction(trx, writes, now);
    if (bus !== undefined) {
      const events: ChangeEvent[] = [
        { collection: 'products', storeIds: null, fromSeq: written.firstSeq, toSeq: written.lastSeq },
        { collection: 'audit', storeIds: [editor.storeId], fromSeq: written.firstSeq, toSeq: written.lastSeq },
      ];
      await bus.announce(trx, events);
    }
    return { ok: true, product, changed: true };
  });
}

type Change = { from?: unknown; to?: unknown };

/** Field by field, what the edit changed (every field given, for a new product). */
export function productChanges(before: ProductDocument | undefined, after: ProductDocument): Record<string, Change> {
  const fields = ['name', 'price', 'taxClassId', 'barcodes', 'unit', 'weighed', 'category', 'image', 'active'] as const;
  const changes: Record<string, Change> = {};
  for (const field of fields) {
    const from = before?.[field];
    const to = after[field];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[field] = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  }
  return changes;
}

/** Live products with this SKU (case ignored) or one of these barcodes, through product_terms (migration 0016), parsed. */
async function productsMatching(db: Kysely<Database>, sku: string, barcodes: readonly string[]): Promise<ProductDocument[]> {
  const terms = [sql<boolean>`(t.kind = 'sku' and t.term = ${sku.toLowerCase()})`, ...(barcodes.length === 0 ? [] : [sql<boolean>`(t.kind = 'barcode' and t.term in (${sql.join(barcodes)}))`])];
  // A cross join: SQLite starts from the terms (left to right) rather than scanning the catalog's pull index.
  const { rows } = await sql<{ id: string; deleted: boolean | number; body: string }>`
    select d.id, d.deleted, d.body from product_terms t cross join documents d
     where (${sql.join(terms, sql` or `)}) and d.collection = 'products' and d.id = t.product_id and d.store_id is null`.execute(db);
  return rows.filter((row) => !isDeleted(row.deleted)).map((row) => JSON.parse(row.body) as ProductDocument);
}

/** The highest seq of the catalog's products. */
async function lastProductSeq(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('documents').select((eb) => eb.fn.max('seq').as('seq')).where('collection', '=', 'products').where('store_id', 'is', null).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Every product row written after `seq` (deleted ones too), oldest first. */
async function productRowsAfter(trx: Transaction<Database>, seq: number): Promise<Array<{ deleted: boolean | number; body: string }>> {
  return trx.selectFrom('documents').select(['deleted', 'body']).where('collection', '=', 'products').where('store_id', 'is', null).where('seq', '>', seq).orderBy('seq').execute();
}

export interface ProductPage {
  products: ProductDocument[];
  total: number;
  offset: number;
  limit: number;
}

/**
 * A page of the catalog in the order products were created (UUIDv7 ids): everything, or the products whose
 * SKU or a barcode starts with `query` (case ignored), or whose name starts with it with or without
 * diacritics (its folded name, searchName). Each is one index range on product_terms (migration 0016,
 * catalog/product-terms.ts), so a search among 100,000 products reads the ids it finds and one page of bodies.
 */
export async function findProducts(store: Store, query: string, offset: number, limit: number): Promise<ProductPage> {
  const text = query.trim();
  const base = store.db.selectFrom('documents').where('collection', '=', 'products').where('store_id', 'is', null);
  const live = store.kind === 'postgres' ? sql<boolean>`deleted = false` : sql<boolean>`deleted = 0`;
  if (text === '') {
    const [count, rows] = await Promise.all([
      base.where(live).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base.where(live).select('body').orderBy('id').offset(offset).limit(limit).execute(),
    ]);
    return { products: rows.map((row) => JSON.parse(row.body) as ProductDocument), total: Number(count.n), offset, limit };
  }
  const lower = text.toLowerCase();
  const folded = foldForSearch(text);
  const ranges = [termPrefixRange(lower, ['sku', 'barcode']), ...(folded === '' ? [] : [termPrefixRange(folded, ['name'])])];
  const matching = sql`select distinct product_id from product_terms where ${sql.join(ranges, sql` or `)}`;
  const [count, rows] = await Promise.all([
    sql<{ n: number | string }>`select count(*) as n from (${matching}) m`.execute(store.db),
    sql<{ body: string }>`
      select d.body from documents d
       where d.collection = 'products' and d.id in (${matching})
       order by d.id limit ${limit} offset ${offset}`.execute(store.db),
  ]);
  return { products: rows.rows.map((row) => JSON.parse(row.body) as ProductDocument), total: Number(count.rows[0]?.n ?? 0), offset, limit };
}
