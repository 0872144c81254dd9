/*
 * The Z report as the printer receives it: the bytes are decoded (escpos-decode.test-helper.ts) and the
 * tests read what the manager reads on the paper, on an 80 mm TCVN3 printer and a 58 mm windows-1258 one.
 */
import { describe, expect, it } from 'vitest';
import { attachCustomer, emptyCart, ringUpLine } from '../../domain/cart.ts';
import { dayReport } from '../../domain/day-report.ts';
import type { DayReport } from '../../domain/day-report.ts';
import type { ShiftEventDocument } from '../../domain/documents.ts';
import { cartOf, coffee, pork, saleOf, testTaxClasses } from '../../domain/paid-sale.test-helper.ts';
import { buildSaleDocument } from '../../domain/sale-document.ts';
import { buildSaleReversal } from '../../domain/sale-reversal.ts';
import { encodeDayReport, layoutDayReport } from './day-report-print.ts';
import { codepageNumbers, decodeEscPos, readPaper } from './escpos-decode.test-helper.ts';
import { resolvePrinterProfile } from './printer-profile.ts';
import type { PrinterSettings } from './printer-profile.ts';
import { CODEPAGES_BY_MODE } from './vietnamese-text.ts';

function hoaSenDay(): DayReport {
  const context = (id: string, createdAt: string, deviceId = 'device-t03') => ({ id, storeId: 'store-q1', deviceId, number: `Q1-${id}`, createdAt, staffId: 'staff-lan', currency: 'VND' });
  const rules = { taxClasses: testTaxClasses, loyalty: { amountPerPoint: 10_000 } };
  const morning = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee, { qty: 3000 })), [{ method: 'cash', amount: 100_000 }], context('s1', '2025-11-24T01:05:00.000Z'), rules));
  const member = attachCustomer(cartOf(ringUpLine(emptyCart(), pork, { qty: 500 })), 'cust-7');
  const lunch = saleOf(buildSaleDocument(member, [{ method: 'points', amount: 30_000, points: 300 }, { method: 'card', amount: 50_000, reference: 'APPR 1' }], context('s2', '2025-11-24T05:30:00.000Z', 'device-t01'), rules));
  const late = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee)), [{ method: 'bank_qr', amount: 29_000 }], context('s3', '2025-11-24T16:30:00.000Z'), rules));
  const voided = buildSaleReversal(morning, { id: 'v1', deviceId: 'device-t03', number: 'Q1-v1', createdAt: '2025-11-24T07:00:00.000Z', staffId: 'staff-lan', approverId: 'staff-nam' });
  if (!voided.ok) throw new Error(voided.detail);
  const event = (id: string, type: ShiftEventDocument['type'], amount: number, createdAt: string, extra: Partial<ShiftEventDocument> = {}): ShiftEventDocument => ({
    id, shiftId: 'shift-a', storeId: 'store-q1', deviceId: 'device-t03', type, amount, staffId: 'staff-lan', createdAt, ...extra,
  });
  return dayReport({
    date: '2025-11-24',
    storeId: 'store-q1',
    settings: { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0, currency: 'VND' },
    sales: [morning, lunch, late, voided.reversal],
    shiftEvents: [
      event('e1', 'open', 500_000, '2025-11-24T00:55:00.000Z'),
      event('e2', 'cash_out', 100_000, '2025-11-24T09:00:00.000Z', { reason: 'safe_drop' }),
      event('e3', 'close', 380_000, '2025-11-24T16:45:00.000Z', { expected: 400_000, approverId: 'staff-nam' }),
    ],
    orders: [{ id: 'order-1042', storeId: 'store-q1', events: [{ id: 'h1', type: 'handed_over', at: '2025-11-24T08:00:00.000Z', deviceId: 'device-t01' }] }],
  });
}

const names = {
  tillNames: { 'device-t01': 'Quầy 1', 'device-t03': 'Quầy 3' },
  staffNames: { 'staff-lan': 'Nguyễn Thị Lan', 'staff-nam': 'Lê Hoàng Nam' },
};

function print(report: DayReport, settings: PrinterSettings, locale: 'vi' | 'en' = 'vi') {
  const profile = resolvePrinterProfile(settings);
  const bytes = encodeDayReport(report, { locale, storeName: 'Cửa hàng Hoa Sen', ...names }, profile);
  const decoded = decodeEscPos(bytes, codepageNumbers(profile.encoderOptions, CODEPAGES_BY_MODE[profile.vietnamese]));
  const paper = readPaper(decoded).map((row) => row.normalize('NFC').replace(/\u00d0/g, 'Đ'));
  return { decoded, paper };
}

