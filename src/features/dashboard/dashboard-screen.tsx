/*
 * /dashboard: a manager's or an owner's view of the store (or the chain: the stores where they hold
 * report.view, as the server decides) over the last 7, 30 or 90 days. Online only: the person signed in at the
 * till holds report.view, types their PIN again for a short staff session on the server (kept in this
 * screen's state only), and the charts come from GET /api/v1/reports/dashboard through TanStack Query.
 */
import './dashboard.css';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import { addDays, DEFAULT_STORE_TIME_ZONE } from '../../domain/business-day.ts';
import { useStaffSessionStore, type SignedInStaff } from '../../session/staff-session-store.ts';
import { openStaffSession, StaffApiError } from '../../sync/staff-api.ts';
import type { DeviceIdentity } from '../../sync/sync-database.ts';
import { PinPad } from '../../ui/pin-pad.tsx';
import { useNetworkOnline } from '../../ui/use-network-online.ts';
import { fetchDashboard } from './dashboard-api.ts';
import { DashboardView } from './dashboard-view.tsx';
import { PERMISSIONS } from '../../domain/permissions.ts';
import { useHoldsPermission } from '../../session/use-holds-permission.ts';
import { useEnrolment } from '../../sync/use-enrolment.ts';

const RANGES = [7, 30, 90] as const;
type Range = (typeof RANGES)[number];

interface Session {
  staffId: string;
  token: string;
}

export function DashboardScreen() {
  const { t } = useTranslation();
  const mayView = useHoldsPermission(useDatabase(), PERMISSIONS.viewReports);
  const staff = useStaffSessionStore((state) => state.staff);
  if (mayView === undefined) return <p role="status">{t('dashboard.loading')}</p>;
  return (
    <section className="screen dashboard" data-testid={mayView && staff ? 'dashboard-screen' : 'dashboard-managers-only'}>
      <h1>{t('dashboard.title')}</h1>
      {!mayView || !staff ? <p className="notice">{t('dashboard.notYourRole')}</p> : <DashboardDoor staff={staff} />}
    </section>
  );
}

function DashboardDoor({ staff }: { staff: SignedInStaff }) {
  const { t } = useTranslation();
  const online = useNetworkOnline();
  const enrolment = useEnrolment();
  if (!online) return <p className="notice" data-testid="dashboard-offline">{t('dashboard.offline')}</p>;
  if (enrolment.state === 'loading') return <p role="status">{t('dashboard.loading')}</p>;
  if (enrolment.state === 'none') return <p data-testid="dashboard-not-enrolled">{t('dashboard.notEnrolled')}</p>;
  return <DashboardSignIn identity={enrolment.identity} staff={staff} />;
}

function problemKey(error: unknown): string {
  if (error instanceof StaffApiError) {
    if (error.status === 0) return 'dashboard.problem.unreachable';
    if (error.status === 401) return 'dashboard.problem.wrongPin';
    if (error.status === 403) return 'dashboard.problem.forbidden';
    if (error.status === 423 || error.status === 429) return 'dashboard.problem.lockedOut';
  }
  return 'dashboard.problem.failed';
}

function DashboardSignIn({ identity, staff }: { identity: DeviceIdentity; staff: SignedInStaff }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const signIn = async (pin: string) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const opened = await openStaffSession(identity.serverUrl, identity.token, staff.id, pin);
      setSession({ staffId: staff.id, token: opened.token });
    } catch (error) {
      console.warn('Signing in to the dashboard failed', error);
      setProblem(problemKey(error));
    } finally {
      setBusy(false);
    }
  };
  if (session === undefined || session.staffId !== staff.id) {
    return (
      <div className="dashboard-sign-in" data-testid="dashboard-sign-in">
        {problem && (
          <p className="error" role="alert" data-testid="dashboard-problem">
            {t(problem)}
          </p>
        )}
        <p>{t('dashboard.signInHint', { name: staff.name })}</p>
        <PinPad busy={busy} onSubmit={(pin) => void signIn(pin)} />
      </div>
    );
  }
  return <DashboardBody serverUrl={identity.serverUrl} token={session.token} onEnded={() => setSession(undefined)} />;
}

/** Today's date in the store's zone (the server's answer names it; Vietnam until it has answered). */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());
}

export function DashboardBody({ serverUrl, token, onEnded }: { serverUrl: string; token: string; onEnded: () => void }) {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState<Range>(30);
  const [chain, setChain] = useState(false);
  const [timeZone, setTimeZone] = useState(DEFAULT_STORE_TIME_ZONE);
  const to = todayIn(timeZone);
  const from = addDays(to, 1 - range);
  const language = i18n.resolvedLanguage ?? i18n.language;
  const answer = useQuery({
    queryKey: ['dashboard', serverUrl, token, from, to, chain],
    queryFn: async () => {
      const data = await fetchDashboard({ serverUrl, token, language, from, to, chain });
      if (data.timeZone !== timeZone) setTimeZone(data.timeZone);
      return data;
    },
    retry: false,
    staleTime: 60_000,
    // Another range or scope keeps the charts on screen until its answer comes.
    placeholderData: (previous) => previous,
  });
  const refused = answer.error instanceof StaffApiError && answer.error.status === 401;
  return (
    <>
      <div className="dashboard-controls" role="toolbar" aria-label={t('dashboard.controls')}>
        <div className="dashboard-segment" role="group" aria-label={t('dashboard.range')}>
          {RANGES.map((days) => (
            <button key={days} type="button" aria-pressed={range === days} data-testid={`dashboard-range-${days}`} onClick={() => setRange(days)}>
              {t('dashboard.lastDays', { count: days })}
            </button>
          ))}
        </div>
        <div className="dashboard-segment" role="group" aria-label={t('dashboard.scope')}>
          <button type="button" aria-pressed={!chain} data-testid="dashboard-scope-store" onClick={() => setChain(false)}>
            {t('dashboard.thisStore')}
          </button>
          <button type="button" aria-pressed={chain} data-testid="dashboard-scope-chain" onClick={() => setChain(true)}>
            {t('dashboard.chain')}
          </button>
        </div>
        <button type="button" data-testid="dashboard-sign-out" onClick={onEnded}>
          {t('dashboard.signOut')}
        </button>
      </div>
      {answer.isPending && <p role="status">{t('dashboard.loading')}</p>}
      {answer.error && (
        <p className="error" role="alert" data-testid="dashboard-problem">
          {t(refused ? 'dashboard.problem.sessionEnded' : problemKey(answer.error))}{' '}
          <button type="button" onClick={refused ? onEnded : () => void answer.refetch()}>
            {t(refused ? 'dashboard.signInAgain' : 'dashboard.retry')}
          </button>
        </p>
      )}
      {answer.data && (
        <>
          <p className="dashboard-scope-line" data-testid="dashboard-scope-line">
            {t(answer.data.chain ? 'dashboard.scopeChain' : 'dashboard.scopeStore', { from: answer.data.from, to: answer.data.to, count: answer.data.storeIds.length })}
          </p>
          <DashboardView data={answer.data} />
        </>
      )}
    </>
  );
}
