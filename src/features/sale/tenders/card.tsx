import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoneyInput, formatMoneyAmount } from '../../../domain/money-format.ts';
import { useSaleSettings } from '../../../data/sale-settings-context.ts';
import { usePairedCardTerminal } from '../../../devices/card-terminal/paired-card-terminal.ts';
import { defaultCardTerminal } from '../../../domain/card-terminals.ts';
import type { TenderForm } from '../../../ui/tender-form.ts';
import { useKeypadTarget } from '../../../ui/keypad-target.ts';
import { moneyDecimalSeparator } from '../keypad-separators.ts';

/**
 * A card paid on the store's external terminal: the amount charged there and the reference on its slip.
 * Never a card number (the domain refuses anything that looks like one, and says so). The amount is typed on
 * the counter's keypad (it registers with it: src/ui/keypad-target.ts) or a keyboard; it starts at what is due,
 * selected, so the first key typed replaces it. When the store names its card terminals, the tender records
 * the one it was charged on: this tablet's paired terminal (src/devices/card-terminal) unless the cashier
 * picks another, offered only when the store has more than one; a store naming none records no terminal.
 */
export function CardTender({ remaining, onTender }: { readonly remaining: number; readonly onTender: (amount: number, reference: string, terminal: string | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const { currency, cardTerminals } = useSaleSettings();
  const paired = usePairedCardTerminal();
  const [chosenTerminal, setChosenTerminal] = useState<string | undefined>(undefined);
  const terminal = defaultCardTerminal(cardTerminals, chosenTerminal ?? paired);
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
    onTender(parsed.amount, reference, terminal?.id);
  };
  return (
    <form className="tender-card" onSubmit={submit}>
      <p className="hint">{t('sale.pay.cardHint')}</p>
      <label>
        {t('sale.pay.amount')}
        {/* No on-screen keyboard of the system over the counter's own keypad; a physical keyboard types as usual. */}
        <input ref={amountField} value={amount} onChange={(event) => setAmount(event.target.value)} onFocus={(event) => event.currentTarget.select()} inputMode="none" data-testid="card-amount" />
      </label>
      {cardTerminals.length > 1 && terminal !== undefined && (
        <label>
          {t('sale.pay.cardTerminal')}
          <select value={terminal.id} onChange={(event) => setChosenTerminal(event.target.value)} data-testid="card-terminal">
            {cardTerminals.map((each) => (
              <option key={each.id} value={each.id}>
                {each.name}
              </option>
            ))}
          </select>
        </label>
      )}
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
  Form: ({ remaining, take }) => (
    <CardTender remaining={remaining} onTender={(amount, reference, terminal) => take({ method: 'card', amount, reference, ...(terminal === undefined ? {} : { terminal }) })} />
  ),
};
