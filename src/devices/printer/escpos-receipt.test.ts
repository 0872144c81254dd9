/*
 * Receipts as the printer receives them: the bytes are decoded (escpos-decode.test-helper.ts) and the
 * tests check what a customer would read on the paper, on printers with each way of printing Vietnamese.
 */
import { describe, expect, it } from 'vitest';
import { buildReceipt } from './receipt-model.ts';
import type { ReceiptContext, ReceiptSale } from './receipt-model.ts';
import { encodeReceipt } from './escpos-receipt.ts';
import type { ImageRow, RenderTextImage } from './escpos-receipt.ts';
import { resolvePrinterProfile } from './printer-profile.ts';
import type { PrinterSettings } from './printer-profile.ts';
import { codepageNumbers, decodeEscPos, readPaper } from './escpos-decode.test-helper.ts';
import type { DecodedPrint } from './escpos-decode.test-helper.ts';
import { CODEPAGES_BY_MODE } from './vietnamese-text.ts';
import { GIFT_CARD, GIFT_CARD_PRODUCT, giftCardLoadSale, hoaSenStore, porkAndCoffeeSale } from './receipt-fixtures.test-helper.ts';
import { giftCardStanding } from '../../domain/gift-card-standing.ts';

/** A stand-in for the canvas renderer: remembers what it was asked to draw, returns a black band per row. */
function recordingRenderer(): { render: RenderTextImage; drawn: ImageRow[][] } {
  const drawn: ImageRow[][] = [];
  const render: RenderTextImage = (rows, widthDots) => {
    drawn.push([...rows]);
    const height = rows.length * 24;
    const data = new Uint8ClampedArray(widthDots * height * 4).fill(255);
    for (let pixel = 0; pixel < widthDots * 8; pixel += 1) data.fill(0, pixel * 4, pixel * 4 + 3);
    return { width: widthDots, height, data };
  };
  return { render, drawn };
}

function print(sale: ReceiptSale, settings: PrinterSettings, context: Partial<ReceiptContext> = {}) {
  const profile = resolvePrinterProfile(settings);
  const renderer = recordingRenderer();
  const receipt = buildReceipt(sale, { ...hoaSenStore, width: settings.paperWidth, ...context });
  const bytes = encodeReceipt(receipt, { profile, renderTextImage: renderer.render });
  const decoded = decodeEscPos(bytes, codepageNumbers(profile.encoderOptions, CODEPAGES_BY_MODE[profile.vietnamese]));
  return { profile, decoded, drawn: renderer.drawn };
}

/**
 * What a customer reads, images read as the rows drawn into them: decoded text in NFC (windows-1258 sends tone marks as their own bytes), with
 * TCVN3's capital Đ, which the code page tables file under the look-alike U+00D0, read as Đ.
 */
function reading(decoded: DecodedPrint, drawn: readonly ImageRow[][] = []): string[] {
  const images = [...drawn];
  return readPaper(decoded).flatMap((row) => {
    if (row !== '[image]') return [row.normalize('NFC').replace(/\u00d0/g, 'Đ')];
    return (images.shift() ?? []).map((image) => image.text.trimEnd());
  });
}

const collapse = (rows: readonly string[]): string[] => rows.map((row) => row.replace(/\s+/gu, ' ').trim()).filter((row) => row !== '');

