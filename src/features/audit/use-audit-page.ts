/*
 * One page of the audit trail, live from the device database: a new entry written while a manager looks
 * appears at the top. Only one page (plus one row) is ever read, never the whole trail.
 */
import { useEffect, useState } from 'react';
import type { PosDatabase } from '../../data/database.ts';
import type { AuditEntryDocument } from '../../data/schemas/types.ts';
import { AUDIT_PAGE_SIZE, auditPageQuery, type AuditFilters } from './audit-query.ts';

export interface AuditPage {
  entries: AuditEntryDocument[];
  hasNext: boolean;
}

export function useAuditPage(database: PosDatabase, filters: AuditFilters, page: number, timeZone?: string): AuditPage | undefined {
  const [result, setResult] = useState<{ key: string; page: AuditPage }>();
  const key = JSON.stringify([filters, page, timeZone]);
  useEffect(() => {
    const subscription = database.audit.find(auditPageQuery(filters, page, AUDIT_PAGE_SIZE, timeZone)).$.subscribe({
      next: (documents) =>
        setResult({
          key,
          page: { entries: documents.slice(0, AUDIT_PAGE_SIZE).map((d) => d.toJSON() as AuditEntryDocument), hasNext: documents.length > AUDIT_PAGE_SIZE },
        }),
      error: (error: unknown) => console.error('Reading the audit trail failed', error),
    });
    return () => subscription.unsubscribe();
    // `key` captures filters, page and zone by value, so a re-render with equal filters keeps the subscription.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [database, key]);
  return result?.key === key ? result.page : undefined;
}
