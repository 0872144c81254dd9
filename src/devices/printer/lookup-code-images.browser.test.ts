// The browser-printed receipt's barcode and QR code are real: each picture, taken from the receipt's HTML
// as the print dialog would show it, is read back by the camera scanner's own reader (ZXing wasm) and
// gives the sale number, the same payload the thermal receipt's CODE128 and QR carry.
import { describe, expect, it } from 'vitest';
import { createBarcodeReader } from '../scanner/barcode-reader.ts';
import { renderReceiptHtml } from './html-receipt.ts';
import { drawLookupCodes } from './lookup-code-images.ts';
import { buildReceipt } from './receipt-model.ts';
import { hoaSenStore, porkAndCoffeeSale } from './receipt-fixtures.test-helper.ts';

/** The picture as a printer would put it on paper: white paper, scaled up like a 203 dpi head. */
async function paperOf(src: string): Promise<HTMLCanvasElement> {
  const image = new Image();
  image.src = src;
  await image.decode();
  const scale = 3;
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth * scale;
  canvas.height = image.naturalHeight * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.imageSmoothingEnabled = false;
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

async function codesOnReceipt(html: string): Promise<{ kind: string | undefined; rawValue: string | undefined; format: string | undefined }[]> {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const reader = await createBarcodeReader({ preferPolyfill: true, formats: ['code_128', 'qr_code'] });
  const found = [];
  for (const image of document.querySelectorAll('img')) {
    const [code] = await reader.detect(await paperOf(image.getAttribute('src') ?? ''));
    found.push({ kind: image.dataset['code'], rawValue: code?.rawValue, format: code?.format });
  }
  return found;
}

describe('the sale number on a receipt printed through the browser', () => {
  it('the CODE128 barcode and the QR code both read back as the sale number', async () => {
    const receipt = buildReceipt(porkAndCoffeeSale(), { ...hoaSenStore, lookupCode: 'both' });
    const html = renderReceiptHtml(receipt, await drawLookupCodes(receipt.lookup));
    expect(await codesOnReceipt(html)).toEqual([
      { kind: 'barcode', rawValue: 'Q1-T03-000123', format: 'code_128' },
      { kind: 'qrcode', rawValue: 'Q1-T03-000123', format: 'qr_code' },
    ]);
  });

  it('a store that prints the barcode only gets the barcode, on a 58 mm roll too', async () => {
    const receipt = buildReceipt({ ...porkAndCoffeeSale(), number: 'HN2-T11-004567' }, { ...hoaSenStore, width: 58 });
    const codes = await drawLookupCodes(receipt.lookup);
    expect(codes.qrSvg).toBeUndefined();
    expect(await codesOnReceipt(renderReceiptHtml(receipt, codes))).toEqual([{ kind: 'barcode', rawValue: 'HN2-T11-004567', format: 'code_128' }]);
  });
});
