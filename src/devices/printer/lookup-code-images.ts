/*
 * The sale number as pictures for the browser receipt: a CODE128 barcode (jsbarcode) and/or a QR code
 * (qrcode), the same symbologies and the same payload the thermal receipt prints (escpos-receipt.ts), so
 * the returns desk scans a browser-printed receipt like any other. Both libraries are loaded here by
 * dynamic import, and this module itself only when a receipt goes to the print dialog: they never weigh
 * on the app's first screen.
 *
 * Needs a DOM (jsbarcode draws into an <svg> element); the printer service runs in the browser.
 */
import type { LookupCodeImages } from './html-receipt.ts';
import type { Receipt } from './receipt-model.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** CODE128 wants a quiet zone of ten modules each side; bars are two units wide here. */
const MODULE_UNITS = 2;
const QUIET_ZONE_UNITS = 10 * MODULE_UNITS;

async function drawCode128(value: string): Promise<string> {
  const { default: JsBarcode } = await import('jsbarcode');
  const svg = document.createElementNS(SVG_NS, 'svg');
  let valid = true;
  JsBarcode(svg, value, {
    format: 'CODE128',
    width: MODULE_UNITS,
    height: 60,
    margin: QUIET_ZONE_UNITS,
    displayValue: false,
    background: '#ffffff',
    lineColor: '#000000',
    valid: (ok) => {
      valid = ok;
    },
  });
  if (!valid) throw new Error(`"${value}" cannot be written as CODE128`);
  // A viewBox lets the picture stretch to the roll's width; every bar stretches by the same factor.
  const width = svg.getAttribute('width')?.replace(/px$/, '') ?? '0';
  const height = svg.getAttribute('height')?.replace(/px$/, '') ?? '0';
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  return new XMLSerializer().serializeToString(svg);
}

async function drawQr(value: string): Promise<string> {
  const qrcode = await import('qrcode');
  return qrcode.toString(value, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}

/** The pictures the receipt asks for (`lookup.barcode`, `lookup.qrcode`) of the sale number. */
export async function drawLookupCodes(lookup: Receipt['lookup']): Promise<LookupCodeImages> {
  const [barcodeSvg, qrSvg] = await Promise.all([
    lookup.barcode ? drawCode128(lookup.value) : undefined,
    lookup.qrcode ? drawQr(lookup.value) : undefined,
  ]);
  return { ...(barcodeSvg !== undefined ? { barcodeSvg } : {}), ...(qrSvg !== undefined ? { qrSvg } : {}) };
}
