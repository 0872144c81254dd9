import './staff.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../domain/permissions.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import type { ScreenRoute } from '../../ui/screen-route.ts';
import { ApprovalDialog } from './approval-dialog.tsx';
import { NoSaleButton } from './no-sale-button.tsx';
import { SignInPanel } from './sign-in-panel.tsx';
import { signOutStaff } from './staff-actions.ts';
import { useIdleSignOut } from './use-idle-sign-out.ts';
import { useStaffServices } from './use-staff-services.ts';

/**
 * The header's staff corner: who is signed in, the quick switch to another cashier (who types their own
 * PIN), sign-out, the no-sale drawer button and a link to each screen for some roles only (the audit trail for
 * whoever holds `report.view`), to whoever holds its permission. It also hosts what must run once per page
 * whoever is signed in: the approval dialog and the idle sign-out.
 */
export function StaffHeaderControl({ screens, onOpen }: { screens: readonly ScreenRoute[]; onOpen: (path: string) => void }) {
  const { t } = useTranslation();
  const services = useStaffServices();
  const staff = useStaffSessionStore((state) => state.staff);
  const [switching, setSwitching] = useState(false);
  useIdleSignOut(services);
  const { database, directory } = services;
  if (!database || !directory) return null;

  const signOut = () => {
    setSwitching(false);
    signOutStaff({ database, identity: services.identity }, 'manual').catch((error: unknown) => console.error('Writing the sign-out to the audit trail failed', error));
  };

  return (
    <div className="staff-control" data-testid="staff-control">
      {staff ? (
        <>
          <span data-testid="signed-in-staff" data-staff-id={staff.id}>
            {staff.name} · {t(`staff.roles.${staff.role}`)}
          </span>
          <button type="button" data-testid="staff-switch" onClick={() => setSwitching(true)}>
            {t('staff.switch')}
          </button>
          <button type="button" data-testid="staff-sign-out" onClick={signOut}>
            {t('staff.signOut')}
          </button>
          <NoSaleButton services={services} />
          {screens.map(({ id, path, restrictedTo }) =>
            restrictedTo && can(staff.role, restrictedTo.permission, directory.permissions) ? (
              <button key={id} type="button" data-testid={`open-${id}`} onClick={() => onOpen(path)}>
                {t(restrictedTo.openKey)}
              </button>
            ) : null,
          )}
        </>
      ) : (
        <span data-testid="signed-in-staff" data-staff-id="">
          {t('staff.nobodySignedIn')}
        </span>
      )}
      {switching && staff && (
        <div className="dialog-backdrop">
          <div className="dialog" role="dialog" aria-modal="true" data-testid="staff-switch-dialog">
            <SignInPanel services={{ ...services, database, directory }} onSignedIn={() => setSwitching(false)} />
            <button type="button" data-testid="staff-switch-cancel" onClick={() => setSwitching(false)}>
              {t('staff.cancel')}
            </button>
          </div>
        </div>
      )}
      <ApprovalDialog services={services} />
    </div>
  );
}
