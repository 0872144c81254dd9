/*
 * The audit viewer's query: filters by action, person (as actor or approver) and local calendar day, newest
 * first, one page at a time. One extra row is asked for so the screen knows whether a next page exists
 * without counting the whole trail.
 */
import type { MangoQuery, MangoQuerySelector } from 'rxdb';
import type { AuditEntryDocument } from '../../data/schemas/types.ts';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  action: string;
  staffId: string;
  /** "YYYY-MM-DD" in the tablet's time zone, or "" for any day. */
  day: string;
}

export const noAuditFilters: AuditFilters = { action: '', staffId: '', day: '' };

/** The [start, end) of a local calendar day as ISO instants, comparable with `createdAt`. */
export function dayRange(day: string): { from: string; to: string } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return { from: new Date(year, month - 1, date).toISOString(), to: new Date(year, month - 1, date + 1).toISOString() };
}

export function auditPageQuery(filters: AuditFilters, page: number, pageSize: number = AUDIT_PAGE_SIZE): MangoQuery<AuditEntryDocument> {
  const conditions: MangoQuerySelector<AuditEntryDocument>[] = [];
  const range = dayRange(filters.day);
  // Always a createdAt condition, so the query runs on the createdAt index in its sort order.
  conditions.push({ createdAt: range ? { $gte: range.from, $lt: range.to } : { $gte: '' } });
  if (filters.action) conditions.push({ action: filters.action });
  if (filters.staffId) conditions.push({ $or: [{ staffId: filters.staffId }, { approverId: filters.staffId }] });
  return {
    selector: { $and: conditions },
    sort: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: page * pageSize,
    limit: pageSize + 1,
  };
}
