import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeCustomer } from './merge-customer.ts';

const base = { id: 'c1', name: 'Nguyễn Văn An', phone: '0901234567', email: 'an@example.vn', updatedAt: '2026-11-01T00:00:00Z' };

describe('merging a customer edited at the counter and online', () => {
  it('keeps the cashier\'s new phone and the web shop\'s new email', () => {
    const local = { ...base, phone: '0912345678' };
    const master = { ...base, email: 'an.nguyen@example.vn', updatedAt: '2026-11-02T00:00:00Z' };
    const { merged, conflictingFields } = mergeCustomer(base, local, master);
    expect(merged).toEqual({ ...base, phone: '0912345678', email: 'an.nguyen@example.vn', updatedAt: '2026-11-02T00:00:00Z' });
    expect(conflictingFields).toEqual([]);
  });

  it('keeps the server\'s value when both changed the same field differently, and says so', () => {
    const local = { ...base, name: 'Nguyễn V. An' };
    const master = { ...base, name: 'Nguyễn Văn Ân' };
    const { merged, conflictingFields } = mergeCustomer(base, local, master);
    expect(merged.name).toBe('Nguyễn Văn Ân');
    expect(conflictingFields).toEqual(['name']);
  });

  it('never lets the device change the id or server timestamps', () => {
    const local = { ...base, id: 'forged', updatedAt: '2099-01-01T00:00:00Z' };
    expect(mergeCustomer(base, local, base).merged).toEqual(base);
  });

  it('removes a field the device cleared when the server left it alone', () => {
    const { email: _email, ...local } = base;
    expect(mergeCustomer(base, local as typeof base, base).merged).not.toHaveProperty('email');
  });

  it('equals the server version when the device changed nothing, and the device version when the server changed nothing', () => {
    const record = fc.record({ name: fc.string(), phone: fc.string(), note: fc.option(fc.string(), { nil: undefined }) });
    fc.assert(
      fc.property(record, record, (edit1, edit2) => {
        const b = { id: 'c', ...edit1 };
        const changed = { id: 'c', ...edit2 };
        expect(mergeCustomer(b, b, changed).merged).toEqual(changed);
        const deviceWins = mergeCustomer(b, changed, b).merged;
        for (const key of ['name', 'phone', 'note'] as const) expect(deviceWins[key]).toEqual(changed[key]);
      }),
    );
  });
});
