import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../domain/permissions.ts';
import { PinPad } from '../../ui/pin-pad.tsx';
import { StaffChoices } from '../../ui/staff-choices.tsx';

export interface DevicesSignInPerson {
  id: string;
  name: string;
  role: Role;
}

interface DevicesSignInProps {
  /** Everyone active on the store's staff list; the server decides who may manage devices. */
  people: DevicesSignInPerson[];
  busy: boolean;
  /** Answered sign-in attempts so far, for tests and screen readers to know a check is done. */
  answered: number;
  onSignIn: (person: DevicesSignInPerson, pin: string) => void;
}

/** Pick a person and type their PIN: the PIN goes to the server, which checks it and counts wrong tries. */
export function DevicesSignIn({ people, busy, answered, onSignIn }: DevicesSignInProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<DevicesSignInPerson>();
  return (
    <div className="devices-sign-in" data-testid="devices-sign-in" data-answered={answered}>
      <p>{t('settings.devices.signInHint')}</p>
      <StaffChoices people={people} chosenId={chosen?.id} testIdPrefix="devices-staff-" disabled={busy} onChoose={setChosen} />
      {chosen && (
        <>
          <p>{t('staff.enterPinFor', { name: chosen.name })}</p>
          <PinPad key={chosen.id} busy={busy} onSubmit={(pin) => onSignIn(chosen, pin)} />
        </>
      )}
    </div>
  );
}
