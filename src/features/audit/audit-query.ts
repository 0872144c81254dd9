/*
 * The audit viewer's query: filters by action, person (as actor or approver) and calendar day on the store's
 * clock (its time zone, not the tablet's: a tablet left on UTC must not move the entries of 00:00-07:00 in
 * Hà Nội to the day before), newest
 * first, one page at a time. One extra row is asked for so the screen knows whether a next page exists
 * without counting the whole trail.
 */
import type { MangoQuery, MangoQuerySelector } from 'rxdb';
import type { AuditEntryDocument } from '../../data/schemas/types.ts';
import { businessDayWindow, DEFAULT_STORE_TIME_ZONE, isTimeZone, parseBusinessDate } from '../../domain/business-day.ts';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  action: string;
  staffId: string;
  /** "YYYY-MM-DD" on the store's clock, or "" for any day. */
  day: string;
}

export const noAuditFilters: AuditFilters = { action: '', staffId: '', day: '' };

/** The [start, end) of a calendar day in the store's zone as ISO instants, comparable with `createdAt`. */
export function dayRange(day: string, timeZone: string | undefined): { from: string; to: string } | undefined {
  const date = parseBusinessDate(day);
  if (!date.ok) return undefined;
  const zone = timeZone !== undefined && isTimeZone(timeZone) ? timeZone : DEFAULT_STORE_TIME_ZONE;
  const window = businessDayWindow(date.value, { timeZone: zone, cutoffMinutes: 0 });
  return { from: new Date(window.start).toISOString(), to: new Date(window.end).toISOString() };
}

export function auditPageQuery(filters: AuditFilters, page: number, pageSize: number = AUDIT_PAGE_SIZE, timeZone?: string): MangoQuery<AuditEntryDocument> {
  const conditions: MangoQuerySelector<AuditEntryDocument>[] = [];
  const range = dayRange(filters.day, timeZone);
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
