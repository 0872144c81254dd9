import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoneyInput, formatMoneyAmount } from '../../../domain/money-format.ts';
import { useSaleSettings } from '../../../data/sale-settings-context.ts';
import type { TenderForm } from '../../../ui/tender-form.ts';

/**
 * A card paid on the store's external terminal: the amount charged there and the reference on its slip.
 * Never a card number (the domain refuses anything that looks like one, and says so).
 */
export function CardTender({ remaining, onTender }: { readonly remaining: number; readonly onTender: (amount: number, reference: string) => void }) {
  const { t, i18n } = useTranslation();
  const { currency } = useSaleSettings();
  const [amount, setAmount] = useState(formatMoneyAmount(remaining, currency, i18n.language));
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState(false);
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
        <input value={amount} onChange={(event) => setAmount(event.target.value)} inputMode="numeric" data-testid="card-amount" />
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
