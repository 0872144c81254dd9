/*
 * "The rows with these ids" as one statement whatever the number of ids: the list goes as one array
 * parameter on PostgreSQL (`= any($n::text[])`) and as one JSON text on SQLite (`json_each`), never as one
 * bound parameter per id (thousands of them in a push).
 */
import { CompiledQuery } from 'kysely';
import type { StoreKind } from './open-store.ts';

/** `select *` from `table` for these ids (duplicates dropped), optionally within one collection of documents. */
export function selectByIds(kind: StoreKind, table: 'documents' | 'ledger_entries' | 'balances', ids: readonly string[], collection?: string): CompiledQuery {
  const unique = [...new Set(ids)];
  const params: unknown[] = collection === undefined ? [] : [collection];
  const inCollection = collection === undefined ? '' : `collection = ${kind === 'postgres' ? '$1' : '?'} and `;
  if (kind === 'postgres') {
    params.push(unique);
    return CompiledQuery.raw(`select * from ${table} where ${inCollection}id = any($${params.length}::text[])`, params);
  }
  params.push(JSON.stringify(unique));
  return CompiledQuery.raw(`select * from ${table} where ${inCollection}id in (select value from json_each(?))`, params);
}
