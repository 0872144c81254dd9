/*
 * The back office's catalog import (issue 14), for whoever holds `catalog.manage` (managers by default):
 * the person signed in at the till types their PIN again for a short staff session on the server, then
 * uploads the chain's catalog as CSV or .xlsx (README "Catalog import"). Online only: the import is the
 * server's, and nothing is queued. The staff token stays in this screen's state: never in IndexedDB or
 * localStorage, gone at sign-out, at its expiry, when the person at the till changes and when the screen
 * closes. The imported products reach every tablet through sync like any catalog change.
 */
import './backoffice.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import { useStaffSessionStore, type SignedInStaff } from '../../session/staff-session-store.ts';
import { PERMISSIONS } from '../../domain/permissions.ts';
import { useHoldsPermission } from '../../session/use-holds-permission.ts';
import { useEnrolment } from '../../sync/use-enrolment.ts';
import type { DeviceIdentity } from '../../sync/sync-database.ts';
import { useNetworkOnline } from '../../ui/use-network-online.ts';
import { openStaffSession } from '../../sync/staff-api.ts';
import { backOfficeProblemOf, type BackOfficeProblem } from './back-office-problem.ts';
import { BackOfficeSignIn } from './back-office-sign-in.tsx';
import { CatalogImportForm } from './catalog-import-form.tsx';

/** The server's staff sessions last 15 minutes by default; a clock running behind must not stretch one. */
const MAX_SESSION_MS = 60 * 60_000;

export function CatalogImportScreen() {
  const { t } = useTranslation();
  const mayManage = useHoldsPermission(useDatabase(), PERMISSIONS.manageCatalog);
  const staff = useStaffSessionStore((state) => state.staff);
  if (mayManage === undefined) return <p role="status">{t('backOffice.loading')}</p>;
  if (!mayManage || !staff) {
    return (
      <section className="screen" data-testid="back-office-managers-only">
        <h1>{t('backOffice.import.title')}</h1>
        <p className="notice">{t('backOffice.managersOnly')}</p>
      </section>
    );
  }
  return (
    <section className="screen back-office" data-testid="catalog-import">
      <h1>{t('backOffice.import.title')}</h1>
      <p>{t('backOffice.import.intro')}</p>
      <p className="notice" data-testid="import-all-or-nothing">
        {t('backOffice.import.allOrNothing')}
      </p>
      {/* A new person at the till starts without the last one's server session. */}
      <CatalogImportBody key={staff.id} staff={staff} />
    </section>
  );
}

function CatalogImportBody({ staff }: { staff: SignedInStaff }) {
  const { t } = useTranslation();
  const online = useNetworkOnline();
  const enrolment = useEnrolment();
  if (!online) {
    return (
      <p className="notice" data-testid="back-office-offline">
        {t('backOffice.offline')}
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
  return <SignedInImport identity={enrolment.identity} staff={staff} />;
}

interface StaffSession {
  token: string;
  expiresAt: string;
}

function SignedInImport({ identity, staff }: { identity: DeviceIdentity; staff: SignedInStaff }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<StaffSession>();
  const [busy, setBusy] = useState(false);
  const [answered, setAnswered] = useState(0);
  const [problem, setProblem] = useState<BackOfficeProblem>();

  // The staff token ends with its session on the server (never in less than a minute as this tablet's
  // clock reads it: a clock running ahead must not end a fresh sign-in).
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => {
      setSession(undefined);
      setProblem({ kind: 'sessionEnded' });
    }, Math.min(MAX_SESSION_MS, Math.max(60_000, Date.parse(session.expiresAt) - Date.now())));
    return () => clearTimeout(timer);
  }, [session]);

  const signIn = async (pin: string) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const opened = await openStaffSession(identity.serverUrl, identity.token, staff.id, pin);
      setSession({ token: opened.token, expiresAt: opened.expiresAt });
    } catch (error) {
      console.warn('Signing in to the back office failed', error);
      setProblem(backOfficeProblemOf(error, 'signIn'));
    } finally {
      setBusy(false);
      setAnswered((count) => count + 1);
    }
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
            <button type="button" data-testid="back-office-sign-out" onClick={() => setSession(undefined)}>
              {t('backOffice.signOut')}
            </button>
          </p>
          <CatalogImportForm
            serverUrl={identity.serverUrl}
            staffToken={session.token}
            onSessionEnded={(ended) => {
              setSession(undefined);
              setProblem(ended);
            }}
          />
        </>
      ) : (
        <BackOfficeSignIn name={staff.name} busy={busy} answered={answered} onSignIn={(pin) => void signIn(pin)} />
      )}
    </>
  );
}
