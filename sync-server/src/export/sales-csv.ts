/*
 * Sales as CSV for an ERP or a spreadsheet: one row per sale line (RFC 4180: fields with a comma, quote
 * or line break are quoted, quotes doubled; CRLF line ends). Text that a spreadsheet would run as a
 * formula (starting with = + - @) gets a leading apostrophe. Amounts are integer minor units of the
 * sale's currency (given in its own column), qty is in units with up to 3 decimals, tax rate in percent.
 */
import type { SaleDocument } from '../../../src/data/schemas/types.ts';

export const SALES_CSV_HEADER = [
  'sale_id',
  'sale_number',
  'kind',
  'created_at',
  'staff_id',
  'staff_name',
  'customer_id',
  'line_no',
  'product_id',
  'sku',
  'product_name',
  'qty',
  'unit_price',
  'discount',
  'tax_rate_percent',
  'price_includes_tax',
  'line_total',
  'currency',
] as const;

export function csvRow(fields: ReadonlyArray<string | number | boolean | undefined>): string {
  return fields.map(csvField).join(',') + '\r\n';
}

function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** 375 -> "0.375", -1500 -> "-1.5", 2000 -> "2". */
export function thousandths(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const fraction = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${sign}${Math.floor(abs / 1000)}${fraction ? `.${fraction}` : ''}`;
}

/** 1000 basis points -> "10", 825 -> "8.25". */
function percent(basisPoints: number): string {
  const fraction = String(basisPoints % 100).padStart(2, '0').replace(/0+$/, '');
  return `${Math.floor(basisPoints / 100)}${fraction ? `.${fraction}` : ''}`;
}

export function saleCsvRows(sale: SaleDocument, staffNames: ReadonlyMap<string, string>): string {
  return sale.lines
    .map((line, index) =>
      csvRow([
        sale.id,
        sale.number,
        sale.kind,
        sale.createdAt,
        sale.staffId,
        staffNames.get(sale.staffId),
        sale.customerId,
        index + 1,
        line.productId,
        line.sku,
        line.name,
        thousandths(line.qty),
        line.unitPrice,
        line.discount,
        percent(line.taxRate),
        line.priceIncludesTax ?? true,
        line.total,
        sale.currency,
      ]),
    )
    .join('');
}
