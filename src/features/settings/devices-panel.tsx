/*
 * "Devices of this store" in Settings: a manager (whoever holds 'device.revoke' in the store's permission
 * table; the server decides) signs in on the spot with their PIN, sees the store's tablets and revokes a
 * lost or stolen one. Online only: the list lives on the server (TanStack Query, dropped from the cache when
 * the person signs out or leaves Settings). The staff token the sign-in returns stays in this component's
 * state: never in IndexedDB or localStorage, gone at sign-out, at its expiry and when the panel closes.
 * Each revocation is written to the audit trail (device.revoke, by the signed-in person), which the server
 * accepts only from someone holding that permission.
 */
import './devices-panel.css';
import { useContext, useEffect, useState } from 'react';
import { QueryClientContext, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { recordAudit } from '../../data/audit-log.ts';
import { DatabaseContext } from '../../data/database-context.ts';
import type { PosDatabase } from '../../data/database.ts';
import { approverRoles, PERMISSIONS } from '../../domain/permissions.ts';
import { useNetworkOnline } from '../../ui/use-network-online.ts';
import { SyncDatabaseContext } from '../../sync/sync-database-context.ts';
import type { DeviceIdentity, SyncDatabase } from '../../sync/sync-database.ts';
import { useStaffDirectory, type StaffDirectory } from '../../session/use-staff-directory.ts';
import { openStaffSession } from '../../sync/staff-api.ts';
import { fetchStoreDevices, revokeStoreDevice, type StoreDevice } from './devices-api.ts';
import { DevicesList } from './devices-list.tsx';
import { devicesProblemOf, type DevicesProblem } from './devices-problem.ts';
import { DevicesSignIn, type DevicesSignInPerson } from './devices-sign-in.tsx';
import { useThisDevice } from './use-this-device.ts';

const DEVICES_KEY = 'store-devices';
/** The server's staff sessions last 15 minutes by default; a clock running behind must not stretch one. */
const MAX_SESSION_MS = 60 * 60_000;

/**
 * Read with useContext rather than the throwing hooks, as the drawer test does: Settings opens before the
 * device database and on a device that is not enrolled.
 */
export function DevicesPanel() {
  const { t } = useTranslation();
  const queryClient = useContext(QueryClientContext);
  const syncDatabase = useContext(SyncDatabaseContext);
  const databaseStatus = useContext(DatabaseContext);
  const database = databaseStatus?.state === 'ready' ? databaseStatus.database : undefined;
  return (
    <section className="panel devices-panel" data-testid="devices-panel">
      <h2>{t('settings.devices.title')}</h2>
      {queryClient && syncDatabase ? (
        <DevicesPanelBody syncDatabase={syncDatabase} database={database} />
      ) : (
        <p data-testid="devices-not-enrolled">{t('settings.devices.notEnrolled')}</p>
      )}
    </section>
  );
}

function DevicesPanelBody({ syncDatabase, database }: { syncDatabase: SyncDatabase; database: PosDatabase | undefined }) {
  const { t } = useTranslation();
  const online = useNetworkOnline();
  const thisDevice = useThisDevice(syncDatabase);
  const directory = useStaffDirectory(database);
  if (!online) {
    return (
      <p className="notice" data-testid="devices-offline">
        {t('settings.devices.offline')}
      </p>
    );
  }
  if (thisDevice.state === 'loading') return <p role="status">{t('settings.devices.loading')}</p>;
  if (thisDevice.state === 'none') return <p data-testid="devices-not-enrolled">{t('settings.devices.notEnrolled')}</p>;
  if (thisDevice.identity.revokedAt !== undefined) {
    return (
      <p className="error" role="alert" data-testid="devices-this-revoked">
        {t('settings.devices.thisRevoked')}
      </p>
    );
  }
  if (!database || !directory) return <p role="status">{t('settings.devices.loadingStaff')}</p>;
  return <DevicesAdmin identity={thisDevice.identity} database={database} directory={directory} />;
}

interface SignedIn {
  token: string;
  staffId: string;
  name: string;
  expiresAt: string;
}

interface ShownProblem {
  problem: DevicesProblem;
  name: string;
}

type Notice = { kind: 'revoked' | 'revokedNotRecorded'; name: string };

function DevicesAdmin({ identity, database, directory }: { identity: DeviceIdentity; database: PosDatabase; directory: StaffDirectory }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [session, setSession] = useState<SignedIn>();
  const [busy, setBusy] = useState(false);
  const [answered, setAnswered] = useState(0);
  const [shown, setShown] = useState<ShownProblem>();
  const [notice, setNotice] = useState<Notice>();
  const { serverUrl } = identity;
  const keyFor = (who: SignedIn | undefined) => [DEVICES_KEY, identity.deviceId, who?.staffId ?? '', who?.expiresAt ?? ''];

  const devices = useQuery({
    queryKey: keyFor(session),
    queryFn: ({ signal }) => (session ? fetchStoreDevices(serverUrl, session.token, signal) : Promise.resolve([])),
    enabled: session !== undefined,
    retry: false,
    staleTime: 10_000,
  });

  const signOut = () => {
    setSession(undefined);
    queryClient.removeQueries({ queryKey: [DEVICES_KEY] });
  };

  // The staff token ends with its session on the server (as this tablet's clock reads it, but never in
  // less than a minute: a clock running ahead must not end a fresh sign-in); the list leaves the cache with
  // the panel.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => {
      setSession(undefined);
      queryClient.removeQueries({ queryKey: [DEVICES_KEY] });
      setShown({ problem: { kind: 'sessionEnded' }, name: session.name });
    }, Math.min(MAX_SESSION_MS, Math.max(60_000, Date.parse(session.expiresAt) - Date.now())));
    return () => clearTimeout(timer);
  }, [session, queryClient]);
  useEffect(() => () => queryClient.removeQueries({ queryKey: [DEVICES_KEY] }), [queryClient]);

  const signIn = async (person: DevicesSignInPerson, pin: string) => {
    setBusy(true);
    setShown(undefined);
    setNotice(undefined);
    let step: 'signIn' | 'list' = 'signIn';
    try {
      const opened = await openStaffSession(serverUrl, identity.token, person.id, pin);
      const next: SignedIn = { token: opened.token, staffId: opened.staffId, name: person.name, expiresAt: opened.expiresAt };
      // Asked at once, so a person without the permission hears it here and the token is dropped.
      step = 'list';
      const list = await fetchStoreDevices(serverUrl, next.token);
      queryClient.setQueryData(keyFor(next), list);
      setSession(next);
    } catch (error) {
      console.warn('Signing in to manage devices failed', error);
      setShown({ problem: devicesProblemOf(error, step), name: person.name });
    } finally {
      setBusy(false);
      setAnswered((count) => count + 1);
    }
  };

  const revoke = useMutation({
    mutationFn: (device: StoreDevice) => {
      if (!session) throw new Error('Revoking a device needs a signed-in person');
      return revokeStoreDevice(serverUrl, session.token, device.id);
    },
    onMutate: () => {
      setShown(undefined);
      setNotice(undefined);
    },
    onSuccess: async (_answer, device) => {
      if (!session) return;
      try {
        await recordAudit(database, { storeId: identity.storeId, deviceId: identity.deviceId }, {
          action: 'device.revoke',
          staffId: session.staffId,
          subjectId: device.id,
          details: { deviceName: device.name },
        });
        setNotice({ kind: 'revoked', name: device.name });
      } catch (error) {
        console.error('The device was revoked but the audit entry could not be written', device.id, error);
        setNotice({ kind: 'revokedNotRecorded', name: device.name });
      }
    },
    onError: (error) => {
      console.warn('Revoking a device failed', error);
      const problem = devicesProblemOf(error, 'revoke');
      setShown({ problem, name: session?.name ?? '' });
      if (problem.kind === 'sessionEnded' || problem.kind === 'notAllowed') setSession(undefined);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: [DEVICES_KEY] }),
  });

  const listProblem = devices.error ? devicesProblemOf(devices.error, 'list') : undefined;
  const problem: ShownProblem | undefined = shown ?? (listProblem && { problem: listProblem, name: session?.name ?? '' });
  const holders = approverRoles(PERMISSIONS.revokeDevice, directory.permissions).map((role) => t(`staff.roles.${role}`));
  const people = directory.staff.map(({ id, name, role }) => ({ id, name, role }));
  return (
    <>
      {!session && (
        <>
          <p>{holders.length > 0 ? t('settings.devices.whoMay', { roles: holders.join(', ') }) : t('settings.devices.nobodyMay')}</p>
          <DevicesSignIn people={people} busy={busy} answered={answered} onSignIn={(person, pin) => void signIn(person, pin)} />
        </>
      )}
      {problem && (
        <p className="error" role="alert" data-testid="devices-problem" data-kind={problem.problem.kind}>
          {t(`settings.devices.problem.${problem.problem.kind}`, {
            name: problem.name,
            minutes: 'minutes' in problem.problem ? problem.problem.minutes : 0,
          })}
        </p>
      )}
      {session && (
        <>
          <p className="devices-signed-in" data-testid="devices-signed-in" data-staff-id={session.staffId}>
            {t('settings.devices.signedInAs', { name: session.name })}{' '}
            <button type="button" data-testid="devices-sign-out" onClick={signOut}>
              {t('settings.devices.signOut')}
            </button>
          </p>
          {listProblem && (listProblem.kind === 'sessionEnded' || listProblem.kind === 'notAllowed') && (
            <button type="button" data-testid="devices-sign-in-again" onClick={signOut}>
              {t('settings.devices.signInAgain')}
            </button>
          )}
          {listProblem && listProblem.kind !== 'sessionEnded' && listProblem.kind !== 'notAllowed' && (
            <button type="button" data-testid="devices-retry" onClick={() => void devices.refetch()}>
              {t('settings.devices.retry')}
            </button>
          )}
          {devices.isPending && <p role="status">{t('settings.devices.loading')}</p>}
          {devices.data && (
            <DevicesList
              devices={devices.data}
              thisDeviceId={identity.deviceId}
              revoking={revoke.isPending ? revoke.variables?.id : undefined}
              onRevoke={(device) => revoke.mutate(device)}
            />
          )}
          {notice && (
            <p className={notice.kind === 'revoked' ? 'notice' : 'error'} role="status" data-testid="devices-notice" data-kind={notice.kind}>
              {t(`settings.devices.${notice.kind}`, { name: notice.name })}
            </p>
          )}
        </>
      )}
    </>
  );
}