describe('the Z report of 24 November at Hoa Sen, printed', () => {
  describe('on an Epson TM-T20III (80 mm, TCVN3 code page), in Vietnamese', () => {
    const report = hoaSenDay();
    const { decoded, paper } = print(report, { paperWidth: 80, printerModel: 'epson-tm-t20iii' });

    it('says what it is, for which day and till, in Vietnamese text without a "?"', () => {
      expect(paper.some((row) => row.trim() === 'BÁO CÁO Z - CHỐT NGÀY')).toBe(true);
      expect(paper).toContainEqual(expect.stringMatching(/^Ngày kinh doanh +24\/11\/2025$/));
      expect(paper).toContainEqual(expect.stringMatching(/^Quầy +Tất cả quầy$/));
      expect(paper).toContainEqual(expect.stringMatching(/^Từ +24\/11\/2025 00:00$/));
      expect(paper).toContainEqual(expect.stringMatching(/^Đến +25\/11\/2025 00:00$/));
      expect(paper.join('\n')).not.toContain('?');
    });

    it('prints the figures that add up to net, the counts, the VAT per rate and every tender', () => {
      expect(report.net).toBe(109_000);
      expect(paper).toContainEqual(expect.stringMatching(/^Doanh thu gộp +196\.000 đ$/));
      expect(paper).toContainEqual(expect.stringMatching(/^Hủy hóa đơn +-87\.000 đ$/));
      expect(paper).toContainEqual(expect.stringMatching(/^DOANH THU THUẦN +109\.000 đ$/));
      expect(paper).toContainEqual(expect.stringMatching(/^Đã hủy +1$/));
      expect(paper).toContainEqual(expect.stringMatching(/^5% +76\.190 +3\.810$/));
      expect(paper).toContainEqual(expect.stringMatching(/^10% +26\.364 +2\.636$/));
      expect(paper).toContainEqual(expect.stringMatching(/^Tiền mặt \(2\) +0 đ$/));
      expect(paper).toContainEqual(expect.stringMatching(/^Chuyển khoản QR \(1\) +29\.000 đ$/));
      expect(paper).toContainEqual(expect.stringMatching(/^Đơn đã giao tại quầy +1$/));
      expect(paper).toContainEqual(expect.stringMatching(/^Điểm đã dùng +300$/));
    });

    it('prints the drawer: float, cash out, expected, the blind count, the variance and who approved it', () => {
      expect(paper).toContainEqual(expect.stringMatching(/^Ca 07:55 - 23:45 \(Quầy 3\)$/));
      expect(paper).toContainEqual(expect.stringMatching(/^ {2}Tiền đầu ca +500\.000 đ$/));
      expect(paper).toContainEqual(expect.stringMatching(/^ {2}Rút khỏi két +-100\.000 đ$/));
      expect(paper).toContainEqual(expect.stringMatching(/^ {2}Dự kiến +400\.000 đ$/));
      expect(paper).toContainEqual(expect.stringMatching(/^ {2}Thực đếm +380\.000 đ$/));
      expect(paper).toContainEqual(expect.stringMatching(/^ {2}Chênh lệch +-20\.000 đ$/));
      expect(paper).toContainEqual(expect.stringMatching(/^ {2}Người duyệt +Lê Hoàng Nam$/));
    });

    it('lists each till, keeps every row within 48 characters, never opens the drawer, and cuts', () => {
      expect(paper).toContainEqual(expect.stringMatching(/^Quầy 1 \(1\) +80\.000 đ$/));
      expect(paper).toContainEqual(expect.stringMatching(/^Quầy 3 \(2\) +29\.000 đ$/));
      for (const row of paper) expect(row.length).toBeLessThanOrEqual(48);
      expect(decoded.pulses).toEqual([]);
      expect(decoded.commands.at(-1)).toBe('cut');
    });
  });

  it('on a POS-5890 (58 mm, windows-1258) in English: every row within 32 cells, the same net', () => {
    const report = hoaSenDay();
    const { decoded, paper } = print(report, { paperWidth: 58, printerModel: 'pos-5890' }, 'en');
    expect(paper.some((row) => row.trim() === 'Z REPORT - DAY END')).toBe(true);
    expect(paper).toContainEqual(expect.stringMatching(/^NET SALES +₫109,000$/));
    for (const item of decoded.paper) if (item.kind === 'text') expect(item.text.length).toBeLessThanOrEqual(32);
  });

  it('the printed text is a pure function of the report: the same rows twice, and an X report says so', () => {
    const report = hoaSenDay();
    const context = { locale: 'vi' as const, storeName: 'Cửa hàng Hoa Sen', columns: 48 as const, ...names };
    expect(layoutDayReport(report, context)).toEqual(layoutDayReport(report, context));
    const interim = layoutDayReport({ ...report, kind: 'X', asOf: '2025-11-24T06:00:00.000Z' }, context);
    expect(interim.some((row) => row.kind === 'text' && row.text.trim() === 'BÁO CÁO X - GIỮA CA')).toBe(true);
    expect(interim.some((row) => row.kind === 'text' && /^Tính đến +24\/11\/2025 13:00$/.test(row.text))).toBe(true);
  });
});