describe('a customer buying 0,375 kg of pork and two coffees, paying 100.000 ₫ cash', () => {
  describe('on an Epson TM-T20III (80 mm, TCVN3 code page)', () => {
    const { decoded, drawn } = print(porkAndCoffeeSale(), { paperWidth: 80, printerModel: 'epson-tm-t20iii' });
    const paper = reading(decoded);

    it('prints every Vietnamese word as text in TCVN3, accents intact, no images and no "?"', () => {
      expect(drawn).toEqual([]);
      expect(decoded.commands).toContain('codepage 30');
      expect(paper.join('\n')).not.toContain('?');
      expect(paper).toContain('Thịt lợn ba chỉ');
      expect(paper).toContain('Cà phê sữa đá');
      expect(paper.some((row) => row.trim() === 'Cửa hàng Hoa Sen')).toBe(true);
      expect(paper.some((row) => row.trim() === 'HÓA ĐƠN BÁN HÀNG')).toBe(true);
    });

    it('shows the weight, the unit price per kg and the line amount on one row of 48 characters', () => {
      const weightRow = paper.find((row) => row.includes('0,375 kg'));
      expect(weightRow).toMatch(/^ {2}0,375 kg x 120\.000 đ\/kg +45\.000$/);
      expect(weightRow).toHaveLength(48);
    });

    it('shows the coffee discount, the totals, the VAT per rate, the cash and the change', () => {
      expect(paper).toContainEqual(expect.stringMatching(/^ {2}2 x 25\.000 đ +50\.000$/));
      expect(paper).toContainEqual(expect.stringMatching(/^ {2}Giảm giá +-5\.000$/));
      expect(paper).toContainEqual(expect.stringMatching(/^TỔNG CỘNG +90\.000 đ$/));
      expect(paper).toContainEqual(expect.stringMatching(/^5% +42\.857 +2\.143$/));
      expect(paper).toContainEqual(expect.stringMatching(/^8% +41\.667 +3\.333$/));
      expect(paper).toContainEqual(expect.stringMatching(/^Tiền mặt +100\.000 đ$/));
      expect(paper).toContainEqual(expect.stringMatching(/^Tiền thừa trả khách +10\.000 đ$/));
    });

    it('prints the total and the change bold and tall, so the cashier reads them at a glance', () => {
      const total = decoded.paper.find((item) => item.kind === 'text' && item.text.normalize('NFC').startsWith('TỔNG CỘNG'));
      expect(total).toMatchObject({ bold: true, tall: true });
    });

    it('prints the sale time on the store clock in Vietnam', () => {
      expect(paper).toContainEqual(expect.stringMatching(/^Ngày +15\/03\/2025 14:05$/));
    });

    it('carries the sale number as a CODE128 barcode the returns desk can scan, and as text', () => {
      const barcodes = decoded.paper.filter((item) => item.kind === 'barcode');
      expect(barcodes).toEqual([{ kind: 'barcode', symbology: 0x49, data: 'Q1-T03-000123' }]);
      expect(paper.some((row) => row.trim() === 'Q1-T03-000123')).toBe(true);
    });

    it('opens the cash drawer before printing and cuts the paper at the end', () => {
      expect(decoded.commands.slice(0, 2)).toEqual(['initialize', 'pulse']);
      expect(decoded.pulses).toEqual([{ pin: 0, onMs: 100, offMs: 500 }]);
      expect(decoded.commands.at(-1)).toBe('cut');
    });

    it('keeps every text row within the 48 characters of the paper', () => {
      for (const row of paper) expect(row.length).toBeLessThanOrEqual(48);
    });
  });

  describe('on a POS-5890 (58 mm, windows-1258 code page)', () => {
    const { decoded, drawn } = print(porkAndCoffeeSale(), { paperWidth: 58, printerModel: 'pos-5890' });
    const paper = reading(decoded);

    it('prints Vietnamese as text in windows-1258: tone marks travel as their own bytes and read back intact', () => {
      expect(drawn).toEqual([]);
      expect(paper).toContain('Thịt lợn ba chỉ');
      expect(paper).toContain('Cà phê sữa đá');
      expect(paper).toContainEqual(expect.stringMatching(/^Tiền thừa trả khách +10\.000 ₫$/));
      expect(paper.join('\n')).not.toContain('?');
    });

    it('never sends a row longer than 32 bytes, counting each tone mark as a cell', () => {
      for (const item of decoded.paper) if (item.kind === 'text') expect(item.text.length).toBeLessThanOrEqual(32);
    });

    it('still shows the weight line', () => {
      expect(paper).toContainEqual(expect.stringMatching(/^ {2}0,375 kg x 120\.000 ₫\/kg 45\.000$/));
    });
  });

  describe('on a SUNMI P2 SE (58 mm, no Vietnamese code page)', () => {
    const { profile, decoded, drawn } = print(porkAndCoffeeSale(), { paperWidth: 58, printerModel: 'sunmi-p2se' });

    it('prints every row with Vietnamese letters as an image of the paper width where the text would be', () => {
      const images = decoded.paper.filter((item) => item.kind === 'image');
      expect(images.length).toBeGreaterThan(0);
      for (const image of images) {
        expect(image).toMatchObject({ width: profile.rasterWidthDots, command: 'GS v 0' });
        expect(image.kind === 'image' && image.blackDots).toBeGreaterThan(0);
      }
      const drawnText = drawn.flat().map((row) => row.text.trim());
      expect(drawnText).toContain('Thịt lợn ba chỉ');
      expect(drawnText).toContain('Cà phê sữa đá');
      expect(drawnText).toContainEqual(expect.stringMatching(/^Tiền thừa trả khách\s+10\.000\s₫$/));
    });

    it('sends no byte of Vietnamese as text, so nothing prints as "?"', () => {
      for (const item of decoded.paper) {
        if (item.kind !== 'text') continue;
        expect(item.text).toMatch(/^[\x20-\x7e]*$/);
        expect(item.text).not.toContain('?');
      }
    });

    it('reads the same as a 58 mm TCVN3 printer once the images are read (TCVN3 writes ₫ as đ)', () => {
      const tcvn3 = print(porkAndCoffeeSale(), { paperWidth: 58, printerModel: 'epson-tm-p20ii' });
      const dongAsD = (rows: string[]): string[] => rows.map((row) => row.replace(/₫/g, 'đ'));
      expect(dongAsD(collapse(reading(decoded, drawn)))).toEqual(collapse(reading(tcvn3.decoded)));
    });
  });
});

