/*
 * The receipt model: what a customer will read, whichever way it is printed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { giftCardStanding } from '../../domain/gift-card-standing.ts';
import { buildReceipt, giftCardsOnReceipt, maskGiftCardNumber } from './receipt-model.ts';
import type { ReceiptSale } from './receipt-model.ts';
import { GIFT_CARD, GIFT_CARD_PRODUCT, giftCardLoadSale, hoaSenStore, porkAndCoffeeSale } from './receipt-fixtures.test-helper.ts';

const nbsp = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
const pairs = (rows: readonly { label: string; value: string }[]): string[] => rows.map((row) => nbsp(`${row.label}: ${row.value}`));

describe('a customer buying 0,375 kg of pork and two coffees', () => {
  const receipt = buildReceipt(porkAndCoffeeSale(), hoaSenStore);

  it('heads the receipt with the store, its address, phone and tax code, the sale number, time and cashier', () => {
    expect(receipt.store).toEqual({ name: 'Cửa hàng Hoa Sen', lines: ['12 Lê Lợi, Quận 1, TP. Hồ Chí Minh', 'ĐT: 028 3823 4567', 'MST: 0301234567'] });
    expect(receipt.title).toBe('HÓA ĐƠN BÁN HÀNG');
    expect(pairs(receipt.facts)).toEqual(['Số HĐ: Q1-T03-000123', 'Ngày: 15/03/2025 14:05', 'Thu ngân: Nguyễn Thị Lan']);
  });

  it('shows the pork by weight and the coffees by the piece, with the coffee discount', () => {
    expect(receipt.items.map((item) => ({ ...item, detail: nbsp(item.detail) }))).toEqual([
      { name: 'Thịt lợn ba chỉ', detail: '0,375 kg x 120.000 ₫/kg', amount: '45.000', weighed: true },
      { name: 'Cà phê sữa đá', detail: '2 x 25.000 ₫', amount: '50.000', weighed: false, discount: { label: 'Giảm giá', value: '-5.000' } },
    ]);
  });

  it('adds up to 90.000 ₫ with VAT per rate, and gives 10.000 ₫ change from 100.000 ₫ cash', () => {
    expect(pairs(receipt.totals)).toEqual(['Tổng tiền hàng: 95.000 ₫', 'Chiết khấu: -5.000 ₫', 'TỔNG CỘNG: 90.000 ₫']);
    expect(receipt.taxSummary.rows).toEqual([['5%', '42.857', '2.143'], ['8%', '41.667', '3.333']]);
    expect(pairs(receipt.payment.tenders)).toEqual(['Tiền mặt: 100.000 ₫']);
    expect(receipt.payment.change && pairs([receipt.payment.change])).toEqual(['Tiền thừa trả khách: 10.000 ₫']);
    expect(receipt.opensCashDrawer).toBe(true);
  });

  it('ends with the store footer, and the sale number for the returns desk', () => {
    expect(receipt.footer).toEqual(['Cảm ơn quý khách!', 'Đổi trả trong 7 ngày']);
    expect(receipt.lookup).toMatchObject({ value: 'Q1-T03-000123', barcode: true, qrcode: false });
  });
});

describe('other counters, other receipts', () => {
  it('an English receipt for a split card and cash payment: change only from the cash, the drawer opens', () => {
    const sale = porkAndCoffeeSale([
      { method: 'card', amount: 50_000, reference: 'APPR 004211' },
      { method: 'cash', amount: 50_000 },
    ]);
    const receipt = buildReceipt(sale, { ...hoaSenStore, locale: 'en' });
    expect(receipt.title).toBe('SALES RECEIPT');
    expect(pairs(receipt.payment.tenders)).toEqual(['Card (ref APPR 004211): ₫50,000', 'Cash: ₫50,000']);
    expect(receipt.payment.change && pairs([receipt.payment.change])).toEqual(['Change: ₫10,000']);
    expect(receipt.items[0]?.detail).toBe('0.375 kg x ₫120,000/kg');
  });

  it('a bank transfer pays exactly: no change row and the drawer stays shut', () => {
    const receipt = buildReceipt(porkAndCoffeeSale([{ method: 'bank_qr', amount: 90_000 }]), hoaSenStore);
    expect(receipt.payment.change).toBeUndefined();
    expect(receipt.opensCashDrawer).toBe(false);
  });

  it('a card number typed into a reference by mistake is never printed in full', () => {
    const receipt = buildReceipt(porkAndCoffeeSale([{ method: 'card', amount: 90_000, reference: '4111 1111 1111 1111' }]), hoaSenStore);
    expect(receipt.payment.tenders[0]?.label).toBe('Thẻ (mã ****1111)');
  });

  it('a store rounding cash shows the rounding, and the change is counted from the rounded amount', () => {
    const sale: ReceiptSale = { ...porkAndCoffeeSale([{ method: 'cash', amount: 100_000 }]), totals: { subtotal: 95_200, discount: 5_000, tax: 5_476, total: 90_200, cashRounding: 300 }, change: 9_500 };
    const receipt = buildReceipt(sale, hoaSenStore);
    expect(pairs(receipt.totals)).toContain('Làm tròn tiền mặt: 300 ₫');
    expect(receipt.payment.change && nbsp(receipt.payment.change.value)).toBe('9.500 ₫');
  });

  it('prices without VAT show the VAT added to the bill', () => {
    const sale = porkAndCoffeeSale();
    const exclusive: ReceiptSale = {
      ...sale,
      lines: sale.lines.map((line) => ({ ...line, priceIncludesTax: false })),
      totals: { subtotal: 95_000, discount: 5_000, tax: 5_850, total: 95_850 },
      tenders: [{ method: 'cash', amount: 100_000 }],
      change: 4_150,
    };
    const receipt = buildReceipt(exclusive, hoaSenStore);
    expect(pairs(receipt.totals)).toContain('Thuế GTGT: 5.850 ₫');
    expect(receipt.taxSummary.rows).toEqual([['5%', '45.000', '2.250'], ['8%', '45.000', '3.600']]);
    expect(receipt.payment.change && nbsp(receipt.payment.change.value)).toBe('4.150 ₫');
  });

  it('a return is titled as one, refunds in negative amounts and hands back no change', () => {
    const sale = porkAndCoffeeSale();
    const returned: ReceiptSale = {
      ...sale,
      kind: 'return',
      lines: [{ ...sale.lines[0]!, qty: -375, total: -45_000 }],
      tenders: [{ method: 'cash', amount: -45_000 }],
      totals: { subtotal: -45_000, discount: 0, tax: -2_143, total: -45_000 },
      change: 0,
    };
    const receipt = buildReceipt(returned, { ...hoaSenStore, lookupCode: 'both', reprint: true });
    expect(receipt.title).toBe('PHIẾU TRẢ HÀNG');
    expect(receipt.reprintMark).toBe('IN LẠI');
    expect(nbsp(receipt.items[0]?.detail ?? '')).toBe('-0,375 kg x 120.000 ₫/kg');
    expect(pairs(receipt.totals)).toContain('TỔNG HOÀN TRẢ: -45.000 ₫');
    expect(receipt.payment.title).toBe('Hoàn tiền');
    expect(receipt.payment.change).toBeUndefined();
    expect(receipt.lookup).toMatchObject({ barcode: true, qrcode: true });
  });

  it('a cancelled sale prints as a cancellation naming the receipt it cancels, and its cash refund opens the drawer', () => {
    const sale = porkAndCoffeeSale();
    const cancellation: ReceiptSale = {
      ...sale,
      kind: 'return',
      reason: 'void',
      originalNumber: sale.number,
      number: `${sale.number}-V`,
      lines: sale.lines.map((line) => ({ ...line, qty: -line.qty, total: -line.total })),
      tenders: [{ method: 'cash', amount: -sale.totals.total }],
      totals: { subtotal: -sale.totals.subtotal, discount: -sale.totals.discount, tax: -sale.totals.tax, total: -sale.totals.total },
      change: 0,
    };
    const receipt = buildReceipt(cancellation, hoaSenStore);
    expect(receipt.title).toBe('PHIẾU HỦY HÓA ĐƠN');
    expect(pairs(receipt.facts)).toContain(`Hủy HĐ số: ${sale.number}`);
    expect(receipt.payment.change).toBeUndefined();
    expect(receipt.opensCashDrawer).toBe(true);
    expect(buildReceipt(cancellation, { ...hoaSenStore, locale: 'en' }).title).toBe('SALE CANCELLED');
  });

  it('a return of part of a sale prints as a return naming the receipt it comes from, not as a cancellation', () => {
    const sale = porkAndCoffeeSale();
    const first = sale.lines[0]!;
    const partial: ReceiptSale = {
      ...sale,
      kind: 'return',
      reason: 'return',
      originalNumber: sale.number,
      number: `${sale.number}-R`,
      lines: [{ ...first, qty: -first.qty, total: -first.total }],
      tenders: [{ method: 'store_credit', amount: -first.total }],
      totals: { subtotal: -first.total, discount: 0, tax: 0, total: -first.total },
      change: 0,
    };
    const receipt = buildReceipt(partial, hoaSenStore);
    expect(receipt.title).toBe('PHIẾU TRẢ HÀNG');
    expect(pairs(receipt.facts)).toContain(`Trả hàng từ HĐ số: ${sale.number}`);
    expect(pairs(receipt.facts).some((fact) => fact.startsWith('Hủy HĐ số'))).toBe(false);
    expect(receipt.opensCashDrawer).toBe(false);
    expect(pairs(buildReceipt(partial, { ...hoaSenStore, locale: 'en' }).facts)).toContain(`Return of receipt: ${sale.number}`);
  });

  it('prints the change and the VAT added as the sale document says them, not as a second reckoning', () => {
    const sale = porkAndCoffeeSale([{ method: 'cash', amount: 100_000 }]);
    const exclusive: ReceiptSale = {
      ...sale,
      lines: sale.lines.map((line) => ({ ...line, priceIncludesTax: false })),
      totals: { subtotal: 95_000, discount: 5_000, tax: 5_850, total: 95_850 },
      change: 4_150,
    };
    expect(pairs(buildReceipt(exclusive, hoaSenStore).totals)).toContain('Thuế GTGT: 5.850 ₫');
    // A document that says nothing was handed back prints no change, whatever its tenders add up to.
    expect(buildReceipt({ ...exclusive, change: 0 }, hoaSenStore).payment.change).toBeUndefined();
  });

  it('a store in another time zone prints its own clock', () => {
    const receipt = buildReceipt(porkAndCoffeeSale(), { ...hoaSenStore, timeZone: 'Europe/Paris' });
    expect(receipt.facts[1]?.value).toBe('15/03/2025 08:05');
  });

  it('a store with no footer text thanks the customer', () => {
    const receipt = buildReceipt(porkAndCoffeeSale(), { ...hoaSenStore, receiptTexts: {} });
    expect(receipt.footer).toEqual(['Cảm ơn quý khách. Hẹn gặp lại!']);
  });

  it('a store whose header repeats its name, address, tax code and phone prints them once; its own header words stay', () => {
    const store = hoaSenStore.store;
    const receipt = buildReceipt(porkAndCoffeeSale(), {
      ...hoaSenStore,
      // As the demo store's config writes it: the name in capitals, the address, then "MST: … · ĐT: …".
      receiptTexts: { ...hoaSenStore.receiptTexts, header: `${store.name.toUpperCase()}\n${store.address}\nMST: ${store.taxCode} · ĐT: ${store.phone}\nKhai trương: giảm 10% cả tuần` },
    });
    expect(receipt.headerText).toEqual(['Khai trương: giảm 10% cả tuần']);
    expect(receipt.store).toEqual({ name: 'Cửa hàng Hoa Sen', lines: ['12 Lê Lợi, Quận 1, TP. Hồ Chí Minh', 'ĐT: 028 3823 4567', 'MST: 0301234567'] });
  });

  it('an English receipt prints the English fixed texts, not the store\'s Vietnamese footer', () => {
    const receipt = buildReceipt(porkAndCoffeeSale(), { ...hoaSenStore, locale: 'en' });
    expect(receipt.footer).toEqual(['Thank you for shopping with us!']);
    expect(receipt.store.lines).toEqual(['12 Lê Lợi, Quận 1, TP. Hồ Chí Minh', 'Tel: 028 3823 4567', 'Tax code: 0301234567']);
  });

  it('a store that words its footer in both languages gets each on its receipts', () => {
    const receiptTexts = { footer: { vi: 'Cảm ơn quý khách!\nĐổi trả trong 7 ngày', en: 'Thank you!\nReturns within 7 days' } };
    expect(buildReceipt(porkAndCoffeeSale(), { ...hoaSenStore, receiptTexts, locale: 'en' }).footer).toEqual(['Thank you!', 'Returns within 7 days']);
    expect(buildReceipt(porkAndCoffeeSale(), { ...hoaSenStore, receiptTexts }).footer).toEqual(['Cảm ơn quý khách!', 'Đổi trả trong 7 ngày']);
    // A store writing in English: its plain footer is English, and a Vietnamese receipt thanks in Vietnamese.
    const english = { ...hoaSenStore, storeLocale: 'en' as const, receiptTexts: { footer: 'Thanks, see you soon' } };
    expect(buildReceipt(porkAndCoffeeSale(), { ...english, locale: 'en' }).footer).toEqual(['Thanks, see you soon']);
    expect(buildReceipt(porkAndCoffeeSale(), english).footer).toEqual(['Cảm ơn quý khách. Hẹn gặp lại!']);
  });
});

describe('a member buying: the points on the receipt', () => {
  const withPoints = (delta: number, reason = 'earn'): ReceiptSale => ({
    ...porkAndCoffeeSale(),
    customerId: 'cust-ha',
    ledger: [
      { id: 'l1', kind: 'stock', refId: 'p-pork', delta: -375, reason: 'sale' },
      { id: 'l2', kind: 'points', refId: 'cust-ha', delta, reason },
    ],
  });

  it('prints the points this sale earned and the balance the till knows', () => {
    const receipt = buildReceipt(withPoints(9), { ...hoaSenStore, pointsBalance: 1_209 });
    expect(receipt.loyalty).toEqual([
      { label: 'Điểm tích lũy', value: '9' },
      { label: 'Số dư điểm', value: '1.209' },
    ]);
  });

  it('says points taken back on a return, in English too, and prints no balance it does not know', () => {
    const receipt = buildReceipt({ ...withPoints(-9, 'clawback'), kind: 'return' }, { ...hoaSenStore, locale: 'en' });
    expect(receipt.loyalty).toEqual([{ label: 'Points taken back', value: '9' }]);
  });

  it('leaves the points out for a sale without a customer, and does not count points spent as earned', () => {
    expect(buildReceipt(porkAndCoffeeSale(), { ...hoaSenStore, pointsBalance: 50 }).loyalty).toEqual([]);
    const spent: ReceiptSale = { ...withPoints(9), ledger: [{ id: 'l3', kind: 'points', refId: 'cust-ha', delta: -100, reason: 'redeem' }] };
    expect(buildReceipt(spent, hoaSenStore).loyalty).toEqual([]);
  });
});

describe('a gift card loaded or spent: its number and what it holds on the receipt', () => {
  const productIds = new Set([GIFT_CARD_PRODUCT]);
  const paidByCard = porkAndCoffeeSale([{ method: 'gift_card', amount: 90_000, reference: GIFT_CARD }]);
  const confirmedAt = '2025-03-15T06:00:00.000Z';

  it('masks the card number but for its last 4 digits', () => {
    expect(maskGiftCardNumber(GIFT_CARD)).toBe('****9637');
    expect(maskGiftCardNumber('7185 2963 0741 8529 637')).toBe('****9637');
  });

  it('a card sold here and not synced yet: its balance says it is pending, under the line that loads it', () => {
    const receipt = buildReceipt(giftCardLoadSale(500_000), {
      ...hoaSenStore,
      giftCardProductIds: productIds,
      giftCardStandings: { [GIFT_CARD]: giftCardStanding(null, [500_000]) },
    });
    expect(pairs(receipt.items[0]?.giftCard ?? [])).toEqual(['Số thẻ: ****9637', 'Số dư chờ xác nhận: 500.000 ₫']);
    // The card's full number is nowhere on the receipt.
    expect(JSON.stringify(receipt)).not.toContain(GIFT_CARD.slice(0, 8));
  });

  it('a reload counts the confirmed balance and the load, still pending, in English too', () => {
    const receipt = buildReceipt(giftCardLoadSale(300_000), {
      ...hoaSenStore,
      locale: 'en',
      giftCardProductIds: productIds,
      giftCardStandings: { [GIFT_CARD]: giftCardStanding({ value: 200_000, updatedAt: confirmedAt }, [300_000]) },
    });
    expect(pairs(receipt.items[0]?.giftCard ?? [])).toEqual(['Card no.: ****9637', 'Balance (pending): ₫500,000']);
  });

  it('a card spent: the confirmed balance less what was spent, under the gift-card tender', () => {
    const receipt = buildReceipt(paidByCard, { ...hoaSenStore, giftCardStandings: { [GIFT_CARD]: giftCardStanding({ value: 500_000, updatedAt: confirmedAt }, [-90_000]) } });
    expect(pairs(receipt.payment.tenders)).toEqual(['Thẻ quà tặng: 90.000 ₫']);
    expect(pairs(receipt.payment.tenders[0]?.giftCard ?? [])).toEqual(['Số thẻ: ****9637', 'Số dư thẻ: 410.000 ₫']);
  });

  it('a card spent after an unconfirmed load on this till is still pending', () => {
    const receipt = buildReceipt(paidByCard, { ...hoaSenStore, giftCardStandings: { [GIFT_CARD]: giftCardStanding(null, [500_000, -90_000]) } });
    expect(pairs(receipt.payment.tenders[0]?.giftCard ?? [])).toEqual(['Số thẻ: ****9637', 'Số dư chờ xác nhận: 410.000 ₫']);
  });

  it('prints the masked number alone when the till cannot know the balance: a reprint, or no confirmed figure and no load here', () => {
    expect(pairs(buildReceipt(paidByCard, { ...hoaSenStore, reprint: true }).payment.tenders[0]?.giftCard ?? [])).toEqual(['Số thẻ: ****9637']);
    const unknown = buildReceipt(paidByCard, { ...hoaSenStore, giftCardStandings: { [GIFT_CARD]: giftCardStanding(null, [-90_000]) } });
    expect(pairs(unknown.payment.tenders[0]?.giftCard ?? [])).toEqual(['Số thẻ: ****9637']);
    const overdrawn = buildReceipt(paidByCard, { ...hoaSenStore, giftCardStandings: { [GIFT_CARD]: giftCardStanding({ value: 50_000, updatedAt: confirmedAt }, [-90_000]) } });
    expect(pairs(overdrawn.payment.tenders[0]?.giftCard ?? [])).toEqual(['Số thẻ: ****9637']);
  });

  it('prints nothing of a card under a line that is not one of the store’s gift-card products, or that returns one', () => {
    const standings = { [GIFT_CARD]: giftCardStanding(null, [500_000]) };
    expect(buildReceipt(giftCardLoadSale(500_000), { ...hoaSenStore, giftCardStandings: standings }).items[0]?.giftCard).toBeUndefined();
    const sale = giftCardLoadSale(500_000);
    const returned: ReceiptSale = { ...sale, kind: 'return', lines: sale.lines.map((line) => ({ ...line, qty: -line.qty, total: -line.total })) };
    expect(buildReceipt(returned, { ...hoaSenStore, giftCardProductIds: productIds, giftCardStandings: standings }).items[0]?.giftCard).toBeUndefined();
    expect(buildReceipt(porkAndCoffeeSale(), hoaSenStore).payment.tenders[0]?.giftCard).toBeUndefined();
  });

  it('names each card a sale loads or pays with once, for the caller to read its standing', () => {
    const both: ReceiptSale = { ...giftCardLoadSale(500_000), tenders: [{ method: 'gift_card', amount: 500_000, reference: GIFT_CARD }, { method: 'cash', amount: 0 }] };
    expect(giftCardsOnReceipt(both, productIds)).toEqual([GIFT_CARD]);
    expect(giftCardsOnReceipt(giftCardLoadSale(500_000), new Set())).toEqual([]);
  });

  it('never prints as the card’s plain balance more than the server confirmed: anything loaded here reads as pending', () => {
    const amount = fc.integer({ min: 1, max: 50_000_000 });
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: null }), fc.array(fc.oneof(amount, amount.map((value) => -value)), { maxLength: 6 }), (confirmed, deltas) => {
        const standing = giftCardStanding(confirmed === null ? null : { value: confirmed, updatedAt: confirmedAt }, deltas);
        const rows = buildReceipt(paidByCard, { ...hoaSenStore, giftCardStandings: { [GIFT_CARD]: standing } }).payment.tenders[0]?.giftCard ?? [];
        const balance = rows[1];
        if (balance === undefined) return;
        const printed = Number(balance.value.replace(/\D/g, ''));
        expect(printed).toBe(standing.onThisTablet);
        if (balance.label === 'Số dư thẻ') expect(printed).toBeLessThanOrEqual(confirmed ?? 0);
        else expect(standing.loadedHere).toBeGreaterThan(0);
      }),
    );
  });
});
