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

  it('turns a calendar day into the instants it spans on the store\'s clock, whatever the tablet\'s zone', () => {
    // 1 March in Hà Nội (UTC+7) starts at 17:00Z on 28 February.
    expect(dayRange('2025-03-01', 'Asia/Ho_Chi_Minh')).toEqual({ from: '2025-02-28T17:00:00.000Z', to: '2025-03-01T17:00:00.000Z' });
    expect(dayRange('2025-03-01', 'Europe/London')).toEqual({ from: '2025-03-01T00:00:00.000Z', to: '2025-03-02T00:00:00.000Z' });
    // A store without a known zone keeps Vietnam's.
    expect(dayRange('2025-03-01', undefined)).toEqual(dayRange('2025-03-01', 'Asia/Ho_Chi_Minh'));
    expect(dayRange('yesterday', 'Asia/Ho_Chi_Minh')).toBeUndefined();
  });

  it('filters the day on the store\'s clock', () => {
    const query = auditPageQuery({ action: '', staffId: '', day: '2025-03-01' }, 0, 50, 'Asia/Ho_Chi_Minh');
    expect(query.selector).toEqual({ $and: [{ createdAt: { $gte: '2025-02-28T17:00:00.000Z', $lt: '2025-03-01T17:00:00.000Z' } }] });
  });
});
