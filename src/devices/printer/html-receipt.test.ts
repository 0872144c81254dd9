/*
 * The browser-print receipt: the same words as the printed one, sized for the roll, and safe HTML.
 */
import { describe, expect, it } from 'vitest';
import { buildReceipt } from './receipt-model.ts';
import { escapeHtml, renderReceiptHtml } from './html-receipt.ts';
import { giftCardStanding } from '../../domain/gift-card-standing.ts';
import { GIFT_CARD, GIFT_CARD_PRODUCT, giftCardLoadSale, hoaSenStore, porkAndCoffeeSale } from './receipt-fixtures.test-helper.ts';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The receipt row by row as a customer reads it: table cells side by side, one row per line. */
function text(document: Document): string {
  return [...document.querySelectorAll('div, tr')]
    .map((row) => (row.tagName === 'TR' ? [...row.children].map((cell) => cell.textContent ?? '').join(' ') : (row.textContent ?? '')))
    .join('\n')
    .replace(/[^\S\n]+/gu, ' ');
}

describe('a receipt printed through the browser because no USB printer is paired', () => {
  const html = renderReceiptHtml(buildReceipt(porkAndCoffeeSale(), hoaSenStore));
  const document = parse(html);

  it('shows the store, the items with the weight, the totals, the VAT per rate, the cash and the change', () => {
    const content = text(document);
    expect(content).toContain('Cửa hàng Hoa Sen');
    expect(content).toContain('Thịt lợn ba chỉ');
    expect(content).toContain('0,375 kg x 120.000 ₫/kg');
    expect(content).toContain('Cà phê sữa đá');
    expect(content).toContain('TỔNG CỘNG 90.000 ₫');
    expect(content).toMatch(/5% 42\.857 2\.143/);
    expect(content).toMatch(/8% 41\.667 3\.333/);
    expect(content).toContain('Tiền mặt 100.000 ₫');
    expect(content).toContain('Tiền thừa trả khách 10.000 ₫');
    expect(content).toContain('Q1-T03-000123');
  });

  it('is a Vietnamese document sized for the 80 mm roll', () => {
    expect(document.documentElement.lang).toBe('vi');
    expect(html).toContain('@page { size: 80mm auto; margin: 0; }');
    expect(html).toContain('width: 72mm');
  });

  it('fits a 58 mm roll when the till has one', () => {
    const narrow = renderReceiptHtml(buildReceipt(porkAndCoffeeSale(), { ...hoaSenStore, width: 58 }));
    expect(narrow).toContain('@page { size: 58mm auto; margin: 0; }');
    expect(narrow).toContain('width: 48mm');
  });
});

describe('text typed by people is shown, never run', () => {
  it('a product named with HTML in it prints as those characters', () => {
    const sale = porkAndCoffeeSale();
    const hostile = { ...sale, lines: [{ ...sale.lines[0]!, name: '<img src=x onerror="alert(1)">Bánh & "kẹo"' }, sale.lines[1]!] };
    const document = parse(renderReceiptHtml(buildReceipt(hostile, { ...hoaSenStore, customerName: "O'Brien <b>" })));
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    expect(text(document)).toContain('<img src=x onerror="alert(1)">Bánh & "kẹo"');
    expect(text(document)).toContain("O'Brien <b>");
  });

  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('the sale number as pictures for the returns desk', () => {
  const receipt = buildReceipt(porkAndCoffeeSale(), { ...hoaSenStore, lookupCode: 'both' });

  it('shows the barcode and the QR code it is given as images that cannot run script, and the number as text', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="2" height="60"/></svg>';
    const document = parse(renderReceiptHtml(receipt, { barcodeSvg: svg, qrSvg: svg }));
    const images = [...document.querySelectorAll('img')];
    expect(images.map((image) => image.dataset['code'])).toEqual(['barcode', 'qrcode']);
    for (const image of images) {
      expect(image.getAttribute('src')).toBe(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      expect(image.alt).toBe('Q1-T03-000123');
    }
    expect(text(document)).toContain('Q1-T03-000123');
  });

  it('a receipt that asks for the barcode only shows no QR, and one drawn without pictures still has the number', () => {
    const barcodeOnly = buildReceipt(porkAndCoffeeSale(), hoaSenStore);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    expect([...parse(renderReceiptHtml(barcodeOnly, { barcodeSvg: svg, qrSvg: svg })).querySelectorAll('img')].map((image) => image.dataset['code'])).toEqual(['barcode']);
    const plain = parse(renderReceiptHtml(receipt));
    expect(plain.querySelector('img')).toBeNull();
    expect(text(plain)).toContain('Q1-T03-000123');
  });
});

describe('a gift card on a receipt printed through the browser', () => {
  it('shows the masked card and its balance under the line that loads it and under the tender that spends it, as the printer does', () => {
    const standings = { [GIFT_CARD]: giftCardStanding(null, [500_000]) };
    const load = text(parse(renderReceiptHtml(buildReceipt(giftCardLoadSale(500_000), { ...hoaSenStore, giftCardProductIds: new Set([GIFT_CARD_PRODUCT]), giftCardStandings: standings }))));
    expect(load).toMatch(/1 x 500\.000 ₫ 500\.000\nSố thẻ \*{4}9637\nSố dư chờ xác nhận 500\.000 ₫/u);
    const spent = porkAndCoffeeSale([{ method: 'gift_card', amount: 90_000, reference: GIFT_CARD }]);
    const spend = text(parse(renderReceiptHtml(buildReceipt(spent, { ...hoaSenStore, locale: 'en', giftCardStandings: { [GIFT_CARD]: giftCardStanding({ value: 500_000, updatedAt: '2025-03-15T06:00:00.000Z' }, [-90_000]) } }))));
    expect(spend).toMatch(/Gift card ₫90,000\nCard no\. \*{4}9637\nCard balance ₫410,000/u);
    expect(spend).not.toContain(GIFT_CARD.slice(0, 8));
  });
});
