/*
 * The back office's staff (issue 14), for holders of `staff.edit`: the store's people (read from the server
 * with TanStack Query), adding one (name and role; a PIN now, or they choose it at their first sign-in on a
 * tablet), changing a role, deactivating or reactivating, resetting a forgotten PIN. Each change reaches the
 * store's tablets through sync: a deactivated cashier can no longer sign in. Online only.
 * A manager of several stores, or an owner, picks the store first: the picker lists only the stores whose own
 * config gives them staff.edit (GET /backoffice/staff/stores), and shows only when there is more than one.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, ROLES_BY_RANK, type Role } from '../../domain/permissions.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { callBackOffice, readBackOffice } from './back-office-client.ts';
import { BackOfficeGate, type BackOfficeBodyProps } from './back-office-gate.tsx';

interface HeldStore {
  id: string;
  name: string;
}

interface Member {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  pinSetRequired: boolean;
}

export function StaffScreen() {
  return (
    <BackOfficeGate page="staff" permission={PERMISSIONS.manageStaff} titleKey="backOffice.staff.title" testId="back-office-staff">
      {(props) => <StaffBody {...props} />}
    </BackOfficeGate>
  );
}

export function StaffBody({ session, onRefused }: BackOfficeBodyProps) {
  const { t } = useTranslation();
  const me = useStaffSessionStore((state) => state.staff?.id);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [storeId, setStoreId] = useState<string>();
  const stores = useQuery({
    queryKey: ['back-office', 'staff-stores', session.serverUrl],
    queryFn: () => readBackOffice<{ stores: HeldStore[] }>(session, '/backoffice/staff/stores'),
    retry: false,
  });
  // The session's own store comes first; without the list (an older server) the page manages that store only.
  const held = stores.data?.stores ?? [];
  /** A staff path for the chosen store (the session's own store needs no storeId). */
  const inStore = (path: string) => (storeId === undefined ? path : `${path}?${new URLSearchParams({ storeId })}`);
  const list = useQuery({
    queryKey: ['back-office', 'staff', session.serverUrl, storeId ?? 'own'],
    queryFn: () => readBackOffice<{ staff: Member[] }>(session, inStore('/backoffice/staff')),
    retry: false,
  });

  const change = async (member: Member, path: string, method: 'PATCH' | 'POST', body: object | undefined, done: string) => {
    setProblem(undefined);
    setNotice(undefined);
    try {
      const answer = await callBackOffice<{ member: Member }>(session, method, inStore(path), body);
      if (!answer.ok) {
        setProblem(answer.message);
        return;
      }
      setNotice(t(done, { name: member.name }));
      await queryClient.invalidateQueries({ queryKey: ['back-office', 'staff'] });
    } catch (error) {
      onRefused(error);
    }
  };

  return (
    <div className="back-office-staff">
      {held.length > 1 && (
        <label className="back-office-field">
          <span>{t('backOffice.staff.store')}</span>
          <select
            data-testid="staff-store"
            value={storeId ?? held[0]?.id}
            onChange={(event) => {
              setNotice(undefined);
              setProblem(undefined);
              setStoreId(event.target.value === held[0]?.id ? undefined : event.target.value);
            }}
          >
            {held.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {notice && (
        <p className="notice" role="status" data-testid="staff-notice">
          {notice}
        </p>
      )}
      {problem && (
        <p className="error" role="alert" data-testid="staff-problem">
          {problem}
        </p>
      )}
      {list.isPending ? (
        <p role="status">{t('backOffice.staff.loading')}</p>
      ) : list.error ? (
        <p className="error" role="alert">
          {t('backOffice.problem.serverError')}
        </p>
      ) : (
        <table className="back-office-table" data-testid="staff-table">
          <thead>
            <tr>
              <th>{t('backOffice.staff.name')}</th>
              <th>{t('backOffice.staff.role')}</th>
              <th>{t('backOffice.staff.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.staff.map((member) => (
              <tr key={member.id} data-testid="staff-row" data-staff-id={member.id} data-active={member.active} className={member.active ? undefined : 'inactive'}>
                <td>{member.name}</td>
                <td>
                  <select
                    aria-label={t('backOffice.staff.roleOf', { name: member.name })}
                    data-testid="staff-role"
                    value={member.role}
                    disabled={member.id === me}
                    onChange={(event) => void change(member, `/backoffice/staff/${encodeURIComponent(member.id)}`, 'PATCH', { role: event.target.value }, 'backOffice.staff.roleChanged')}
                  >
                    {ROLES_BY_RANK.map((role) => (
                      <option key={role} value={role}>
                        {t(`backOffice.staff.roles.${role}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {member.active ? t('backOffice.staff.active') : t('backOffice.staff.inactive')}
                  {member.pinSetRequired && member.active && <span className="back-office-tag"> · {t('backOffice.staff.pinToChoose')}</span>}
                </td>
                <td className="back-office-row-actions">
                  <button
                    type="button"
                    data-testid={member.active ? 'staff-deactivate' : 'staff-reactivate'}
                    disabled={member.id === me}
                    onClick={() =>
                      void change(member, `/backoffice/staff/${encodeURIComponent(member.id)}`, 'PATCH', { active: !member.active }, member.active ? 'backOffice.staff.deactivated' : 'backOffice.staff.reactivated')
                    }
                  >
                    {member.active ? t('backOffice.staff.deactivate') : t('backOffice.staff.reactivate')}
                  </button>
                  {member.active && (
                    <button type="button" data-testid="staff-reset-pin" onClick={() => void change(member, `/backoffice/staff/${encodeURIComponent(member.id)}/pin-reset`, 'POST', undefined, 'backOffice.staff.pinReset')}>
                      {t('backOffice.staff.resetPin')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddStaffForm
        onAdd={async (person) => {
          setProblem(undefined);
          setNotice(undefined);
          try {
            const answer = await callBackOffice<{ member: Member }>(session, 'POST', inStore('/backoffice/staff'), person);
            if (!answer.ok) return answer.message;
            setNotice(t('backOffice.staff.added', { name: answer.value.member.name }));
            await queryClient.invalidateQueries({ queryKey: ['back-office', 'staff'] });
            return undefined;
          } catch (error) {
            onRefused(error);
            return undefined;
          }
        }}
      />
    </div>
  );
}

function AddStaffForm({ onAdd }: { onAdd: (person: { name: string; role: Role; pin?: string }) => Promise<string | undefined> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('cashier');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const refused = await onAdd({ name, role, ...(pin === '' ? {} : { pin }) });
    setBusy(false);
    setProblem(refused);
    if (refused === undefined) {
      setName('');
      setPin('');
    }
  };
  return (
    <form className="back-office-form" data-testid="staff-add" onSubmit={(event) => void submit(event)}>
      <h2>{t('backOffice.staff.add')}</h2>
      {problem && (
        <p className="error" role="alert" data-testid="staff-add-problem">
          {problem}
        </p>
      )}
      <label className="back-office-field">
        <span>{t('backOffice.staff.name')}</span>
        <input data-testid="staff-add-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <label className="back-office-field">
        <span>{t('backOffice.staff.role')}</span>
        <select data-testid="staff-add-role" value={role} onChange={(e) => setRole(ROLES_BY_RANK.find((r) => r === e.target.value) ?? 'cashier')}>
          {ROLES_BY_RANK.map((r) => (
            <option key={r} value={r}>
              {t(`backOffice.staff.roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="back-office-field">
        <span>{t('backOffice.staff.pin')}</span>
        <input data-testid="staff-add-pin" type="password" inputMode="numeric" autoComplete="off" pattern="[0-9]{4,8}" value={pin} onChange={(e) => setPin(e.target.value)} />
        <span className="hint">{t('backOffice.staff.pinHint')}</span>
      </label>
      <div className="back-office-actions">
        <button type="submit" className="primary" data-testid="staff-add-submit" disabled={busy}>
          {t('backOffice.staff.addButton')}
        </button>
      </div>
    </form>
  );
}
