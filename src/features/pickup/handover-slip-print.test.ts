/*
 * The handover slip as the printer receives it: the bytes decoded (escpos-decode.test-helper.ts) and read
 * back as the paper's rows, in Vietnamese on an 80 mm Epson and in English on a 58 mm roll.
 */
import { describe, expect, it } from 'vitest';
import { codepageNumbers, decodeEscPos, readPaper } from '../../devices/printer/escpos-decode.test-helper.ts';
import { resolvePrinterProfile } from '../../devices/printer/printer-profile.ts';
import type { PrinterSettings } from '../../devices/printer/printer-profile.ts';
import { CODEPAGES_BY_MODE } from '../../devices/printer/vietnamese-text.ts';
import { handoverSlipOf } from '../../domain/handover-slip.ts';
import type { HandoverSlip } from '../../domain/handover-slip.ts';
import { markedReadyEvent, planHandover, withEvent } from '../../domain/pickup-order.ts';
import type { PickupOrder } from '../../domain/pickup-order.ts';
import { encodeHandoverSlip, layoutHandoverSlip } from './handover-slip-print.ts';

const act = (id: string) => ({ id, at: '2026-11-24T03:05:00.000Z', staffId: 'staff-lan', deviceId: 'tablet-1' });

function slipOfFirstHandover(): HandoverSlip {
  const order: PickupOrder = withEvent(
    {
      id: 'order-1042',
      storeId: 'store-q1',
      number: '#1042',
      status: 'pending',
      customerName: 'Nguyễn Thị Mai',
      customerPhone: '0912345678',
      currency: 'VND',
      lines: [
        { productId: 'p-milk', sku: 'SUA-1L', name: 'Sữa tươi 1L', qty: 2000, unitPrice: 32000, taxRate: 800, total: 64000 },
        { productId: 'p-rice', sku: 'GAO-ST25', name: 'Gạo ST25 5kg', qty: 1000, unitPrice: 180000, taxRate: 500, total: 180000 },
      ],
      total: 244000,
      paid: true,
      events: [],
      placedAt: '2026-11-24T01:00:00.000Z',
      updatedAt: '2026-11-24T01:00:00.000Z',
    },
    markedReadyEvent(act('ready'), []),
  );
  const plan = planHandover(order, act('h1'), { lines: [{ line: 0, qty: 2000 }], codeChecked: true });
  if (!plan.ok) throw new Error(plan.reason);
  return handoverSlipOf(order, plan.event, { storeName: 'Cửa hàng Quận 1', staffName: 'Lan' })!;
}

function paperOf(slip: HandoverSlip, settings: PrinterSettings, locale: 'vi' | 'en'): string[] {
  const profile = resolvePrinterProfile(settings);
  const bytes = encodeHandoverSlip(slip, { locale, timeZone: 'Asia/Ho_Chi_Minh' }, profile);
  const decoded = decodeEscPos(bytes, codepageNumbers(profile.encoderOptions, CODEPAGES_BY_MODE[profile.vietnamese]));
  return readPaper(decoded).map((row) => row.normalize('NFC').replace(/\u00d0/g, 'Đ'));
}

describe('the handover slip, printed', () => {
  it('in Vietnamese on 80 mm: the order, the customer, who handed it over, what is taken now and what is still to come', () => {
    const paper = paperOf(slipOfFirstHandover(), { paperWidth: 80, printerModel: 'epson-tm-t20iii' }, 'vi');
    expect(paper.some((row) => row.trim() === 'PHIẾU GIAO HÀNG')).toBe(true);
    expect(paper).toContainEqual(expect.stringMatching(/^Đơn +#1042$/));
    expect(paper).toContainEqual(expect.stringMatching(/^Khách +Nguyễn Thị Mai \(\.\.\.678\)$/));
    expect(paper).toContainEqual(expect.stringMatching(/^Thời gian +24\/11\/2026 10:05$/));
    expect(paper).toContainEqual(expect.stringMatching(/^Người giao +Lan$/));
    const now = paper.indexOf('Nhận lần này');
    const later = paper.indexOf('Còn chờ giao');
    expect(now).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(now);
    expect(paper.slice(now, later)).toContainEqual(expect.stringMatching(/^ {2}SUA-1L +x 2$/));
    expect(paper.slice(later)).toContainEqual(expect.stringMatching(/^ {2}GAO-ST25 +x 1$/));
    expect(paper).toContainEqual(expect.stringMatching(/^Tổng đơn +244\.000 đ$/));
    expect(paper.some((row) => row.trim() === 'Còn 1 món chờ giao')).toBe(true);
    expect(paper.join('\n')).not.toContain('0912345678');
  });

  it('in English on 58 mm, every row within the roll', () => {
    const slip = slipOfFirstHandover();
    const rows = layoutHandoverSlip(slip, { locale: 'en', columns: 32 });
    for (const row of rows) if (row.kind === 'text') expect(row.text.length).toBeLessThanOrEqual(32);
    const paper = paperOf(slip, { paperWidth: 58 }, 'en');
    expect(paper.some((row) => row.trim() === 'HANDOVER SLIP')).toBe(true);
    expect(paper).toContainEqual(expect.stringMatching(/^Handed over by +Lan$/));
    expect(paper).toContainEqual('Paid online.');
  });
});