describe('how the sale number is printed for returns', () => {
  it('a card payment prints no drawer pulse: the drawer stays shut', () => {
    const { decoded } = print(porkAndCoffeeSale([{ method: 'card', amount: 90_000, reference: 'APPR 004211' }]), { paperWidth: 80, printerModel: 'epson-tm-t20iii' });
    expect(decoded.commands).not.toContain('pulse');
    expect(reading(decoded)).toContainEqual(expect.stringMatching(/^Thẻ \(mã APPR 004211\) +90\.000 đ$/));
    expect(decoded.commands.at(-1)).toBe('cut');
  });

  it('a store asking for QR codes gets a QR whose payload is the sale number', () => {
    const { decoded } = print(porkAndCoffeeSale(), { paperWidth: 80, printerModel: 'epson-tm-t20iii' }, { lookupCode: 'qr' });
    expect(decoded.paper.filter((item) => item.kind === 'qrcode')).toEqual([{ kind: 'qrcode', data: 'Q1-T03-000123' }]);
    expect(decoded.paper.some((item) => item.kind === 'barcode')).toBe(false);
  });

  it('a sale number too long for a barcode on 58 mm paper is printed as a QR code instead', () => {
    const sale = { ...porkAndCoffeeSale(), number: 'STORE123-TILL0042-0000001234' };
    const { decoded } = print(sale, { paperWidth: 58, printerModel: 'pos-5890' });
    expect(decoded.paper.filter((item) => item.kind === 'qrcode')).toEqual([{ kind: 'qrcode', data: sale.number }]);
    expect(decoded.paper.some((item) => item.kind === 'barcode')).toBe(false);
  });
});

describe('a printer without a Vietnamese code page and no image renderer', () => {
  it('refuses to print rather than print "?" for accents', () => {
    const profile = resolvePrinterProfile({ paperWidth: 58, printerModel: 'sunmi-p2se' });
    const receipt = buildReceipt(porkAndCoffeeSale(), { ...hoaSenStore, width: 58 });
    expect(() => encodeReceipt(receipt, { profile })).toThrow(/no text-to-image renderer/);
  });
});

describe('the store header on paper', () => {
  it('prints the name, address, phone and tax code once, though the store\'s header text repeats them', () => {
    const store = hoaSenStore.store;
    const header = `${store.name.toUpperCase()}\n${store.address}\nMST: ${store.taxCode} · ĐT: ${store.phone}`;
    const { decoded } = print(porkAndCoffeeSale(), { paperWidth: 80, printerModel: 'epson-tm-t20iii' }, { receiptTexts: { ...hoaSenStore.receiptTexts, header } });
    const paper = collapse(reading(decoded)).join('\n');
    const times = (text: string) => paper.split(text).length - 1;
    expect(times('0301234567')).toBe(1);
    expect(times('028 3823 4567')).toBe(1);
    expect(times('12 Lê Lợi')).toBe(1);
    expect(times('Cửa hàng Hoa Sen'.toUpperCase()) + times('Cửa hàng Hoa Sen')).toBe(1);
  });

  it('an English receipt of a Vietnamese store has its fixed texts in English on paper', () => {
    const { decoded } = print(porkAndCoffeeSale(), { paperWidth: 80, printerModel: 'epson-tm-t20iii' }, { locale: 'en' });
    const paper = collapse(reading(decoded)).join('\n');
    expect(paper).toContain('Thank you for shopping with us!');
    expect(paper).not.toContain('Cảm ơn quý khách');
    expect(paper).toContain('Tax code: 0301234567');
  });
});

