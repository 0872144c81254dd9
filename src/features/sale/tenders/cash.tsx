import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoneyInput } from '../../../domain/money-format.ts';
import { suggestCashAmounts } from '../../../domain/tender-cash.ts';
import { useKeypadTarget } from '../../../ui/keypad-target.ts';
import { moneyDecimalSeparator } from '../keypad-separators.ts';
import { useMoney, useSaleSettings } from '../../../data/sale-settings-context.ts';
import type { TenderForm } from '../../../ui/tender-form.ts';

/**
 * Cash as the customer hands it over: one tap on the exact amount or on the next amounts the store's banknotes
 * make (what is due rounded up to a 10,000, 20,000 ... 500,000 dong note), or typed on the counter's keypad
 * (the field registers with it: src/ui/keypad-target.ts) or a keyboard.
 */
export function CashTender({ remaining, onTender }: { readonly remaining: number; readonly onTender: (amount: number) => void }) {
  const { t, i18n } = useTranslation();
  const { currency, banknotes } = useSaleSettings();
  const money = useMoney();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const label = t('sale.pay.cashGiven');
  useKeypadTarget(field, { decimalSeparator: moneyDecimalSeparator(currency, i18n.language), label, enterLabel: t('sale.pay.add') });
  const amounts = useMemo(() => suggestCashAmounts(remaining, banknotes), [remaining, banknotes]);
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
      <div className="quick-amounts" role="group" aria-label={t('sale.quickCash.label')}>
        {amounts.map((amount, index) => (
          <button key={amount} type="button" onClick={() => onTender(amount)} data-testid="cash-quick" data-amount={amount} data-exact={index === 0}>
            {index === 0 && <span className="quick-amount-exact">{t('sale.quickCash.exact')}</span>}
            {money(amount)}
          </button>
        ))}
      </div>
      <form onSubmit={submit}>
        {/* No on-screen keyboard of the system over the counter's own keypad; a physical keyboard types as usual. */}
        <input ref={field} value={typed} onChange={(event) => setTyped(event.target.value)} inputMode="none" aria-label={label} placeholder={label} data-testid="cash-amount" />
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
