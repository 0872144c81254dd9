import { describe, expect, it } from 'vitest';
import { returnLineNote, returnReceiptDetails } from './receipt-return-details.ts';
import type { ReturnReceiptWords } from './receipt-return-details.ts';

// The receipt words as src/i18n has them (the printer's tests read the real files).
const tender = { cash: 'Cash', card: 'Card', bank_qr: 'Bank transfer (QR)', gift_card: 'Gift card', points: 'Loyalty points', store_credit: 'Store credit', online_refund: 'Online refund' };
const en: { receipt: ReturnReceiptWords } = {
  receipt: { returnLine: '{{reason}}, {{condition}}', returnReason: { 'changed-mind': 'Changed mind', 'wrong-size': 'Wrong size', defective: 'Defective' }, condition: { resellable: 'resellable', damaged: 'damaged' }, tender },
};
const vi: { receipt: ReturnReceiptWords } = {
  receipt: { returnLine: '{{reason}}, {{condition}}', returnReason: { defective: 'Hàng lỗi' }, condition: { resellable: 'bán lại được', damaged: 'hư hỏng' }, tender },
};

const returned = (reason: string, condition: string) => ({ qty: -1000, returnReason: reason, condition });

describe('what a return receipt says under its lines and about its refund', () => {
  it('each returned line says why it came back and in what state, in the receipt language', () => {
    expect(returnLineNote(returned('wrong-size', 'resellable'), en.receipt)).toBe('Wrong size, resellable');
    expect(returnLineNote(returned('defective', 'damaged'), vi.receipt)).toBe('Hàng lỗi, hư hỏng');
    // A store's own reason, typed at the desk, as it was typed.
    expect(returnLineNote(returned('Khách tặng lại', 'resellable'), vi.receipt)).toBe('Khách tặng lại, bán lại được');
    // A sold line of an exchange says nothing.
    expect(returnLineNote({ qty: 1000 }, en.receipt)).toBeUndefined();
  });

  it('the refund methods in the order the refund took them, once each; a cancellation and a sale have none', () => {
    const doc = {
      kind: 'return' as const,
      reason: 'return',
      lines: [returned('changed-mind', 'resellable'), { qty: 1000 }],
      tenders: [
        { method: 'store_credit' as const, amount: -50_000 },
        { method: 'online_refund' as const, amount: -75_000 },
        { method: 'store_credit' as const, amount: -1_000 },
      ],
    };
    expect(returnReceiptDetails(doc, en.receipt)).toEqual({ lineNotes: ['Changed mind, resellable', undefined], refundedBy: 'Store credit, Online refund' });
    expect(returnReceiptDetails({ ...doc, reason: 'void' }, en.receipt)).toEqual({ lineNotes: [undefined, undefined] });
    expect(returnReceiptDetails({ ...doc, kind: 'sale' }, en.receipt).refundedBy).toBeUndefined();
    // An exchange where the customer paid the difference gave nothing back.
    expect(returnReceiptDetails({ ...doc, tenders: [{ method: 'cash', amount: 20_000 }] }, vi.receipt).refundedBy).toBeUndefined();
  });
});
