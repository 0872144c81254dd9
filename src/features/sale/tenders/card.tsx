import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoneyInput, formatMoneyAmount } from '../../../domain/money-format.ts';
import { useSaleSettings } from '../../../data/sale-settings-context.ts';
import type { TenderForm } from '../../../ui/tender-form.ts';
import { useKeypadTarget } from '../../../ui/keypad-target.ts';
import { moneyDecimalSeparator } from '../keypad-separators.ts';

/**
 * A card paid on the store's external terminal: the amount charged there and the reference on its slip.
 * Never a card number (the domain refuses anything that looks like one, and says so). The amount is typed on
 * the counter's keypad (it registers with it: src/ui/keypad-target.ts) or a keyboard; it starts at what is due,
 * selected, so the first key typed replaces it.
 */
export function CardTender({ remaining, onTender }: { readonly remaining: number; readonly onTender: (amount: number, reference: string) => void }) {
  const { t, i18n } = useTranslation();
  const { currency } = useSaleSettings();
  const [amount, setAmount] = useState(formatMoneyAmount(remaining, currency, i18n.language));
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState(false);
  const amountField = useRef<HTMLInputElement>(null);
  useKeypadTarget(amountField, { decimalSeparator: moneyDecimalSeparator(currency, i18n.language), label: t('sale.pay.cardAmount'), enterLabel: t('sale.pay.add') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseMoneyInput(amount, currency, i18n.language);
    if (!parsed.ok || parsed.amount <= 0) return setProblem(true);
    setProblem(false);
    onTender(parsed.amount, reference);
  };
  return (
    <form className="tender-card" onSubmit={submit}>
      <p className="hint">{t('sale.pay.cardHint')}</p>
      <label>
        {t('sale.pay.amount')}
        {/* No on-screen keyboard of the system over the counter's own keypad; a physical keyboard types as usual. */}
        <input ref={amountField} value={amount} onChange={(event) => setAmount(event.target.value)} onFocus={(event) => event.currentTarget.select()} inputMode="none" data-testid="card-amount" />
      </label>
      <label>
        {t('sale.pay.cardReference')}
        <input value={reference} onChange={(event) => setReference(event.target.value)} autoComplete="off" data-testid="card-reference" />
      </label>
      <button type="submit" data-testid="card-add">{t('sale.pay.add')}</button>
      {problem && <p role="alert" className="error">{t('sale.pay.badAmount')}</p>}
    </form>
  );
}

export const cardTender: TenderForm = {
  id: 'card',
  order: 20,
  method: 'card',
  Form: ({ remaining, take }) => <CardTender remaining={remaining} onTender={(amount, reference) => take({ method: 'card', amount, reference })} />,
};