describe('a member’s receipt on paper', () => {
  it('prints the points earned and the balance after the payment, in Vietnamese on the TCVN3 code page', () => {
    const sale: ReceiptSale = { ...porkAndCoffeeSale(), customerId: 'cust-ha', ledger: [{ id: 'l2', kind: 'points', refId: 'cust-ha', delta: 9, reason: 'earn' }] };
    const { decoded } = print(sale, { paperWidth: 80, printerModel: 'epson-tm-t20iii' }, { pointsBalance: 1_209 });
    const rows = collapse(reading(decoded));
    const change = rows.findIndex((row) => row.startsWith('Tiền thừa trả khách'));
    const earned = rows.findIndex((row) => row === 'Điểm tích lũy 9');
    expect(change).toBeGreaterThanOrEqual(0);
    expect(earned).toBeGreaterThan(change);
    expect(rows[earned + 1]).toBe('Số dư điểm 1.209');
  });
});

describe('a gift card on paper: its masked number and what it holds after the sale', () => {
  const productIds = new Set([GIFT_CARD_PRODUCT]);

  it('a card sold for 500.000 ₫ on a 58 mm POS-5890, in Vietnamese: the balance is pending under the line, within 32 cells (its tone marks are cells: the amount wraps)', () => {
    const { decoded, drawn } = print(giftCardLoadSale(500_000), { paperWidth: 58, printerModel: 'pos-5890' }, {
      giftCardProductIds: productIds,
      giftCardStandings: { [GIFT_CARD]: giftCardStanding(null, [500_000]) },
    });
    expect(drawn).toEqual([]);
    const paper = reading(decoded);
    const line = paper.findIndex((row) => row === 'Thẻ quà tặng');
    expect(paper.slice(line + 1, line + 5)).toEqual([
      expect.stringMatching(/^ {2}1 x 500\.000 ₫ +500\.000$/),
      expect.stringMatching(/^ {2}Số thẻ +\*{4}9637$/),
      '  Số dư chờ xác nhận',
      expect.stringMatching(/^ +500\.000 ₫$/),
    ]);
    for (const item of decoded.paper) if (item.kind === 'text') expect(item.text.length).toBeLessThanOrEqual(32);
    expect(paper.join('\n')).not.toContain('7185');
  });

  it('a card spent for 90.000 ₫ on an 80 mm TM-T20III, in English: the confirmed balance less the spend, under the tender (TCVN3 prints ₫ as đ)', () => {
    const sale = porkAndCoffeeSale([{ method: 'gift_card', amount: 90_000, reference: GIFT_CARD }]);
    const { decoded } = print(sale, { paperWidth: 80, printerModel: 'epson-tm-t20iii' }, {
      locale: 'en',
      giftCardStandings: { [GIFT_CARD]: giftCardStanding({ value: 500_000, updatedAt: '2025-03-15T06:00:00.000Z' }, [-90_000]) },
    });
    const rows = collapse(reading(decoded));
    const tender = rows.findIndex((row) => row === 'Gift card đ90,000');
    expect(tender).toBeGreaterThan(0);
    expect(rows.slice(tender + 1, tender + 3)).toEqual(['Card no. ****9637', 'Card balance đ410,000']);
  });

  it('a card reloaded on an 80 mm printer in Vietnamese, and the same sale on 58 mm in English, both say pending', () => {
    const context = { giftCardProductIds: productIds, giftCardStandings: { [GIFT_CARD]: giftCardStanding({ value: 200_000, updatedAt: '2025-03-15T06:00:00.000Z' }, [300_000]) } };
    const vi = collapse(reading(print(giftCardLoadSale(300_000), { paperWidth: 80, printerModel: 'epson-tm-t20iii' }, context).decoded));
    expect(vi).toContain('Số thẻ ****9637');
    expect(vi).toContain('Số dư chờ xác nhận 500.000 đ');
    const en = print(giftCardLoadSale(300_000), { paperWidth: 58, printerModel: 'pos-5890' }, { ...context, locale: 'en' });
    expect(collapse(reading(en.decoded))).toContain('Balance (pending) ₫500,000');
    for (const item of en.decoded.paper) if (item.kind === 'text') expect(item.text.length).toBeLessThanOrEqual(32);
  });
});
