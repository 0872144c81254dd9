// The day report on screen: the same figures the printout and the CSV carry (src/domain/day-report.ts).
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayReport } from '../../domain/day-report.ts';
import { formatMoney } from '../../domain/money-format.ts';

function Figure({ label, amount, testId, money }: { label: string; amount: number; testId: string; money: (amount: number) => string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId} data-amount={amount}>
        {money(amount)}
      </dd>
    </>
  );
}

export function DayReportView({ report, nameOf }: { report: DayReport; nameOf: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const money = (amount: number) => formatMoney(amount, report.currency, i18n.language);
  // Card by terminal, under the card row, once the store's card tenders name terminals.
  const splitByTerminal = report.cardTerminals.some((row) => row.terminal !== '');
  const rate = (basisPoints: number) => `${(basisPoints / 100).toFixed(basisPoints % 100 === 0 ? 0 : 2)} %`;
  return (
    <article className="dayend-report" data-testid="day-report" data-kind={report.kind} data-date={report.date} data-device-id={report.deviceId ?? ''}>
      <h2>{t(`dayReport.title.${report.kind}`)}</h2>
      <p>
        {t('dayReport.date')}: {report.date} · {report.deviceId === undefined ? t('dayReport.allTills') : `${t('dayReport.till')} ${report.deviceId}`}
      </p>
      <dl className="dayend-figures">
        <Figure label={t('dayReport.gross')} amount={report.gross} testId="report-gross" money={money} />
        <Figure label={t('dayReport.discounts')} amount={report.discounts} testId="report-discounts" money={money} />
        {report.taxAdded !== 0 && <Figure label={t('dayReport.taxAdded')} amount={report.taxAdded} testId="report-tax-added" money={money} />}
        <Figure label={t('dayReport.returns')} amount={report.returns} testId="report-returns" money={money} />
        <Figure label={t('dayReport.cancellations')} amount={report.cancellations} testId="report-cancellations" money={money} />
        <Figure label={t('dayReport.net')} amount={report.net} testId="report-net" money={money} />
      </dl>
      <h3>{t('dayReport.counts')}</h3>
      <dl className="dayend-figures">
        <dt>{t('dayReport.salesCount')}</dt>
        <dd data-testid="report-sales-count">{report.salesCount}</dd>
        <dt>{t('dayReport.returnsCount')}</dt>
        <dd data-testid="report-returns-count">{report.returnsCount}</dd>
        <dt>{t('dayReport.cancellationsCount')}</dt>
        <dd data-testid="report-cancellations-count">{report.cancellationsCount}</dd>
      </dl>
      <h3>{t('dayReport.taxSummary')}</h3>
      <table className="dayend-table">
        <thead>
          <tr>
            <th>{t('dayReport.taxRate')}</th>
            <th>{t('dayReport.taxBase')}</th>
            <th>{t('dayReport.taxAmount')}</th>
          </tr>
        </thead>
        <tbody>
          {report.taxes.map((row) => (
            <tr key={row.rate} data-testid="report-tax" data-rate={row.rate} data-base={row.base} data-tax={row.tax}>
              <td>{rate(row.rate)}</td>
              <td>{money(row.base)}</td>
              <td>{money(row.tax)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('dayReport.payments')}</h3>
      <table className="dayend-table">
        <tbody>
          {report.tenders.map((tender) => (
            <Fragment key={tender.method}>
              <tr data-testid="report-tender" data-method={tender.method} data-amount={tender.amount} data-count={tender.count}>
                <td>{t('dayReport.tenderCount', { method: t(`receipt.tender.${tender.method}`), count: tender.count })}</td>
                <td>{money(tender.amount)}</td>
              </tr>
              {tender.method === 'card' && splitByTerminal &&
                report.cardTerminals.map((row) => (
                  <tr key={`terminal-${row.terminal}`} className="dayend-subrow" data-testid="report-card-terminal" data-terminal={row.terminal} data-amount={row.amount} data-count={row.count}>
                    <td>{t('dayReport.tenderCount', { method: row.name ?? (row.terminal === '' ? t('dayReport.cardNoTerminal') : row.terminal), count: row.count })}</td>
                    <td>{money(row.amount)}</td>
                  </tr>
                ))}
            </Fragment>
          ))}
        </tbody>
      </table>
      <h3>{t('dayReport.online')}</h3>
      <dl className="dayend-figures">
        <dt>{t('dayReport.pickups')}</dt>
        <dd data-testid="report-pickups">{report.pickups.handedOver}</dd>
        <Figure label={t('dayReport.onlineReturns', { count: report.onlineReturns.count })} amount={report.onlineReturns.amount} testId="report-online-returns" money={money} />
      </dl>
      <h3>{t('dayReport.loyalty')}</h3>
      <dl className="dayend-figures">
        <dt>{t('dayReport.pointsIssued')}</dt>
        <dd data-testid="report-points-issued">{report.points.issued}</dd>
        <dt>{t('dayReport.pointsRedeemed')}</dt>
        <dd data-testid="report-points-redeemed">{report.points.redeemed}</dd>
        <Figure label={t('dayReport.giftCardsSold', { count: report.giftCards.sold.count })} amount={report.giftCards.sold.amount} testId="report-gift-cards-sold" money={money} />
        <Figure label={t('dayReport.giftCardsRedeemed', { count: report.giftCards.redeemed.count })} amount={report.giftCards.redeemed.amount} testId="report-gift-cards-redeemed" money={money} />
      </dl>
      <h3>{t('dayReport.cash')}</h3>
      <table className="dayend-table">
        <thead>
          <tr>
            <th>{t('dayReport.openedBy')}</th>
            <th>{t('dayReport.float')}</th>
            <th>{t('dayReport.cashSales')}</th>
            <th>{t('dayReport.cashIn')}</th>
            <th>{t('dayReport.cashOut')}</th>
            <th>{t('dayReport.expected')}</th>
            <th>{t('dayReport.counted')}</th>
            <th>{t('dayReport.variance')}</th>
          </tr>
        </thead>
        <tbody>
          {report.cash.shifts.map((shift) => (
            <tr key={shift.shiftId} data-testid="report-shift" data-shift-id={shift.shiftId} data-expected={shift.expected} data-counted={shift.counted ?? ''} data-variance={shift.variance ?? ''}>
              <td>{nameOf(shift.openedBy)}</td>
              <td>{money(shift.float)}</td>
              <td>{money(shift.cashSales)}</td>
              <td>{money(shift.cashIn)}</td>
              <td>{money(shift.cashOut)}</td>
              <td>{money(shift.expected)}</td>
              <td>{shift.counted === undefined ? t('dayReport.shiftOpen') : money(shift.counted)}</td>
              <td>{shift.variance === undefined ? '' : money(shift.variance)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="dayend-figures">
        <Figure label={t('dayReport.expected')} amount={report.cash.expected} testId="report-cash-expected" money={money} />
        <Figure label={t('dayReport.counted')} amount={report.cash.counted} testId="report-cash-counted" money={money} />
        <Figure label={t('dayReport.variance')} amount={report.cash.variance} testId="report-cash-variance" money={money} />
        {report.cash.openShifts !== 0 && (
          <>
            <dt>{t('dayReport.openShifts')}</dt>
            <dd data-testid="report-open-shifts">{report.cash.openShifts}</dd>
          </>
        )}
        {report.cash.noSaleOpenings !== 0 && (
          <>
            <dt>{t('dayReport.noSaleOpenings')}</dt>
            <dd data-testid="report-no-sale-openings">{report.cash.noSaleOpenings}</dd>
          </>
        )}
      </dl>
      {report.otherCurrencyDocuments !== 0 && <p className="notice">{t('dayReport.otherCurrency', { count: report.otherCurrencyDocuments })}</p>}
    </article>
  );
}
