// Cash in or out of the drawer outside a sale, with a reason (and a note for "other").
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PosDatabase } from '../../data/database.ts';
import { parseMoneyInput } from '../../domain/money-format.ts';
import { CASH_MOVEMENT_REASONS } from '../../domain/shift-events.ts';
import { writeCashMovement } from './shift-writes.ts';
import type { ShiftWriteProblem } from './shift-writes.ts';
import type { TillSetup } from './till-setup.ts';

type Direction = 'cash_in' | 'cash_out';

export function CashMovementForm({ database, setup, staffId, onDone }: { database: PosDatabase; setup: TillSetup; staffId: string; onDone: (outcome: { ok: true; direction: Direction; amount: number } | { ok: false; problem: ShiftWriteProblem | 'writeFailed' | 'badAmount' }) => void }) {
  const { t, i18n } = useTranslation();
  const [direction, setDirection] = useState<Direction>('cash_out');
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState<string>('safe_drop');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const parsed = parseMoneyInput(amountText, setup.drawer.currency, i18n.language);
    if (!parsed.ok || parsed.amount <= 0) return onDone({ ok: false, problem: 'badAmount' });
    setBusy(true);
    try {
      const written = await writeCashMovement(database, setup, staffId, { direction, amount: parsed.amount, reason, ...(note.trim() === '' ? {} : { note }) });
      if (!written.ok) return onDone({ ok: false, problem: written.problem });
      setAmountText('');
      setNote('');
      onDone({ ok: true, direction, amount: parsed.amount });
    } catch (error) {
      console.error('Recording the cash movement failed', { direction, reason, error });
      onDone({ ok: false, problem: 'writeFailed' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="dayend-panel" data-testid="cash-movement">
      <h2>{t('dayEnd.cash.title')}</h2>
      <div className="dayend-row">
        <label>
          {t('dayEnd.cash.direction')}
          <select data-testid="cash-direction" value={direction} onChange={(event) => setDirection(event.target.value as Direction)}>
            <option value="cash_in">{t('dayEnd.cash.in')}</option>
            <option value="cash_out">{t('dayEnd.cash.out')}</option>
          </select>
        </label>
        <label>
          {t('dayEnd.cash.amount')}
          <input type="text" inputMode="numeric" data-testid="cash-amount" value={amountText} onChange={(event) => setAmountText(event.target.value)} />
        </label>
        <label>
          {t('dayEnd.cash.reason')}
          <select data-testid="cash-reason" value={reason} onChange={(event) => setReason(event.target.value)}>
            {CASH_MOVEMENT_REASONS.map((code) => (
              <option key={code} value={code}>
                {t(`dayEnd.cash.reasons.${code}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dayEnd.cash.note')}
          <input type="text" data-testid="cash-note" maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
        </label>
        <button type="button" data-testid="cash-submit" disabled={busy} onClick={() => void submit()}>
          {t('dayEnd.cash.record')}
        </button>
      </div>
    </section>
  );
}
