/*
 * A day report (day-report.ts) as CSV for a spreadsheet or an accountant: one row per figure, the store's
 * first and then each till's, so any pivot table reads it. RFC 4180 (fields with a comma, quote or line
 * break quoted, quotes doubled, CRLF line ends), and text a spreadsheet would run as a formula (starting
 * with = + - @) gets a leading apostrophe. Amounts are integer minor units of `unit` (the currency; points
 * are counted in 'points'); VAT rates are in basis points (1000 = 10 %).
 *
 *   date, store_id, device_id (empty for the store), figure, detail (rate, tender method, card terminal id, shift id), count,
 *   amount, unit
 */
import type { DayReport } from './day-report.ts';
import type { DayFigures } from './day-report-figures.ts';

export const DAY_REPORT_CSV_HEADER = ['date', 'store_id', 'device_id', 'figure', 'detail', 'count', 'amount', 'unit'] as const;

type Cell = string | number | undefined;

function csvField(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** The rows of one scope's figures: [figure, detail, count, amount, unit]. */
function figureRows(figures: DayFigures, currency: string): Cell[][] {
  const money = (figure: string, amount: number): Cell[] => [figure, undefined, undefined, amount, currency];
  const counted = (figure: string, count: number): Cell[] => [figure, undefined, count, undefined, undefined];
  const rows: Cell[][] = [
    counted('sales_count', figures.salesCount),
    counted('returns_count', figures.returnsCount),
    counted('cancellations_count', figures.cancellationsCount),
    money('gross', figures.gross),
    money('discounts', figures.discounts),
    money('tax_added', figures.taxAdded),
    money('returns', figures.returns),
    money('cancellations', figures.cancellations),
    money('net', figures.net),
    money('cash_rounding', figures.cashRounding),
  ];
  for (const tax of figures.taxes) {
    rows.push(['tax_base', String(tax.rate), undefined, tax.base, currency], ['tax', String(tax.rate), undefined, tax.tax, currency]);
  }
  for (const tender of figures.tenders) rows.push(['tender', tender.method, tender.count, tender.amount, currency]);
  // Card by terminal: the terminal's id (empty for card tenders naming none); these rows add up to the card tender row.
  for (const terminal of figures.cardTerminals) rows.push(['card_terminal', terminal.terminal, terminal.count, terminal.amount, currency]);
  rows.push(
    ['online_returns', undefined, figures.onlineReturns.count, figures.onlineReturns.amount, currency],
    counted('pickups_handed_over', figures.pickups.handedOver),
    ['points_issued', undefined, undefined, figures.points.issued, 'points'],
    ['points_redeemed', undefined, undefined, figures.points.redeemed, 'points'],
    ['gift_cards_sold', undefined, figures.giftCards.sold.count, figures.giftCards.sold.amount, currency],
    ['gift_cards_redeemed', undefined, figures.giftCards.redeemed.count, figures.giftCards.redeemed.amount, currency],
    money('cash_expected', figures.cash.expected),
    money('cash_counted', figures.cash.counted),
    money('cash_variance', figures.cash.variance),
    counted('cash_open_shifts', figures.cash.openShifts),
    counted('cash_no_sale_openings', figures.cash.noSaleOpenings),
  );
  for (const shift of figures.cash.shifts) {
    const amounts: Array<[string, number | undefined]> = [
      ['shift_float', shift.float],
      ['shift_cash_sales', shift.cashSales],
      ['shift_cash_in', shift.cashIn],
      ['shift_cash_out', shift.cashOut],
      ['shift_expected', shift.expected],
      ['shift_counted', shift.counted],
      ['shift_variance', shift.variance],
    ];
    for (const [figure, amount] of amounts) if (amount !== undefined) rows.push([figure, shift.shiftId, undefined, amount, currency]);
  }
  return rows;
}

/** The report as CSV text (header row first), the store's figures and then each till's. */
export function dayReportCsv(report: DayReport): string {
  const scope = (deviceId: string | undefined, figures: DayFigures): string =>
    figureRows(figures, report.currency)
      .map((cells) => row([report.date, report.storeId, deviceId, ...cells]))
      .join('');
  const about: Cell[][] = [
    ['report', report.kind, undefined, undefined, undefined],
    ['time_zone', report.timeZone, undefined, undefined, undefined],
    ['business_day_cutoff', report.businessDayCutoff, undefined, undefined, undefined],
    ['from', report.from, undefined, undefined, undefined],
    ['to', report.to, undefined, undefined, undefined],
    ...(report.asOf === undefined ? [] : [['as_of', report.asOf, undefined, undefined, undefined] as Cell[]]),
    ['other_currency_documents', undefined, report.otherCurrencyDocuments, undefined, undefined],
    ...(report.bankTransfersToReconcile === undefined ? [] : [['bank_transfers_to_reconcile', undefined, report.bankTransfersToReconcile.count, report.bankTransfersToReconcile.amount, report.currency] as Cell[]]),
  ];
  return [
    row([...DAY_REPORT_CSV_HEADER]),
    ...about.map((cells) => row([report.date, report.storeId, report.deviceId, ...cells])),
    scope(report.deviceId, report),
    ...(report.tills ?? []).map((till) => scope(till.deviceId, till)),
  ].join('');
}
