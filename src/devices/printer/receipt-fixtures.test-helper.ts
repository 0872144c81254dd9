/*
 * Sales from the shop floor for the receipt tests, as the counter writes them (src/data/schemas/sales.json).
 */
import type { ReceiptContext, ReceiptSale } from './receipt-model.ts';
import type { TestPageTexts } from './test-page.ts';

type Tenders = ReceiptSale['tenders'];

/**
 * 0,375 kg of pork belly at 120.000 ₫/kg (VAT 5 %) and two iced milk coffees at 25.000 ₫ with 5.000 ₫
 * off (VAT 8 %), prices including VAT: 90.000 ₫ to pay.
 */
export function porkAndCoffeeSale(tenders: Tenders = [{ method: 'cash', amount: 100_000 }]): ReceiptSale {
  return {
    kind: 'sale',
    number: 'Q1-T03-000123',
    createdAt: '2025-03-15T07:05:00.000Z',
    currency: 'VND',
    lines: [
      { sku: 'PORK-BELLY', name: 'Thịt lợn ba chỉ', qty: 375, unitPrice: 120_000, discount: 0, taxRate: 500, total: 45_000, priceIncludesTax: true, unit: 'kg' },
      { sku: 'CF-SUA-DA', name: 'Cà phê sữa đá', qty: 2000, unitPrice: 25_000, discount: 5_000, taxRate: 800, total: 45_000, priceIncludesTax: true, unit: 'pcs' },
    ],
    tenders,
    totals: { subtotal: 95_000, discount: 5_000, tax: 5_476, total: 90_000 },
    // What the counter hands back, as it writes it: only cash goes beyond the 90.000 ₫ due.
    change: Math.max(0, tenders.reduce((sum, tender) => sum + tender.amount, 0) - 90_000),
  };
}

/** A gift-card number of ours (gift-card-number.ts), printed 7185 2963 0741 8529 637. */
export const GIFT_CARD = '7185296307418529637';
/** The store's gift-card product (config loyalty.giftCardProductIds). */
export const GIFT_CARD_PRODUCT = 'p-gift-card';

/** A gift card sold (or reloaded) for `amount`, paid in cash, as the counter writes it: the card holds it once the server has the sale. */
export function giftCardLoadSale(amount: number): ReceiptSale {
  return {
    kind: 'sale',
    number: 'Q1-T03-000124',
    createdAt: '2025-03-15T07:10:00.000Z',
    currency: 'VND',
    lines: [{ productId: GIFT_CARD_PRODUCT, giftCardId: GIFT_CARD, sku: 'GIFT-CARD', name: 'Thẻ quà tặng', qty: 1000, unitPrice: amount, discount: 0, taxRate: 0, total: amount, priceIncludesTax: true, unit: 'pcs' }],
    tenders: [{ method: 'cash', amount }],
    totals: { subtotal: amount, discount: 0, tax: 0, total: amount },
    change: 0,
  };
}

export const hoaSenStore: ReceiptContext = {
  store: { name: 'Cửa hàng Hoa Sen', address: '12 Lê Lợi, Quận 1, TP. Hồ Chí Minh', phone: '028 3823 4567', taxCode: '0301234567' },
  receiptTexts: { footer: 'Cảm ơn quý khách!\nĐổi trả trong 7 ngày' },
  locale: 'vi',
  staffName: 'Nguyễn Thị Lan',
  width: 80,
};

/** The printer test page's texts as the Settings screen passes them in Vietnamese. */
export const testPageTexts: TestPageTexts = {
  title: 'TRANG IN THỬ',
  printer: 'EPSON TM-T20III, khổ 80 mm, 48 ký tự/dòng',
  vietnamese: 'Tiếng Việt sẽ được in bằng bảng mã TCVN3.',
  rulerCaption: 'Thước cột (phải vừa đúng một dòng):',
  sample: 'Cà phê sữa đá, bánh mì thịt nướng, phở bò tái.',
  money: 'Tổng cộng: 1.234.500 ₫',
  barcodeCaption: 'Quét mã vạch này để kiểm tra máy quét.',
};
