import { describe, expect, it } from 'vitest';
import { auditPageQuery, dayRange, noAuditFilters } from './audit-query.ts';

describe('the audit viewer query', () => {
  it('asks for the newest entries first, one page plus one to know if there is more', () => {
    const query = auditPageQuery(noAuditFilters, 2, 50);
    expect(query.sort).toEqual([{ createdAt: 'desc' }, { id: 'desc' }]);
    expect(query.skip).toBe(100);
    expect(query.selector).toEqual({ $and: [{ createdAt: { $gte: '' } }] });
    expect(query.limit).toBe(51);
  });

  it('finds a person whether they acted or approved', () => {
    const query = auditPageQuery({ action: 'drawer.open', staffId: 'nam', day: '' }, 0);
    expect(query.selector).toEqual({
      $and: [{ createdAt: { $gte: '' } }, { action: 'drawer.open' }, { $or: [{ staffId: 'nam' }, { approverId: 'nam' }] }],
    });
  });

  it('turns a calendar day into the instants it spans on this tablet', () => {
    const range = dayRange('2025-03-01');
    expect(range).toBeDefined();
    expect(Date.parse(range?.to ?? '') - Date.parse(range?.from ?? '')).toBe(24 * 3600_000);
    expect(new Date(range?.from ?? '').getDate()).toBe(1);
    expect(dayRange('yesterday')).toBeUndefined();
  });
});
