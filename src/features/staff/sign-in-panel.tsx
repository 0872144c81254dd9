import { useTranslation } from 'react-i18next';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import type { StaffDirectory } from '../../session/use-staff-directory.ts';
import { SIGN_IN_PURPOSE } from './check-staff-pin.ts';
import { signInStaff } from './staff-actions.ts';
import { StaffPinEntry } from './staff-pin-entry.tsx';
import type { StaffServices } from './use-staff-services.ts';

interface SignInPanelProps {
  services: StaffServices & { directory: StaffDirectory; database: NonNullable<StaffServices['database']> };
  /** After a successful sign-in (the quick switch closes its dialog). */
  onSignedIn?: () => void;
}

/** The store's active staff; the chosen person signs in with their own PIN, online or not. */
export function SignInPanel({ services, onSignedIn }: SignInPanelProps) {
  const { t } = useTranslation();
  const current = useStaffSessionStore((state) => state.staff);
  const candidates = services.directory.staff.filter((member) => member.id !== current?.id);
  return (
    <section className="panel sign-in-panel" data-testid="staff-sign-in" aria-labelledby="staff-sign-in-title">
      <h2 id="staff-sign-in-title">{current ? t('staff.switchTitle', { name: current.name }) : t('staff.signInTitle')}</h2>
      <StaffPinEntry
        services={services}
        candidates={candidates}
        purpose={SIGN_IN_PURPOSE}
        onAccepted={async (member) => {
          await signInStaff(services, member);
          onSignedIn?.();
        }}
      />
    </section>
  );
}
