/*
 * The receipt as an HTML document for the browser's print dialog: the fallback when no USB printer is
 * paired, and what a reprint shows on screen. Same model as the ESC/POS bytes (receipt-model.ts), so
 * the two say the same thing. Every piece of text goes through escapeHtml: product names, customer names
 * and store texts are typed by people and synced from the server, and this HTML runs in the app's origin.
 *
 * The sale number's CODE128 barcode and QR code are pictures drawn by lookup-code-images.ts, which the
 * printer service loads only when it prints in the browser; here they are SVG documents shown through
 * <img src="data:..."> (an image cannot run script), and a receipt without them still shows the number.
 */
import type { LabelledValue, Receipt } from './receipt-model.ts';

/** SVG documents of the sale number for the returns desk to scan (lookup-code-images.ts). */
export interface LookupCodeImages {
  readonly barcodeSvg?: string;
  readonly qrSvg?: string;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Paper width and printable width in millimetres (thermal heads leave about 5 mm each side). */
const PRINTABLE_MM: Record<58 | 80, number> = { 58: 48, 80: 72 };

function styles(width: 58 | 80): string {
  return `
@page { size: ${width}mm auto; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { width: ${PRINTABLE_MM[width]}mm; margin: 0 auto; padding: 2mm 0 6mm;
  font: ${width === 58 ? 11 : 12}px/1.35 "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
.centre { text-align: center; }
.store { font-size: 1.35em; font-weight: 700; }
.title { font-weight: 700; margin-top: 1.5mm; }
.reprint { font-weight: 700; letter-spacing: .1em; }
hr { border: 0; border-top: 1px dashed #000; margin: 1.5mm 0; }
hr.double { border-top: 3px double #000; }
table { width: 100%; border-collapse: collapse; }
td, th { padding: 0; vertical-align: top; font-weight: 400; }
td.value, th.value { text-align: right; white-space: nowrap; padding-left: 2mm; }
tr.emphasis td { font-weight: 700; font-size: 1.2em; }
.item-name { font-weight: 600; }
.indent { padding-left: 3mm; }
.tax th { font-style: italic; }
.section { font-weight: 700; margin-top: 1mm; }
.lookup { font: 700 1.3em/1.4 ui-monospace, "Courier New", monospace; letter-spacing: .08em; margin-top: 2mm; }
.small { font-size: .9em; }
.code { display: block; margin: 2mm auto 0; }
.barcode { width: 100%; height: 12mm; }
.qrcode { width: ${width === 58 ? 26 : 30}mm; height: auto; }
`;
}

function pairRow(pair: LabelledValue, className = ''): string {
  const classes = [pair.emphasis ? 'emphasis' : '', className].filter(Boolean).join(' ');
  const attribute = classes ? ` class="${classes}"` : '';
  return `<tr${attribute}><td>${escapeHtml(pair.label)}</td><td class="value">${escapeHtml(pair.value)}</td></tr>`;
}

function pairTable(pairs: readonly LabelledValue[]): string {
  return `<table>${pairs.map((pair) => pairRow(pair)).join('')}</table>`;
}

/** Rows under an item or a tender (a gift card's number and balance), indented as the printer indents them. */
function indentedRows(pairs: readonly LabelledValue[] | undefined): string {
  return (pairs ?? []).map((pair) => `<tr><td class="indent">${escapeHtml(pair.label)}</td><td class="value">${escapeHtml(pair.value)}</td></tr>`).join('');
}

function itemsTable(receipt: Receipt): string {
  const header = `<tr><th>${escapeHtml(receipt.itemsHeader.label)}</th><th class="value">${escapeHtml(receipt.itemsHeader.value)}</th></tr>`;
  const rows = receipt.items.map((item) => {
    const name = `<tr><td colspan="2" class="item-name">${escapeHtml(item.name)}</td></tr>`;
    const detail = `<tr><td class="indent">${escapeHtml(item.detail)}</td><td class="value">${escapeHtml(item.amount)}</td></tr>`;
    const discount = item.discount ? `<tr><td class="indent">${escapeHtml(item.discount.label)}</td><td class="value">${escapeHtml(item.discount.value)}</td></tr>` : '';
    const note = item.returnNote === undefined ? '' : `<tr><td colspan="2" class="indent return-note">${escapeHtml(item.returnNote)}</td></tr>`;
    return name + detail + discount + indentedRows(item.giftCard) + note;
  });
  return `<table class="items"><thead>${header}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function taxTable(summary: Receipt['taxSummary']): string {
  if (summary.rows.length === 0) return '';
  const [rate, net, tax] = summary.headers;
  const head = `<tr><th>${escapeHtml(rate)}</th><th class="value">${escapeHtml(net)}</th><th class="value">${escapeHtml(tax)}</th></tr>`;
  const body = summary.rows.map((row) => `<tr><td>${escapeHtml(row[0])}</td><td class="value">${escapeHtml(row[1])}</td><td class="value">${escapeHtml(row[2])}</td></tr>`).join('');
  return `<div class="section">${escapeHtml(summary.title)}</div><table class="tax"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function centredLines(lines: readonly string[], className = ''): string {
  return lines.map((line) => `<div class="centre ${className}">${escapeHtml(line)}</div>`).join('');
}

function codeImage(svg: string | undefined, kind: 'barcode' | 'qrcode', value: string): string {
  if (svg === undefined) return '';
  // The barcode's own text is the number printed under it; alt says the same for a reader.
  return `<img class="code ${kind}" data-code="${kind}" alt="${escapeHtml(value)}" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}">`;
}

/** The body of the receipt: for an on-screen preview, or inside the printable document. */
export function renderReceiptBody(receipt: Receipt, codes: LookupCodeImages = {}): string {
  const { payment } = receipt;
  return [
    receipt.reprintMark !== undefined ? `<div class="centre reprint">*** ${escapeHtml(receipt.reprintMark)} ***</div>` : '',
    `<div class="centre store">${escapeHtml(receipt.store.name)}</div>`,
    centredLines(receipt.store.lines, 'small'),
    centredLines(receipt.headerText),
    '<hr class="double">',
    `<div class="centre title">${escapeHtml(receipt.title)}</div>`,
    pairTable(receipt.facts),
    '<hr>',
    itemsTable(receipt),
    '<hr>',
    pairTable(receipt.totals),
    '<hr>',
    taxTable(receipt.taxSummary),
    '<hr>',
    `<div class="section">${escapeHtml(payment.title)}</div>`,
    `<table>${payment.tenders.map((tender) => pairRow(tender) + indentedRows(tender.giftCard)).join('')}${payment.change ? pairRow(payment.change) : ''}</table>`,
    receipt.loyalty.length > 0 ? `<hr>${pairTable(receipt.loyalty)}` : '',
    '<hr class="double">',
    receipt.lookup.barcode ? codeImage(codes.barcodeSvg, 'barcode', receipt.lookup.value) : '',
    receipt.lookup.qrcode ? codeImage(codes.qrSvg, 'qrcode', receipt.lookup.value) : '',
    `<div class="centre lookup">${escapeHtml(receipt.lookup.value)}</div>`,
    centredLines([receipt.lookup.caption], 'small'),
    centredLines(receipt.footer),
  ].join('\n');
}

/** A complete, self-contained HTML document sized for the receipt's paper, ready for window.print(). */
export function renderReceiptHtml(receipt: Receipt, codes?: LookupCodeImages): string {
  const width = receipt.paper.width;
  return `<!doctype html>
<html lang="${receipt.locale}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${receipt.title} ${receipt.lookup.value}`)}</title>
<style>${styles(width)}</style>
</head>
<body class="receipt receipt-${width}mm">
${renderReceiptBody(receipt, codes)}
</body>
</html>
`;
}
