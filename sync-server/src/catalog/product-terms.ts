/*
 * The catalog's lookup table, product_terms (migration 0016): for every live chain-wide product, one row per
 * barcode, one for its SKU in lower case and one for its folded name (searchName), each with the product's
 * id. A B-tree on (term, product_id, kind) answers "which products have a barcode, a SKU or a name starting
 * with this text" by one index range on SQLite and PostgreSQL alike, so neither the back office's product
 * search nor the catalog import's barcode check reads 100,000 product bodies. (Not every word of a name: a
 * row per word made the 100,000-product seed half as slow again for a search the tablet already has.)
 *
 * Why triggers on `documents`: products are written by the seed, the catalog import, the back office's
 * product form and any future writer, all through the documents table; a trigger keeps the terms right for
 * every one of them, in the writing transaction, without each writer remembering to. On PostgreSQL they are
 * statement triggers reading transition tables (one set-based insert per statement, not one call per row:
 * an import writes 100,000 rows in a few statements; `= any(array(...))` makes the delete an index lookup
 * per id, where a join with the transition table, which has no statistics, scanned every term); SQLite has
 * row triggers only.
 * On PostgreSQL the term column uses the "C" collation: code point order, so a prefix is one index range.
 */
import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { StoreKind } from '../store/open-store.ts';

export type ProductTermKind = 'barcode' | 'sku' | 'name';

/** A term's upper bound for a prefix range: every text starting with `prefix` sorts below it (code point order). */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/**
 * SQLite: a select of (term, product_id, kind) rows of the document `doc` (`new` in a trigger, or the alias
 * of `table`, a table read whole), where `condition` holds. json_each splits the barcodes array.
 */
function sqliteTermsSelect(doc: string, condition: string, table?: string): string {
  const from = (each?: string) => {
    const sources = [...(table === undefined ? [] : [table]), ...(each === undefined ? [] : [each])];
    return sources.length === 0 ? '' : ` from ${sources.join(', ')}`;
  };
  return [
    `select b.value, ${doc}.id, 'barcode'${from(`json_each(${doc}.body, '$.barcodes') b`)} where ${condition} and b.value <> ''`,
    `select lower(json_extract(${doc}.body, '$.sku')), ${doc}.id, 'sku'${from()} where ${condition} and json_extract(${doc}.body, '$.sku') is not null`,
    `select json_extract(${doc}.body, '$.searchName'), ${doc}.id, 'name'${from()} where ${condition} and json_extract(${doc}.body, '$.searchName') is not null`,
  ].join(' union all ');
}

/** PostgreSQL: the (term, product_id, kind) rows of the documents in `rows` (a table or transition table). */
function postgresTermsSelect(rows: string): string {
  const docs = `with d as materialized (select id, body::jsonb as j from ${rows} where collection = 'products' and store_id is null and deleted = false) `;
  return `${docs}${[
    `select b.code, d.id, 'barcode' from d, jsonb_array_elements_text(coalesce(d.j->'barcodes', '[]'::jsonb)) as b(code) where b.code <> ''`,
    `select lower(d.j->>'sku'), d.id, 'sku' from d where d.j->>'sku' is not null`,
    `select d.j->>'searchName', d.id, 'name' from d where d.j->>'searchName' is not null`,
  ].join(' union all ')}`;
}

/** Migration 0016's part: the table, its triggers, and the terms of the products already stored. */
export async function createProductTerms(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const collate = kind === 'postgres' ? ' collate "C"' : '';
  const withoutRowid = kind === 'sqlite' ? ' without rowid' : '';
  await sql
    .raw(`create table product_terms (term text${collate} not null, product_id text not null, kind text not null, primary key (term, product_id, kind))${withoutRowid}`)
    .execute(db);
  await sql`create index product_terms_product_idx on product_terms (product_id)`.execute(db);
  if (kind === 'sqlite') {
    const live = `d.collection = 'products' and d.store_id is null and d.deleted = 0`;
    await sql.raw(`insert or ignore into product_terms (term, product_id, kind) ${sqliteTermsSelect('d', live, 'documents d')}`).execute(db);
    await sql
      .raw(
        `create trigger product_terms_after_insert after insert on documents when new.collection = 'products' and new.store_id is null and new.deleted = 0
         begin insert or ignore into product_terms (term, product_id, kind) ${sqliteTermsSelect('new', 'new.deleted = 0')}; end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger product_terms_after_update after update on documents when new.collection = 'products' and new.store_id is null
         begin
           delete from product_terms where product_id = old.id;
           insert or ignore into product_terms (term, product_id, kind) ${sqliteTermsSelect('new', 'new.deleted = 0')};
         end`,
      )
      .execute(db);
    await sql
      .raw(`create trigger product_terms_after_delete after delete on documents when old.collection = 'products' begin delete from product_terms where product_id = old.id; end`)
      .execute(db);
    return;
  }
  await sql.raw(`insert into product_terms (term, product_id, kind) select * from (${postgresTermsSelect('documents')}) t on conflict do nothing`).execute(db);
  await sql
    .raw(
      `create function product_terms_inserted() returns trigger language plpgsql as $$
       begin
         insert into product_terms (term, product_id, kind) select * from (${postgresTermsSelect('new_rows')}) t on conflict do nothing;
         return null;
       end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function product_terms_updated() returns trigger language plpgsql as $$
       begin
         delete from product_terms where product_id = any(array(select id from old_rows where collection = 'products' and store_id is null));
         insert into product_terms (term, product_id, kind) select * from (${postgresTermsSelect('new_rows')}) t on conflict do nothing;
         return null;
       end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function product_terms_deleted() returns trigger language plpgsql as $$
       begin
         delete from product_terms where product_id = any(array(select id from old_rows where collection = 'products'));
         return null;
       end $$`,
    )
    .execute(db);
  await sql.raw(`create trigger product_terms_after_insert after insert on documents referencing new table as new_rows for each statement execute function product_terms_inserted()`).execute(db);
  await sql
    .raw(`create trigger product_terms_after_update after update on documents referencing old table as old_rows new table as new_rows for each statement execute function product_terms_updated()`)
    .execute(db);
  await sql.raw(`create trigger product_terms_after_delete after delete on documents referencing old table as old_rows for each statement execute function product_terms_deleted()`).execute(db);
}

/** `term >= prefix and term < prefixEnd(prefix)` for the given kinds: an index range on product_terms. */
export function termPrefixRange(prefix: string, kinds: readonly ProductTermKind[]): RawBuilder<boolean> {
  return sql<boolean>`(term >= ${prefix} and term < ${prefixEnd(prefix)} and kind in (${sql.join(kinds)}))`;
}