describe('the bank transfers to reconcile on the printed report (issue 15)', () => {
  it('prints their count and sum when the day end gave them, in Vietnamese and English, and nothing otherwise', () => {
    const report = hoaSenDay();
    const settings: PrinterSettings = { paperWidth: 80, printerModel: 'epson-tm-t20iii' };
    expect(print(report, settings).paper.join('\n')).not.toContain('Chuyển khoản cần đối soát');
    const withTransfers: DayReport = { ...report, bankTransfersToReconcile: { count: 1, amount: 29_000 } };
    const vi = print(withTransfers, settings).paper;
    expect(vi.some((row) => row.trim().toUpperCase() === 'CHUYỂN KHOẢN CẦN ĐỐI SOÁT' || row.trim() === 'Chuyển khoản cần đối soát')).toBe(true);
    expect(vi).toContainEqual(expect.stringMatching(/^Số giao dịch \(1\) +29\.000 đ$/));
    expect(print(withTransfers, settings, 'en').paper).toContainEqual(expect.stringMatching(/^Transfers \(1\) +đ29,000$/));
  });
});

describe('card by terminal on the printed report (issue 17)', () => {
  it('prints each terminal’s card payments under the card row, in Vietnamese and English, and no split when no tender names a terminal', () => {
    const report = hoaSenDay();
    const settings: PrinterSettings = { paperWidth: 80, printerModel: 'epson-tm-t20iii' };
    const plain = print(report, settings).paper;
    const plainCard = plain.findIndex((row) => /^Thẻ \(1\) +50\.000 đ$/.test(row));
    expect(plainCard).toBeGreaterThan(-1);
    expect(plain[plainCard + 1]).not.toMatch(/^ {2}/);
    expect(plain.join('\n')).not.toContain('Thẻ không ghi máy quẹt');
    const split: DayReport = {
      ...report,
      tenders: report.tenders.map((row) => (row.method === 'card' ? { ...row, amount: 137_000, count: 3 } : row)),
      cardTerminals: [
        { terminal: 'vcb-1', name: 'Vietcombank quầy 1', amount: 87_000, count: 2 },
        { terminal: '', amount: 50_000, count: 1 },
      ],
    };
    const vi = print(split, settings).paper;
    const card = vi.findIndex((row) => /^Thẻ \(3\) +137\.000 đ$/.test(row));
    expect(card).toBeGreaterThan(-1);
    expect(vi[card + 1]).toMatch(/^ {2}Vietcombank quầy 1 \(2\) +87\.000 đ$/);
    expect(vi[card + 2]).toMatch(/^ {2}Thẻ không ghi máy quẹt \(1\) +50\.000 đ$/);
    const en = print(split, { paperWidth: 58, printerModel: 'pos-5890' }, 'en').paper;
    // 32 cells: a long name takes its own row, its amount the next, both indented under the card row.
    const enCard = en.findIndex((row) => /^Card \(3\) +₫137,000$/.test(row));
    expect(en.slice(enCard + 1, enCard + 5)).toEqual([
      expect.stringMatching(/^ {2}Vietcombank quầy 1 \(2\)$/),
      expect.stringMatching(/^ {2} +₫87,000$/),
      expect.stringMatching(/^ {2}Card, no terminal recorded \(1\)$/),
      expect.stringMatching(/^ {2} +₫50,000$/),
    ]);
    expect(en.every((row) => row.length <= 32)).toBe(true);
  });
});
