// The camera's barcode reader (the ZXing wasm polyfill) in real Chromium, on pictures made here: an EAN-13
// drawn bar by bar from its bit pattern, a receipt's QR code, a GS1 DataMatrix label. Only the camera is
// missing; the decoder, its wasm and the way the wasm is served are the real ones.
import { describe, expect, it } from 'vitest';
import { ZXING_WASM_SHA256 } from 'barcode-detector/ponyfill';
import { prepareZXingModule as prepareWriter, writeBarcode } from 'zxing-wasm/writer';
import type { WriterOptions } from 'zxing-wasm/writer';
import zxingWriterWasmUrl from 'zxing-wasm/writer/zxing_writer.wasm?url';
import { parseBarcode } from '../../domain/barcode.ts';
import { createBarcodeReader } from './barcode-reader.ts';
import { drawEan13, ean13Modules } from './barcode-test-images.ts';
import { zxingReaderWasmUrl } from './zxing-barcode-reader.ts';

// The writer only makes test pictures; it too must load its wasm from here, not from a CDN.
prepareWriter({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? zxingWriterWasmUrl : prefix + path) } });

function canvasOf(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

async function pictureOf(text: string, options: WriterOptions): Promise<Blob> {
  const written = await writeBarcode(text, { scale: 4, ...options });
  if (written.image === null) throw new Error(`the test writer could not draw ${text}: ${written.error}`);
  return written.image;
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('reading barcodes from camera pictures with the built-in reader', () => {
  it('draws EAN-13 from the standard tables (the test picture itself is right)', () => {
    // The worked example of GS1's general specifications, first digit 4 -> parity ABAABB.
    const modules = ean13Modules('4006381333931');
    expect(modules).toHaveLength(95);
    expect(modules.slice(0, 10)).toBe('1010001101');
    expect(modules.slice(45, 50)).toBe('01010');
    expect(modules.endsWith('101')).toBe(true);
  });

  it('reads a Vietnamese product (893 prefix) from a crooked, slightly blurred picture', async () => {
    const reader = await createBarcodeReader({ preferPolyfill: true });
    const canvas = canvasOf(640, 360);
    drawEan13(canvas, '8934588012228', { rotate: 4, blur: 0.6 });
    const codes = await reader.detect(canvas);
    expect(codes.map(({ rawValue, format }) => ({ rawValue, format }))).toEqual([{ rawValue: '8934588012228', format: 'ean_13' }]);
    expect(parseBarcode(codes[0]?.rawValue ?? '')).toMatchObject({ ok: true, kind: 'ean13', gtin: '08934588012228' });
  });

  it('reads nothing from a picture with no barcode', async () => {
    const reader = await createBarcodeReader({ preferPolyfill: true });
    const canvas = canvasOf(320, 240);
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('no 2D canvas');
    ctx.fillStyle = '#777';
    ctx.fillRect(0, 0, 320, 240);
    expect(await reader.detect(canvas)).toEqual([]);
  });

  it('reads the sale number from a receipt QR code', async () => {
    const reader = await createBarcodeReader({ preferPolyfill: true });
    const codes = await reader.detect(await pictureOf('S001-Q02-000123', { format: 'QRCode' }));
    expect(codes.map(({ rawValue, format }) => ({ rawValue, format }))).toEqual([{ rawValue: 'S001-Q02-000123', format: 'qr_code' }]);
  });

  it('reads a GS1 DataMatrix label into element strings the barcode parser understands', async () => {
    const reader = await createBarcodeReader({ preferPolyfill: true });
    const codes = await reader.detect(await pictureOf('(01)08934588012228(17)261231(10)LOT7', { format: 'DataMatrix', options: 'gs1' }));
    expect(codes.map((c) => c.format)).toEqual(['data_matrix']);
    const parsed = parseBarcode(codes[0]?.rawValue ?? '');
    expect(parsed).toMatchObject({ ok: true, kind: 'gs1', gtin: '08934588012228', ais: { '01': '08934588012228', '17': '261231', '10': 'LOT7' } });
  });

  it('loads its wasm from this origin, the very file the reader was built for, and never from a CDN', async () => {
    await createBarcodeReader({ preferPolyfill: true });
    const wasmUrl = new URL(zxingReaderWasmUrl, location.href);
    expect(wasmUrl.origin).toBe(location.origin);
    const response = await fetch(wasmUrl);
    expect(response.ok).toBe(true);
    expect(await sha256Hex(await response.arrayBuffer())).toBe(ZXING_WASM_SHA256);
    const requested = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(requested.filter((name) => name.includes('zxing_reader'))).not.toEqual([]);
    expect(requested.filter((name) => new URL(name).origin !== location.origin)).toEqual([]);
  });
});
