// The till's shift: open it with a counted float, move cash in and out, close it blind or hand it over.
import './dayend.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import { useStoreTime } from '../../data/use-store-time.ts';
import { formatMoney } from '../../domain/money-format.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { BlindCloseForm, ClosedShiftResult } from './blind-close-form.tsx';
import { CashMovementForm } from './cash-movement-form.tsx';
import { OpenShiftForm } from './open-shift-form.tsx';
import type { ClosedShift } from './shift-writes.ts';
import type { TillSetup } from './till-setup.ts';
import { TillSetupProblem } from './till-setup-problem.tsx';
import { useTillSetup } from './use-till-setup.ts';
import { useTillShift } from './use-till-shift.ts';

export function ShiftScreen() {
  const { t } = useTranslation();
  const read = useTillSetup();
  const staff = useStaffSessionStore((state) => state.staff);
  if (read === undefined) return <p role="status">{t('dayEnd.loading')}</p>;
  if (!read.ok) return <TillSetupProblem read={read} titleKey="dayEnd.shift.title" />;
  if (staff === null) return <TillSetupProblem read={{ problem: 'signIn' }} titleKey="dayEnd.shift.title" />;
  return <ShiftView setup={read.setup} staffId={staff.id} />;
}

type Notice = { tone: 'error' | 'success'; text: string } | null;

function ShiftView({ setup, staffId }: { setup: TillSetup; staffId: string }) {
  const { t, i18n } = useTranslation();
  const database = useDatabase();
  const storeTime = useStoreTime();
  const shift = useTillShift(database, setup.deviceId);
  const [mode, setMode] = useState<'idle' | 'close' | 'handover'>('idle');
  const [closed, setClosed] = useState<ClosedShift | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const money = (amount: number) => formatMoney(amount, setup.drawer.currency, i18n.language);
  const nameOf = (id: string) => setup.staff.find((member) => member.id === id)?.name ?? id;
  const problem = (code: string) => setNotice({ tone: 'error', text: t(`dayEnd.problem.${code}`) });

  return (
    <section className="screen dayend" data-testid="shift-screen" data-shift-state={shift === undefined ? 'loading' : shift === null ? 'none' : 'open'}>
      <h1>{t('dayEnd.shift.title')}</h1>
      {notice !== null && (
        <p className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="shift-notice">
          {notice.text}
        </p>
      )}
      {closed !== null && <ClosedShiftResult closed={closed} setup={setup} nameOf={nameOf} />}
      {shift === undefined && <p role="status">{t('dayEnd.loading')}</p>}
      {shift === null && (
        <OpenShiftForm
          database={database}
          setup={setup}
          staffId={staffId}
          onProblem={(code) => problem(code)}
        />
      )}
      {shift != null && (
        <>
          <section className="dayend-panel" data-testid="open-shift-summary" data-shift-id={shift.shiftId}>
            <h2>{t('dayEnd.shift.openSince', { time: storeTime(shift.openedAt), name: nameOf(shift.openedBy) })}</h2>
            <dl className="dayend-figures">
              <dt>{t('dayReport.float')}</dt>
              <dd data-testid="shift-float" data-amount={shift.float}>{money(shift.float)}</dd>
              <dt>{t('dayReport.cashIn')}</dt>
              <dd data-testid="shift-cash-in" data-amount={shift.cashIn}>{money(shift.cashIn)}</dd>
              <dt>{t('dayReport.cashOut')}</dt>
              <dd data-testid="shift-cash-out" data-amount={shift.cashOut}>{money(shift.cashOut)}</dd>
            </dl>
          </section>
          {mode === 'idle' ? (
            <>
              <CashMovementForm
                database={database}
                setup={setup}
                staffId={staffId}
                onDone={(outcome) =>
                  outcome.ok
                    ? setNotice({ tone: 'success', text: t(outcome.direction === 'cash_in' ? 'dayEnd.cash.recordedIn' : 'dayEnd.cash.recordedOut', { amount: money(outcome.amount) }) })
                    : problem(outcome.problem)
                }
              />
              <div className="dayend-row">
                <button type="button" data-testid="close-shift" onClick={() => { setNotice(null); setClosed(null); setMode('close'); }}>
                  {t('dayEnd.close.start')}
                </button>
                <button type="button" data-testid="hand-over" onClick={() => { setNotice(null); setClosed(null); setMode('handover'); }}>
                  {t('dayEnd.close.startHandOver')}
                </button>
              </div>
            </>
          ) : (
            <BlindCloseForm
              database={database}
              setup={setup}
              staffId={staffId}
              handOver={mode === 'handover'}
              onCancel={() => setMode('idle')}
              onDone={(outcome) => {
                if (!outcome.ok) return problem(outcome.problem);
                setClosed(outcome.closed);
                setMode('idle');
                setNotice(null);
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
