/*
 * A return receipt as the printer receives it and as the screen shows it (issue 16): the bytes decoded, and
 * the HTML of the browser print and the on-screen preview. Under each returned line its reason and condition,
 * the ways the money went back and who approved it, in the receipt's language; a reprint says the same.
 */
import { describe, expect, it } from 'vitest';
import type { ReturnDocumentLine } from '../../domain/return-lines.ts';
import { buildReceipt } from './receipt-model.ts';
import type { ReceiptContext, ReceiptSale } from './receipt-model.ts';
import { encodeReceipt } from './escpos-receipt.ts';
import { renderReceiptBody } from './html-receipt.ts';
import { resolvePrinterProfile } from './printer-profile.ts';
import type { PrinterSettings } from './printer-profile.ts';
import { codepageNumbers, decodeEscPos, readPaper } from './escpos-decode.test-helper.ts';
import { CODEPAGES_BY_MODE } from './vietnamese-text.ts';
import { hoaSenStore } from './receipt-fixtures.test-helper.ts';

function line(name: string, qty: number, unitPrice: number, reason: string, condition: 'resellable' | 'damaged'): ReturnDocumentLine {
  return { productId: `p-${name}`, sku: name.slice(0, 4), name, qty, unitPrice, discount: 0, taxRate: 800, total: (qty / 1000) * unitPrice, priceIncludesTax: true, unit: 'pcs', originalLine: 0, returnReason: reason, condition };
}

/** Phạm Thu Hà brings back a shirt (wrong size) and two bottles of milk (one leaked), refunded as store credit and online, a manager approving. */
const shirtAndMilkBack: ReceiptSale = {
  kind: 'return',
  reason: 'return',
  number: 'Q3-T01-000042',
  originalNumber: '#1042',
  createdAt: '2025-11-26T03:00:00.000Z',
  currency: 'VND',
  lines: [line('Áo thun size M', -1000, 125_000, 'wrong-size', 'resellable'), line('Sữa tươi 1L', -2000, 32_000, 'defective', 'damaged')],
  tenders: [
    { method: 'store_credit', amount: -64_000 },
    { method: 'online_refund', amount: -125_000, reference: '#1042' },
  ],
  totals: { subtotal: -189_000, discount: 0, tax: -14_000, total: -189_000 },
  change: 0,
  customerId: 'cust-ha',
  approverId: 'staff-mai',
};

function paperOf(settings: PrinterSettings, context: Partial<ReceiptContext>): string[] {
  const profile = resolvePrinterProfile(settings);
  const receipt = buildReceipt(shirtAndMilkBack, { ...hoaSenStore, width: settings.paperWidth, ...context });
  const bytes = encodeReceipt(receipt, { profile, renderTextImage: () => ({ width: 8, height: 8, data: new Uint8ClampedArray(256) }) });
  const decoded = decodeEscPos(bytes, codepageNumbers(profile.encoderOptions, CODEPAGES_BY_MODE[profile.vietnamese]));
  return readPaper(decoded).map((row) => row.normalize('NFC').replace(/\u00d0/g, 'Đ').trimEnd());
}

describe('a return receipt, printed', () => {
  it('in Vietnamese on 80 mm: reason and condition under each line, the refund methods, the approver by name', () => {
    const paper = paperOf({ paperWidth: 80, printerModel: 'epson-tm-t20iii' }, { locale: 'vi', approverName: 'Chị Mai' });
    expect(paper.some((row) => row.trim() === 'PHIẾU TRẢ HÀNG')).toBe(true);
    const shirt = paper.findIndex((row) => row.includes('Áo thun size M'));
    expect(paper.slice(shirt, shirt + 4)).toContainEqual('  Sai kích cỡ, bán lại được');
    const milk = paper.findIndex((row) => row.includes('Sữa tươi 1L'));
    expect(paper.slice(milk, milk + 4)).toContainEqual('  Hàng lỗi, hư hỏng');
    expect(paper).toContainEqual(expect.stringMatching(/^Hoàn tiền qua +Số dư cửa hàng, Hoàn tiền online$/));
    expect(paper).toContainEqual(expect.stringMatching(/^Người duyệt +Chị Mai$/));
    expect(paper).toContainEqual(expect.stringMatching(/^Hoàn tiền online \(mã #1042\) +-125\.000 đ$/));
  });

  it('in English on 58 mm, and a reprint says the same with the approver id when the name is unknown', () => {
    const first = paperOf({ paperWidth: 58, printerModel: 'pos-5890' }, { locale: 'en' });
    expect(first).toContainEqual('  Wrong size, resellable');
    expect(first).toContainEqual('  Defective, damaged');
    expect(first.join('\n')).toMatch(/Refunded by/);
    expect(first).toContainEqual(expect.stringMatching(/^Approved by +staff-mai$/));
    const again = paperOf({ paperWidth: 58, printerModel: 'pos-5890' }, { locale: 'en', reprint: true });
    expect(again.filter((row) => row !== first[0])).toEqual(expect.arrayContaining(first.filter((row) => row.includes('resellable') || row.includes('damaged'))));
  });
});

describe('a return receipt on screen (browser print and preview)', () => {
  it('shows the same notes, methods and approver, escaped', () => {
    const receipt = buildReceipt({ ...shirtAndMilkBack, lines: [line('<b>Áo</b>', -1000, 125_000, '<script>', 'resellable')] }, { ...hoaSenStore, width: 80, locale: 'en', approverName: 'Chị Mai' });
    const html = renderReceiptBody(receipt);
    expect(html).toContain('&lt;script&gt;, resellable');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Refunded by');
    expect(html).toContain('Chị Mai');
  });
});
