// The manager reads an incident in the shop's words: the order or sale it concerns by its number, the
// detail as labelled lines (money as money, nested lines flattened), never as raw JSON.
import { describe, expect, it } from 'vitest';
import { detailLines, documentOf } from './incidents-detail.ts';

describe("an incident's document and detail", () => {
  it('an order flagged at handover names the order by its number and keeps the unpaid amount as money', () => {
    const flag = { kind: 'order-flag', collection: 'orders', documentId: 'o-1', detail: { number: '#1042', code: 'handed-over-unpaid', unpaidAmount: 25_000, currency: 'VND' } };
    expect(documentOf(flag)).toEqual({ key: 'order', values: { number: '#1042' } });
    expect(detailLines(flag)).toEqual({
      lines: [
        { key: 'code', path: [], value: 'handed-over-unpaid' },
        { key: 'unpaidAmount', path: [], value: 25_000, money: { amount: 25_000, currency: 'VND' } },
      ],
      more: 0,
    });
  });

  it('a bank transfer is named by its note, a pickup payment by the sale, a return by its number', () => {
    expect(documentOf({ kind: 'bank-notice-unmatched', collection: 'payments', documentId: 'n-1', detail: { note: 'Q1T03000124', amount: 79_000 } })).toEqual({ key: 'transfer', values: { note: 'Q1T03000124' } });
    expect(documentOf({ kind: 'pickup-payment', collection: 'sales', documentId: 's-1', detail: { number: 'Q1-0007', why: 'already-paid' } })).toEqual({ key: 'sale', values: { number: 'Q1-0007' } });
    expect(documentOf({ kind: 'return-excess', collection: 'sales', documentId: 'r-1', detail: { number: 'R-0002' } })).toEqual({ key: 'return', values: { number: 'R-0002' } });
    expect(documentOf({ kind: 'balance-overdraft', collection: 'balances', documentId: 'gift-card:GC1', detail: { before: 0 } })).toEqual({ key: 'other', values: { collection: 'balances', id: 'gift-card:GC1' } });
  });

  it('unknown lines of an order are flattened to numbered lines, and a long detail says how many lines are left', () => {
    const unknown = { kind: 'order-unknown-product', collection: 'orders', documentId: 'o-2', detail: { number: '#1050', source: 'shopify', lines: [{ sku: 'X1', name: 'Áo' }, { sku: 'X2', name: 'Quần' }] } };
    expect(detailLines(unknown, 3)).toEqual({
      lines: [
        { key: 'source', path: [], value: 'shopify' },
        { key: 'lines', path: ['1', 'sku'], value: 'X1' },
        { key: 'lines', path: ['1', 'name'], value: 'Áo' },
      ],
      more: 2,
    });
  });
});
