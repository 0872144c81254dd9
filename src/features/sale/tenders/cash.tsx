import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoneyInput } from '../../../domain/money-format.ts';
import { suggestCashAmounts } from '../../../domain/tender-cash.ts';
import { useMoney, useSaleSettings } from '../sale-settings-context.ts';
import type { TenderForm } from '../../../ui/tender-form.ts';

/** Cash as the customer hands it over: one tap on the likely banknote amount, or typed. */
export function CashTender({ remaining, onTender }: { readonly remaining: number; readonly onTender: (amount: number) => void }) {
  const { t, i18n } = useTranslation();
  const { currency } = useSaleSettings();
  const money = useMoney();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseMoneyInput(typed, currency, i18n.language);
    if (!parsed.ok || parsed.amount <= 0) return setProblem(true);
    setProblem(false);
    setTyped('');
    onTender(parsed.amount);
  };
  return (
    <div className="tender-cash">
      <div className="quick-amounts">
        {suggestCashAmounts(remaining).map((amount) => (
          <button key={amount} type="button" onClick={() => onTender(amount)} data-testid="cash-quick" data-amount={amount}>
            {money(amount)}
          </button>
        ))}
      </div>
      <form onSubmit={submit}>
        <input value={typed} onChange={(event) => setTyped(event.target.value)} inputMode="numeric" aria-label={t('sale.pay.cashGiven')} placeholder={t('sale.pay.cashGiven')} data-testid="cash-amount" />
        <button type="submit" data-testid="cash-add">{t('sale.pay.add')}</button>
      </form>
      {problem && <p role="alert" className="error">{t('sale.pay.badAmount')}</p>}
    </div>
  );
}

/** Cash, with change: the quick amounts are what is left to pay in cash (rounded when the store rounds cash). */
export const cashTender: TenderForm = {
  id: 'cash',
  order: 10,
  method: 'cash',
  Form: ({ remainingInCash, take }) => <CashTender remaining={remainingInCash} onTender={(amount) => take({ method: 'cash', amount })} />,
};
