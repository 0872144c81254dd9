/*
 * The day end, for holders of report.view or day.close: the X report (now, the day still going) and the Z
 * report of a business day, for this till or the store as far as this tablet knows (its own documents);
 * on screen, on the receipt printer, as a CSV download. Closing the day shows what is not yet synced.
 */
import './dayend.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import { businessDateOf, parseBusinessDate } from '../../domain/business-day.ts';
import type { DayReport } from '../../domain/day-report.ts';
import { dayReportCsv } from '../../domain/day-report-csv.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { BankQrReconciliationView } from './bank-qr-reconciliation-view.tsx';
import { CloseDayPanel } from './close-day-panel.tsx';
import { tabletDayReport } from './day-report-data.ts';
import { DayReportView } from './day-report-view.tsx';
import { printDayReport } from './print-day-report.ts';
import type { TillSetup } from './till-setup.ts';
import { TillSetupProblem } from './till-setup-problem.tsx';
import { useMayUseDayEnd } from './use-may-close-day.ts';
import { useTillSetup } from './use-till-setup.ts';
import { useBankQrReconciliation } from './use-bank-qr-reconciliation.ts';

export function DayEndScreen() {
  const { t } = useTranslation();
  const read = useTillSetup();
  if (read === undefined) return <p role="status">{t('dayEnd.loading')}</p>;
  if (!read.ok) return <TillSetupProblem read={read} titleKey="dayEnd.title" />;
  return <DayEndGate setup={read.setup} />;
}

function DayEndGate({ setup }: { setup: TillSetup }) {
  const { t } = useTranslation();
  const mayUse = useMayUseDayEnd(setup.permissions);
  if (!mayUse) {
    return (
      <section className="screen dayend" data-testid="dayend-managers-only">
        <h1>{t('dayEnd.title')}</h1>
        <p className="notice">{t('dayEnd.managersOnly')}</p>
      </section>
    );
  }
  return <DayEnd setup={setup} />;
}

type Kind = 'X' | 'Z';
type Scope = 'till' | 'store';

function downloadCsv(report: DayReport): void {
  const blob = new Blob([dayReportCsv(report)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `day-report-${report.storeId}-${report.date}${report.deviceId === undefined ? '' : `-${report.deviceId}`}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function DayEnd({ setup }: { setup: TillSetup }) {
  const { t } = useTranslation();
  const database = useDatabase();
  const staffId = useStaffSessionStore((state) => state.staff?.id);
  const [date, setDate] = useState(() => businessDateOf(Date.now(), setup.day));
  const [kind, setKind] = useState<Kind>('X');
  const [scope, setScope] = useState<Scope>('till');
  const [report, setReport] = useState<DayReport | null>(null);
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [refresh, setRefresh] = useState(0);
  const reconciliation = useBankQrReconciliation(database, report);
  // The printout and the CSV carry the count and sum of the transfers to reconcile, once known.
  const toSend = (shown: DayReport): DayReport => (reconciliation === null ? shown : { ...shown, bankTransfersToReconcile: { count: reconciliation.count, amount: reconciliation.amount } });
  const nameOf = (id: string) => setup.staff.find((member) => member.id === id)?.name ?? id;

  useEffect(() => {
    const parsed = parseBusinessDate(date);
    if (!parsed.ok) return;
    let live = true;
    tabletDayReport(database, setup, {
      date: parsed.value,
      ...(scope === 'till' ? { deviceId: setup.deviceId } : {}),
      ...(kind === 'X' ? { asOf: new Date().toISOString() } : {}),
    }).then(
      (computed) => live && setReport(computed),
      (error: unknown) => {
        console.error('Computing the day report failed', { date, kind, scope, error });
        if (live) setNotice({ tone: 'error', text: t('dayEnd.reportFailed') });
      },
    );
    return () => {
      live = false;
    };
  }, [database, setup, date, kind, scope, refresh, t]);

  const print = async () => {
    if (report === null) return;
    const outcome = await printDayReport(toSend(report), { storeName: setup.storeName, storeLocale: setup.storeLocale, staffNames: Object.fromEntries(setup.staff.map((member) => [member.id, member.name])) });
    setNotice(outcome.ok ? { tone: 'success', text: t('dayEnd.printed') } : { tone: 'error', text: t(`receipt.printer.${outcome.problem}`) });
  };

  return (
    <section className="screen dayend" data-testid="day-end-screen">
      <h1>{t('dayEnd.title')}</h1>
      <div className="dayend-row">
        <label>
          {t('dayReport.date')}
          <input type="date" data-testid="report-date" value={date} onChange={(event) => setDate(event.target.value)} />
        </label>
        <label>
          {t('dayEnd.kind')}
          <select data-testid="report-kind" value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
            <option value="X">{t('dayEnd.kindX')}</option>
            <option value="Z">{t('dayEnd.kindZ')}</option>
          </select>
        </label>
        <label>
          {t('dayEnd.scope')}
          <select data-testid="report-scope" value={scope} onChange={(event) => setScope(event.target.value as Scope)}>
            <option value="till">{t('dayEnd.scopeTill')}</option>
            <option value="store">{t('dayEnd.scopeStore')}</option>
          </select>
        </label>
        <button type="button" data-testid="report-refresh" onClick={() => setRefresh((n) => n + 1)}>
          {t('dayEnd.refresh')}
        </button>
        <button type="button" data-testid="report-print" disabled={report === null} onClick={() => void print()}>
          {t('dayEnd.print')}
        </button>
        <button type="button" data-testid="report-csv" disabled={report === null} onClick={() => report !== null && downloadCsv(toSend(report))}>
          {t('dayEnd.csv')}
        </button>
      </div>
      {scope === 'store' && <p className="notice-detail">{t('dayEnd.storeAsKnown')}</p>}
      {notice !== null && (
        <p className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="day-end-notice">
          {notice.text}
        </p>
      )}
      {report === null ? <p role="status">{t('dayEnd.loading')}</p> : <DayReportView report={report} nameOf={nameOf} />}
      {report !== null && reconciliation !== null && <BankQrReconciliationView reconciliation={reconciliation} currency={report.currency} timeZone={report.timeZone} />}
      {staffId !== undefined && <CloseDayPanel database={database} setup={setup} staffId={staffId} date={date} onClosed={() => setRefresh((n) => n + 1)} />}
    </section>
  );
}
