import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './pin-pad.css';

interface PinPadProps {
  busy: boolean;
  onSubmit: (pin: string) => void;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/** Digits on screen for a touch till, and a masked field for a keyboard; the PIN stays in this component. */
export function PinPad({ busy, onSubmit }: PinPadProps) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pin.length === 0 || busy) return;
    onSubmit(pin);
    setPin('');
  };
  return (
    <form className="pin-pad" onSubmit={submit}>
      <input
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        maxLength={8}
        aria-label={t('staff.pin')}
        data-testid="pin-input"
        value={pin}
        disabled={busy}
        onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
      />
      <div className="pin-pad-keys">
        {DIGITS.map((digit) => (
          <button key={digit} type="button" data-testid={`pin-digit-${digit}`} disabled={busy} onClick={() => setPin((p) => (p + digit).slice(0, 8))}>
            {digit}
          </button>
        ))}
        <button type="button" data-testid="pin-clear" disabled={busy} onClick={() => setPin('')}>
          {t('staff.clear')}
        </button>
        <button type="submit" data-testid="pin-submit" disabled={busy || pin.length === 0}>
          {busy ? t('staff.checking') : t('staff.confirm')}
        </button>
      </div>
    </form>
  );
}
