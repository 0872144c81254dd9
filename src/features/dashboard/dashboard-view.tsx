/*
 * The dashboard's charts and figures for one answer of the server (dashboard-api.ts): sales by hour and by
 * day, top products and categories, tender mix, returns by reason, cash variance per closed shift, and the
 * online-to-offline figures. Pure presentation: what to ask for and when is dashboard-screen.tsx's.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoneyAmount } from '../../domain/money-format.ts';
import type { ChartSpec } from './chart-canvas.ts';
import { ChartCard } from './chart-card.tsx';
import type { DashboardData } from './dashboard-api.ts';

const percent = (share: number | null, locale: string): string => (share === null ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share));

export function DashboardView({ data }: { data: DashboardData }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'vi-VN';
  const charts = useMemo(() => {
    const money = (value: number) => formatMoneyAmount(value, data.currency, locale);
    const count = (value: number) => new Intl.NumberFormat(locale).format(value);
    const net = t('dashboard.series.net');
    const spec = (kind: ChartSpec['kind'], labels: string[], series: ChartSpec['series'], format: ChartSpec['format'], horizontal = false): ChartSpec => ({ kind, labels, series, format, horizontal });
    return {
      byHour: spec('bar', data.salesByHour.map((point) => `${String(point.hour).padStart(2, '0')}:00`), [{ label: net, values: data.salesByHour.map((point) => point.net) }], money),
      byDay: spec('line', data.salesByDay.map((point) => point.date), [{ label: net, values: data.salesByDay.map((point) => point.net) }], money),
      products: spec('bar', data.topProducts.map((row) => row.name), [{ label: t('dashboard.series.amount'), values: data.topProducts.map((row) => row.amount) }], money, true),
      categories: spec('bar', data.topCategories.map((row) => (row.category === '' ? t('dashboard.noCategory') : row.category)), [{ label: t('dashboard.series.amount'), values: data.topCategories.map((row) => row.amount) }], money, true),
      tenders: spec('bar', data.tenderMix.map((row) => t(`dashboard.tender.${row.method}`, { defaultValue: row.method })), [{ label: t('dashboard.series.amount'), values: data.tenderMix.map((row) => row.amount) }], money),
      reasons: spec('bar', data.returnReasons.map((row) => t(`dashboard.reason.${row.reason}`, { defaultValue: row.reason })), [{ label: t('dashboard.series.count'), values: data.returnReasons.map((row) => row.count) }, { label: t('dashboard.series.online'), values: data.returnReasons.map((row) => row.online) }], count),
      variance: spec('bar', data.cashVariance.map((row) => `${row.date} ${row.closedAt.slice(11, 16)}`), [{ label: t('dashboard.series.variance'), values: data.cashVariance.map((row) => row.variance) }], money),
      money,
      count,
    };
  }, [data, locale, t]);
  const { pickups, onlineReturnsInStore, points, giftCardLiability } = data.online;
  const lead = pickups.leadTimeMinutes;
  return (
    <div className="dashboard-grid">
      <section className="dashboard-card dashboard-totals" data-testid="dashboard-totals" aria-label={t('dashboard.totals')}>
        <h2>{t('dashboard.totals')}</h2>
        <dl>
          <dt>{t('dashboard.net')}</dt>
          <dd data-testid="dashboard-net">{charts.money(data.totals.net)}</dd>
          <dt>{t('dashboard.salesCount')}</dt>
          <dd>{charts.count(data.totals.salesCount)}</dd>
          <dt>{t('dashboard.returns')}</dt>
          <dd>{charts.money(data.totals.returns)}</dd>
        </dl>
      </section>
      <ChartCard testId="chart-sales-by-hour" title={t('dashboard.chart.byHour')} labelHeading={t('dashboard.column.hour')} spec={charts.byHour} empty={data.totals.salesCount + data.totals.returnsCount === 0} />
      <ChartCard testId="chart-sales-by-day" title={t('dashboard.chart.byDay')} labelHeading={t('dashboard.column.day')} spec={charts.byDay} />
      <ChartCard testId="chart-top-products" title={t('dashboard.chart.products')} labelHeading={t('dashboard.column.product')} spec={charts.products} empty={data.topProducts.length === 0} />
      <ChartCard testId="chart-top-categories" title={t('dashboard.chart.categories')} labelHeading={t('dashboard.column.category')} spec={charts.categories} empty={data.topCategories.length === 0} />
      <ChartCard testId="chart-tender-mix" title={t('dashboard.chart.tenders')} labelHeading={t('dashboard.column.tender')} spec={charts.tenders} empty={data.tenderMix.length === 0} />
      <ChartCard testId="chart-return-reasons" title={t('dashboard.chart.returns')} labelHeading={t('dashboard.column.reason')} spec={charts.reasons} empty={data.returnReasons.length === 0} />
      <ChartCard testId="chart-cash-variance" title={t('dashboard.chart.cash')} labelHeading={t('dashboard.column.shift')} spec={charts.variance} empty={data.cashVariance.length === 0} />
      <section className="dashboard-card dashboard-online" data-testid="dashboard-online" aria-label={t('dashboard.online.title')}>
        <h2>{t('dashboard.online.title')}</h2>
        <dl>
          <dt>{t('dashboard.online.leadTime')}</dt>
          <dd data-testid="dashboard-lead-time">{lead === null ? '–' : t('dashboard.online.minutes', { median: lead.median, p90: lead.p90 })}</dd>
          <dt>{t('dashboard.online.completion')}</dt>
          <dd data-testid="dashboard-completion">
            {percent(pickups.completionRate, locale)} ({t('dashboard.online.handedOver', { handedOver: pickups.handedOver, cancelled: pickups.cancelled })})
          </dd>
          <dt>{t('dashboard.online.returnedInStore')}</dt>
          <dd data-testid="dashboard-online-returns">
            {percent(onlineReturnsInStore.share, locale)} ({charts.count(onlineReturnsInStore.count)})
          </dd>
          <dt>{t('dashboard.online.pointsRedemption')}</dt>
          <dd data-testid="dashboard-points">
            {percent(points.redemptionRate, locale)} ({t('dashboard.online.points', { redeemed: charts.count(points.redeemed), issued: charts.count(points.issued) })})
          </dd>
          <dt>{t('dashboard.online.giftCardLiability')}</dt>
          <dd data-testid="dashboard-liability">{charts.money(giftCardLiability)}</dd>
        </dl>
      </section>
    </div>
  );
}
