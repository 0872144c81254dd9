/*
 * The door of the back office's screens (products, staff, settings, the catalog import): the person signed in at the till must
 * hold the screen's permission in the store's table, the tablet must be online and enrolled, and the person
 * types their PIN again for a short staff session on the server (kept in memory by
 * back-office-session-store.ts, so one PIN opens every back-office screen). The screen's body gets the
 * session and a way to say it ended (a 401 on a call).
 */
import './backoffice.css';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import { useStaffSessionStore, type SignedInStaff } from '../../session/staff-session-store.ts';
import { openStaffSession, StaffApiError } from '../../sync/staff-api.ts';
import { useEnrolment } from '../../sync/use-enrolment.ts';
import { useHoldsPermission } from '../../session/use-holds-permission.ts';
import type { DeviceIdentity } from '../../sync/sync-database.ts';
import type { Permission } from '../../ui/screen-route.ts';
import { useNetworkOnline } from '../../ui/use-network-online.ts';
import { backOfficeProblemOf, type BackOfficeProblem } from './back-office-problem.ts';
import type { BackOfficeSession } from './back-office-client.ts';
import { BackOfficeNav } from './back-office-nav.tsx';
import { closeBackOfficeSession, openBackOfficeSession, useBackOfficeSessionStore } from './back-office-session-store.ts';
import { BackOfficeSignIn } from './back-office-sign-in.tsx';

/** The server's staff sessions last 15 minutes by default; a clock running behind must not stretch one. */
const MAX_SESSION_MS = 60 * 60_000;

export interface BackOfficeBodyProps {
  session: BackOfficeSession;
  /** A call answered that the session is over (or the role may no longer): back to the PIN, with why. */
  onRefused: (error: unknown) => void;
}

interface BackOfficeGateProps {
  page: 'products' | 'staff' | 'settings' | 'import' | 'quick-keys' | 'incidents';
  permission: Permission;
  titleKey: string;
  testId: string;
  /** What the page is for, shown under its title before the PIN too. */
  intro?: ReactNode;
  children: (props: BackOfficeBodyProps) => ReactNode;
}

export function BackOfficeGate({ page, permission, titleKey, testId, intro, children }: BackOfficeGateProps) {
  const { t } = useTranslation();
  const mayManage = useHoldsPermission(useDatabase(), permission);
  const staff = useStaffSessionStore((state) => state.staff);
  if (mayManage === undefined) return <p role="status">{t('backOffice.loading')}</p>;
  return (
    <section className="screen back-office" data-testid={mayManage && staff ? testId : 'back-office-managers-only'}>
      <BackOfficeNav current={page} />
      <h1>{t(titleKey)}</h1>
      {!mayManage || !staff ? (
        <p className="notice">{t('backOffice.notYourRole')}</p>
      ) : (
        <>
          {intro}
          <GateBody staff={staff}>{children}</GateBody>
        </>
      )}
    </section>
  );
}

function GateBody({ staff, children }: { staff: SignedInStaff; children: BackOfficeGateProps['children'] }) {
  const { t } = useTranslation();
  const online = useNetworkOnline();
  const enrolment = useEnrolment();
  if (!online) {
    return (
      <p className="notice" data-testid="back-office-offline">
        {t('backOffice.offlineManage')}
      </p>
    );
  }
  if (enrolment.state === 'loading') return <p role="status">{t('backOffice.loading')}</p>;
  if (enrolment.state === 'none') return <p data-testid="back-office-not-enrolled">{t('backOffice.notEnrolled')}</p>;
  if (enrolment.identity.revokedAt !== undefined) {
    return (
      <p className="error" role="alert" data-testid="back-office-revoked">
        {t('backOffice.revoked')}
      </p>
    );
  }
  return (
    <SignedIn identity={enrolment.identity} staff={staff}>
      {children}
    </SignedIn>
  );
}

function SignedIn({ identity, staff, children }: { identity: DeviceIdentity; staff: SignedInStaff; children: BackOfficeGateProps['children'] }) {
  const { t, i18n } = useTranslation();
  const stored = useBackOfficeSessionStore((state) => state.session);
  // A session opened by someone else at this till is not this person's.
  const session = stored !== null && stored.staffId === staff.id ? stored : null;
  const [busy, setBusy] = useState(false);
  const [answered, setAnswered] = useState(0);
  const [problem, setProblem] = useState<BackOfficeProblem>();

  useEffect(() => {
    if (stored !== null && stored.staffId !== staff.id) closeBackOfficeSession();
  }, [stored, staff.id]);
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(
      () => {
        closeBackOfficeSession();
        setProblem({ kind: 'sessionEnded' });
      },
      Math.min(MAX_SESSION_MS, Math.max(60_000, Date.parse(session.expiresAt) - Date.now())),
    );
    return () => clearTimeout(timer);
  }, [session]);

  const signIn = async (pin: string) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const opened = await openStaffSession(identity.serverUrl, identity.token, staff.id, pin);
      openBackOfficeSession({ staffId: staff.id, token: opened.token, expiresAt: opened.expiresAt });
    } catch (error) {
      console.warn('Signing in to the back office failed', error);
      setProblem(backOfficeProblemOf(error, 'signIn'));
    } finally {
      setBusy(false);
      setAnswered((count) => count + 1);
    }
  };
  const onRefused = (error: unknown) => {
    console.warn('A back-office call was refused', error);
    const kind = backOfficeProblemOf(error, 'import');
    if (error instanceof StaffApiError && (error.status === 401 || error.status === 403)) closeBackOfficeSession();
    setProblem(kind);
  };

  return (
    <>
      {problem && (
        <p className="error" role="alert" data-testid="back-office-sign-in-problem" data-kind={problem.kind}>
          {t(`backOffice.problem.${problem.kind}`, { minutes: 'minutes' in problem ? problem.minutes : 0 })}
        </p>
      )}
      {session ? (
        <>
          <p className="back-office-signed-in" data-testid="back-office-signed-in">
            {t('backOffice.signedInAs', { name: staff.name })}{' '}
            <button type="button" data-testid="back-office-sign-out" onClick={closeBackOfficeSession}>
              {t('backOffice.signOut')}
            </button>
          </p>
          {children({ session: { serverUrl: identity.serverUrl, token: session.token, language: i18n.resolvedLanguage ?? i18n.language }, onRefused })}
        </>
      ) : (
        <BackOfficeSignIn name={staff.name} busy={busy} answered={answered} onSignIn={(pin) => void signIn(pin)} />
      )}
    </>
  );
}
