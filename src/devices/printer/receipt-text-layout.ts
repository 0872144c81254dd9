/*
 * The receipt laid out on a roll of N cells per row: every row is final text, already centred, wrapped
 * and padded, plus the sale number's barcode and QR blocks. The ESC/POS renderer prints these rows
 * either as text or, row by row, as images (vietnamese-text.ts), and because both come from the same
 * rows an image row lines up with the text rows around it.
 */
import type { LabelledValue, Receipt } from './receipt-model.ts';
import { centre, tableRows, twoSided, wrapText } from './text-columns.ts';
import type { MeasureText } from './text-columns.ts';

export type PrintRow =
  | { readonly kind: 'text'; readonly text: string; readonly bold?: boolean; readonly tall?: boolean }
  | { readonly kind: 'barcode'; readonly value: string }
  | { readonly kind: 'qrcode'; readonly value: string };

const INDENT = '  ';

class RowWriter {
  readonly rows: PrintRow[] = [];

  constructor(
    readonly columns: number,
    readonly measure: MeasureText,
  ) {}

  text(text: string, style: { bold?: boolean; tall?: boolean } = {}): void {
    this.rows.push({ kind: 'text', text, ...style });
  }

  centred(text: string, style: { bold?: boolean; tall?: boolean } = {}): void {
    for (const row of wrapText(text, this.columns, this.measure)) this.text(centre(row, this.columns, this.measure), style);
  }

  wrapped(text: string, indent = ''): void {
    for (const row of wrapText(text, this.columns - indent.length, this.measure)) this.text(indent + row);
  }

  pair(pair: LabelledValue, indent = ''): void {
    const style = pair.emphasis ? { bold: true, tall: true } : {};
    for (const row of twoSided(pair.label, pair.value, this.columns - indent.length, this.measure)) this.text(indent + row, style);
  }

  rule(char: '-' | '='): void {
    this.text(char.repeat(this.columns));
  }
}

function writeTaxSummary(out: RowWriter, summary: Receipt['taxSummary']): void {
  if (summary.rows.length === 0) return;
  out.text(summary.title, { bold: true });
  const table = tableRows([summary.headers, ...summary.rows], ['left', 'right', 'right'], out.columns, out.measure);
  if (table !== undefined) {
    for (const row of table) out.text(row);
    return;
  }
  // Too narrow for three columns (large amounts on 58 mm): one small block per rate instead.
  const [, netHeader, taxHeader] = summary.headers;
  for (const [rate, net, tax] of summary.rows) {
    out.text(rate);
    out.pair({ label: netHeader, value: net }, INDENT);
    out.pair({ label: taxHeader, value: tax }, INDENT);
  }
}

/** The receipt as rows of at most `columns` cells, measured as the printer will print them. */
export function layoutReceipt(receipt: Receipt, measure: MeasureText): PrintRow[] {
  const out = new RowWriter(receipt.paper.columns, measure);
  if (receipt.reprintMark !== undefined) out.centred(`*** ${receipt.reprintMark} ***`, { bold: true });
  out.centred(receipt.store.name, { bold: true, tall: true });
  for (const line of receipt.store.lines) out.centred(line);
  for (const line of receipt.headerText) out.centred(line);
  out.rule('=');
  out.centred(receipt.title, { bold: true });
  for (const fact of receipt.facts) out.pair(fact);
  out.rule('-');
  out.pair(receipt.itemsHeader);
  out.rule('-');
  for (const item of receipt.items) {
    out.wrapped(item.name);
    out.pair({ label: item.detail, value: item.amount }, INDENT);
    if (item.discount !== undefined) out.pair(item.discount, INDENT);
    for (const row of item.giftCard ?? []) out.pair(row, INDENT);
    if (item.returnNote !== undefined) out.wrapped(item.returnNote, INDENT);
  }
  out.rule('-');
  for (const total of receipt.totals) out.pair(total);
  out.rule('-');
  writeTaxSummary(out, receipt.taxSummary);
  out.rule('-');
  out.text(receipt.payment.title, { bold: true });
  for (const tender of receipt.payment.tenders) {
    out.pair(tender);
    for (const row of tender.giftCard ?? []) out.pair(row, INDENT);
  }
  if (receipt.payment.change !== undefined) out.pair(receipt.payment.change);
  if (receipt.loyalty.length > 0) {
    out.rule('-');
    for (const row of receipt.loyalty) out.pair(row);
  }
  out.rule('=');
  if (receipt.lookup.barcode) out.rows.push({ kind: 'barcode', value: receipt.lookup.value });
  if (receipt.lookup.qrcode) out.rows.push({ kind: 'qrcode', value: receipt.lookup.value });
  out.centred(receipt.lookup.value, { bold: true });
  out.centred(receipt.lookup.caption);
  out.text('');
  for (const line of receipt.footer) out.centred(line);
  return out.rows;
}
