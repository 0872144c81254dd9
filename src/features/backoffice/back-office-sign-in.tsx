import { useTranslation } from 'react-i18next';
import { PinPad } from '../../ui/pin-pad.tsx';

interface BackOfficeSignInProps {
  name: string;
  busy: boolean;
  /** Answered sign-in attempts so far, for tests and screen readers to know a check is done. */
  answered: number;
  onSignIn: (pin: string) => void;
}

/** The person signed in at the till types their PIN again: the server checks it and opens a short staff session. */
export function BackOfficeSignIn({ name, busy, answered, onSignIn }: BackOfficeSignInProps) {
  const { t } = useTranslation();
  return (
    <div className="back-office-sign-in" data-testid="back-office-sign-in" data-answered={answered}>
      <p>{t('backOffice.signInHint', { name })}</p>
      <PinPad busy={busy} onSubmit={onSignIn} />
    </div>
  );
}
