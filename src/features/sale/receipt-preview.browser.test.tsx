// The receipt on screen after a sale shows what the paper shows (issue 16), in real Chromium on real
// IndexedDB: a member's points earned and balance, and a gift card's balance after a spend; a reprint's
// preview leaves the balances out, as the reprinted paper does. And the paper draws every Vietnamese letter
// whole: the monospace faces a tablet has (DejaVu Sans Mono on Linux) lack ế, ồ, ấ..., which then came out as
// ê with its acute beside it ("Thuê´ suât").
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BalanceDocument, CustomerDocument } from '../../data/schemas/types.ts';
import { attachCustomer, emptyCart, ringUpLine } from '../../domain/cart.ts';
import type { CartProduct } from '../../domain/cart.ts';
import { generateGiftCardNumber } from '../../domain/gift-card-number.ts';
import { ReceiptPreview } from './receipt-preview.tsx';
import '../../ui/theme.css';
import { STORE_ID, completeOnTill, lan, renderOnTill, setUpTill, tearDownTill, testConfig } from './till.test-helper.tsx';
import type { Till } from './till.test-helper.tsx';

const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false };
const mai: CustomerDocument = { id: 'customer-mai', storeId: STORE_ID, name: 'Trần Thị Mai', searchName: 'tran thi mai', phone: '0912345678', createdAt: '2025-11-01T00:00:00.000Z', updatedAt: '2025-11-01T00:00:00.000Z' };

let till: Till | undefined;

afterEach(async () => {
  cleanup();
  await tearDownTill(till);
  till = undefined;
});

function cartOf(result: ReturnType<typeof ringUpLine>) {
  if (!result.ok) throw new Error(result.detail);
  return result.cart;
}

async function paperText(): Promise<string> {
  const paper = await screen.findByTestId('receipt-preview-paper');
  // Row by row, a cell's text apart from the next, as the paper reads.
  const rows = [...paper.querySelectorAll('tr')].map((row) => [...row.querySelectorAll('td, th')].map((cell) => cell.textContent?.trim() ?? '').join(' '));
  return rows.join(' | ').replace(/\s+/g, ' ');
}

describe('the receipt preview after a sale', () => {
  it('Mai buys ten coffees with a gift card: points earned and her balance, the card and its balance, as on paper; the reprint preview without balances', async () => {
    till = await setUpTill();
    await till.database.customers.insert(mai);
    const card = generateGiftCardNumber();
    const synced = '2025-11-01T00:00:00.000Z';
    const balances: BalanceDocument[] = [
      { id: `points:${STORE_ID}:${mai.id}`, kind: 'points', storeId: STORE_ID, refId: mai.id, value: 1_200, updatedAt: synced },
      { id: `giftcard:${STORE_ID}:${card}`, kind: 'giftcard', storeId: STORE_ID, refId: card, value: 500_000, updatedAt: synced },
    ];
    await till.catalog.balances.bulkPut(balances);
    const sale = await completeOnTill(till, attachCustomer(cartOf(ringUpLine(emptyCart(), coffee, { qty: 10_000 })), mai.id), [{ method: 'gift_card', amount: 290_000, giftCardId: card }], lan.id);

    renderOnTill(till, <ReceiptPreview sale={sale} config={testConfig()} onClose={() => undefined} />);
    await waitFor(async () => expect(await paperText()).toContain('Số dư điểm'));
    const text = await paperText();
    expect(text).toContain('Điểm tích lũy 29');
    expect(text).toContain('Số dư điểm 1.229');
    expect(text).toContain(`****${card.slice(-4)}`);
    expect(text).toContain('Số dư thẻ 210.000 ₫');
    cleanup();

    renderOnTill(till, <ReceiptPreview sale={sale} config={testConfig()} reprint onClose={() => undefined} />);
    await waitFor(async () => expect(await paperText()).toContain('Điểm tích lũy 29'));
    const reprinted = await paperText();
    expect(reprinted).not.toContain('Số dư điểm');
    expect(reprinted).not.toContain('210.000');
  });

  it('draws each Vietnamese letter whole on the paper: a second accent (ế, ồ, ấ, ẩ, ễ) sits on its letter, not beside it', async () => {
    till = await setUpTill();
    const sale = await completeOnTill(till, cartOf(ringUpLine(emptyCart(), coffee, { qty: 1_000 })), [{ method: 'cash', amount: 29_000 }], lan.id);
    renderOnTill(till, <ReceiptPreview sale={sale} config={testConfig()} onClose={() => undefined} />);
    const paper = await screen.findByTestId('receipt-preview-paper');
    await document.fonts.ready;
    const style = getComputedStyle(paper);
    const context = document.createElement('canvas').getContext('2d');
    if (context === null) throw new Error('no 2D canvas');
    context.font = `${style.fontSize} ${style.fontFamily}`;
    // A face without the letter draws its parts apart: the accent lands a letter's width to the right
    // (DejaVu Sans Mono: ink to 14.8 px of a 7.8 px letter); a whole letter keeps its ink in its own box.
    const inkPastLetter = [...'ếồấẩễềổ'].map((letter) => {
      const measured = context.measureText(letter);
      return { letter, past: Math.max(0, Math.round(measured.actualBoundingBoxRight - measured.width)) };
    });
    expect(inkPastLetter.filter(({ past }) => past > 1)).toEqual([]);
  });
});
