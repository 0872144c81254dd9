import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideAppendOnly } from './append-only.ts';

const sale = {
  id: '0193a0c0-0000-7000-8000-000000000001',
  number: 'S1-D2-000017',
  lines: [{ sku: 'CF-01', qty: 2000, total: 58000 }],
  totals: { subtotal: 58000, discount: 0, tax: 4296, total: 58000 },
};

describe('append-only facts', () => {
  it('stores a sale the server has never seen', () => {
    expect(decideAppendOnly(undefined, sale)).toEqual({ kind: 'insert' });
  });

  it('treats a retried push of the same sale as a duplicate, whatever the field order', () => {
    const reordered = { totals: { total: 58000, tax: 4296, discount: 0, subtotal: 58000 }, lines: sale.lines, number: sale.number, id: sale.id };
    expect(decideAppendOnly(sale, reordered)).toEqual({ kind: 'duplicate' });
  });

  it('reports a different sale that reuses an id as a conflict', () => {
    const tampered = { ...sale, totals: { ...sale.totals, total: 8000 } };
    expect(decideAppendOnly(sale, tampered)).toEqual({ kind: 'conflict' });
  });

  it('ignores fields the server stamps on arrival', () => {
    expect(decideAppendOnly({ ...sale, receivedAt: '2026-11-24T03:00:00Z' }, sale, ['receivedAt'])).toEqual({ kind: 'duplicate' });
  });

  it('never calls two documents with different content a duplicate', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const decision = decideAppendOnly({ id: 'x', body: a }, { id: 'x', body: b });
        const equal = JSON.stringify(a) === JSON.stringify(b);
        if (decision.kind === 'duplicate' && !equal) {
          // Only key order may differ between "same" documents.
          expect(JSON.stringify(sortDeep(a))).toBe(JSON.stringify(sortDeep(b)));
        }
        if (equal) expect(decision.kind).toBe('duplicate');
      }),
    );
  });
});

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortDeep(v)]));
  }
  return value;
}
