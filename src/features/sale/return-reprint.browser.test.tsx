// A return is reprinted from the receipts screen like a sale (issue 16), in real Chromium on real IndexedDB:
// the preview and the reprint (through the browser's print dialog, no USB printer paired) show under each
// returned line its reason and condition, the way the money went back and the manager who approved it.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyCart, ringUpLine } from '../../domain/cart.ts';
import type { CartProduct } from '../../domain/cart.ts';
import { returnPolicyOf } from '../../domain/return-policy.ts';
import { purchaseOfSale } from '../../domain/returnable-purchase.ts';
import { buildSaleReturn } from '../../domain/sale-return.ts';
import { ReceiptsScreen } from './receipts-screen.tsx';
import { receiptRow, receiptsOnTestTill } from './receipts.test-helper.tsx';
import { DEVICE_ID, STORE_ID, completeOnTill, hoa, lan, renderOnTill, testConfig } from './till.test-helper.tsx';

const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false };
const receipts = receiptsOnTestTill();

describe('a return on the receipts screen', () => {
  it('two coffees back, one resellable and one spilt, in cash with manager Hoa approving: previewed and reprinted with its details', async () => {
    const till = await receipts.setUp(testConfig(), lan);
    const rungUp = ringUpLine(emptyCart(), coffee, { qty: 3000 });
    if (!rungUp.ok) throw new Error(rungUp.detail);
    const sale = await completeOnTill(till, rungUp.cart, [{ method: 'cash', amount: 87_000 }], lan.id);
    const purchase = purchaseOfSale(sale);
    const context = (n: number) => ({ id: `0192f3a4-0000-7000-8000-00000000r00${n}`, storeId: STORE_ID, deviceId: DEVICE_ID, createdAt: new Date().toISOString(), staffId: lan.id, currency: 'VND', approverId: hoa.id });
    const built = buildSaleReturn(
      {
        purchase,
        lines: [{ originalLine: 0, qty: 1000, reason: 'changed-mind', condition: 'resellable' }],
        refund: { toOriginal: true, rest: { kind: 'cash' } },
      },
      { ...context(1), number: 'REQ1-00T003-R00001' },
      { policy: returnPolicyOf(undefined) },
    );
    if (!built.ok) throw new Error(built.detail);
    const spilt = buildSaleReturn(
      { purchase, earlierReturns: [built.document], lines: [{ originalLine: 0, qty: 1000, reason: 'defective', condition: 'damaged' }], refund: { toOriginal: true, rest: { kind: 'cash' } } },
      { ...context(2), number: 'REQ1-00T003-R00002' },
      { policy: returnPolicyOf(undefined) },
    );
    if (!spilt.ok) throw new Error(spilt.detail);
    await till.database.sales.bulkInsert([built.document, spilt.document]);

    const printed = receipts.capturePrintedHtml();
    renderOnTill(till, <ReceiptsScreen />);
    const row = await receiptRow('REQ1-00T003-R00002');
    fireEvent.click(within(row).getByTestId('receipt-preview-open'));
    const paper = await screen.findByTestId('receipt-preview-paper');
    await waitFor(() => expect(paper.textContent).toContain('Hàng lỗi, hư hỏng'));
    expect(paper.textContent).toContain('Hoàn tiền qua');
    expect(paper.textContent).toContain('Người duyệt');
    expect(paper.textContent).toContain(hoa.name);

    fireEvent.click(within(row).getByTestId('receipt-reprint'));
    await waitFor(() => expect(printed).toHaveLength(1), { timeout: 10_000 });
    const reprinted = new DOMParser().parseFromString(printed[0]!, 'text/html').body.textContent ?? '';
    expect(reprinted).toContain('Hàng lỗi, hư hỏng');
    expect(reprinted).toContain(hoa.name);
    expect(reprinted).toMatch(/IN LẠI|REPRINT/);
  });
});
