import { describe, expect, it } from 'vitest';
import { kindOf, tenderKinds, tenderOnWire } from './tender-kinds.ts';
import type { Tender } from './tender-kinds.ts';

const place = { saleId: 'sale-1', index: 2, customerId: 'cust-7' };

describe('each kind of tender says how it is stored, what it moves and what its receipt line adds', () => {
  it('a customer pays by card: the terminal reference is trimmed, stored and printed; no balance moves', () => {
    const checked = kindOf({ method: 'card', amount: 50_000, reference: '  APPR 004211 ' }).check({ method: 'card', amount: 50_000, reference: '  APPR 004211 ' });
    expect(checked).toEqual({ ok: true, tender: { method: 'card', amount: 50_000, reference: 'APPR 004211' } });
    expect(tenderOnWire({ method: 'card', amount: 50_000, reference: 'APPR 004211' })).toEqual({ method: 'card', amount: 50_000, reference: 'APPR 004211' });
    expect(tenderKinds.card.ledgerEntry({ method: 'card', amount: 50_000, reference: 'APPR 004211' }, place)).toBeUndefined();
    expect(tenderKinds.card.receiptNote({ method: 'card', amount: 50_000, reference: 'APPR 004211' })).toEqual({ note: 'reference', reference: 'APPR 004211' });
  });

  it('a card charged on the store’s terminal names it in the sale, beside the slip’s reference', () => {
    const tender: Tender = { method: 'card', amount: 50_000, reference: ' APPR 004211', terminal: 'vcb-1' };
    expect(kindOf(tender).check(tender)).toEqual({ ok: true, tender: { method: 'card', amount: 50_000, reference: 'APPR 004211', terminal: 'vcb-1' } });
    expect(tenderOnWire({ method: 'card', amount: 50_000, reference: 'APPR 004211', terminal: 'vcb-1' })).toEqual({ method: 'card', amount: 50_000, reference: 'APPR 004211', terminal: 'vcb-1' });
  });

  it('refuses a card tender naming an empty or overlong terminal id, and says so', () => {
    expect(tenderKinds.card.check({ method: 'card', amount: 1, reference: 'APPR 1', terminal: ' ' })).toMatchObject({ ok: false, reason: 'missing-detail' });
    expect(tenderKinds.card.check({ method: 'card', amount: 1, reference: 'APPR 1', terminal: 'x'.repeat(65) })).toMatchObject({ ok: false, reason: 'missing-detail', detail: expect.stringContaining('64') });
  });

  it('a gift card is stored by its id as the reference, takes its money off the card, and its id is not printed', () => {
    const tender: Tender = { method: 'gift_card', amount: 30_000, giftCardId: 'GC-100' };
    expect(tenderOnWire(tender)).toEqual({ method: 'gift_card', amount: 30_000, reference: 'GC-100' });
    expect(kindOf(tender).ledgerEntry(tender, place)).toEqual({ id: 'sale-1-giftcard-2', kind: 'giftcard', refId: 'GC-100', delta: -30_000, reason: 'redeem' });
    expect(tenderKinds.gift_card.receiptNote({ method: 'gift_card', amount: 30_000, reference: 'GC-100' })).toBeUndefined();
  });

  it('points and store credit belong to the customer: they need one, and move nothing without one', () => {
    const points: Tender = { method: 'points', amount: 50_000, points: 500 };
    expect(tenderKinds.points.needsCustomer && tenderKinds.store_credit.needsCustomer).toBe(true);
    expect(kindOf(points).ledgerEntry(points, place)).toEqual({ id: 'sale-1-points-2', kind: 'points', refId: 'cust-7', delta: -500, reason: 'redeem' });
    expect(kindOf(points).ledgerEntry(points, { saleId: 'sale-1', index: 2 })).toBeUndefined();
    expect(tenderKinds.store_credit.ledgerEntry({ method: 'store_credit', amount: 20_000 }, place)).toEqual({ id: 'sale-1-credit-2', kind: 'credit', refId: 'cust-7', delta: -20_000, reason: 'redeem' });
    expect(tenderKinds.points.receiptNote({ method: 'points', amount: 50_000, points: 500 })).toEqual({ note: 'pointsUsed', points: 500 });
    expect(tenderKinds.points.earnsPoints).toBe(false);
  });

  it('only cash gives change, and no kind but cash does', () => {
    expect(Object.entries(tenderKinds).filter(([, kind]) => kind.givesChange).map(([method]) => method)).toEqual(['cash']);
  });

  it('refuses a gift card without its id and points that are not a whole positive number', () => {
    expect(tenderKinds.gift_card.check({ method: 'gift_card', amount: 1, giftCardId: ' ' })).toMatchObject({ ok: false, reason: 'missing-detail' });
    expect(tenderKinds.points.check({ method: 'points', amount: 1, points: 1.5 })).toMatchObject({ ok: false, reason: 'missing-detail' });
  });
});
