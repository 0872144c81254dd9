import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoneyAmount, parseMoneyInput } from '../../domain/money-format.ts';
import { useSaleSettings } from '../../data/sale-settings-context.ts';

/** A gift card or store credit this till has no confirmed balance for: nothing can be taken from it yet. */
export function UnknownBalance({ what }: { readonly what: 'giftCardUnknown' | 'creditUnknown' }) {
  const { t } = useTranslation();
  return (
    <p className="notice" role="status" data-testid="balance-unknown">
      {t(`sale.pay.${what}`)}
    </p>
  );
}

/** The balance left on a gift card or store credit, and an amount up to the limit (pre-filled with it) to take. */
export function RedeemAmount({ balance, limit, money, onTender, testId }: { readonly balance: number; readonly limit: number; readonly money: (amount: number) => string; readonly onTender: (amount: number) => void; readonly testId: string }) {
  const { t, i18n } = useTranslation();
  const { currency } = useSaleSettings();
  const [amount, setAmount] = useState(formatMoneyAmount(limit, currency, i18n.language));
  const [problem, setProblem] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseMoneyInput(amount, currency, i18n.language);
    if (!parsed.ok || parsed.amount <= 0 || parsed.amount > limit) return setProblem(true);
    setProblem(false);
    onTender(parsed.amount);
  };
  return (
    <form onSubmit={submit}>
      <p data-testid={`${testId}-balance`} data-amount={balance} data-limit={limit}>
        {t('sale.pay.balanceOnTill', { amount: money(balance) })} · {t('sale.pay.redeemAtMost', { amount: money(limit) })}
      </p>
      {limit > 0 && (
        <>
          <label>
            {t('sale.pay.amount')}
            <input value={amount} onChange={(event) => setAmount(event.target.value)} inputMode="numeric" data-testid={`${testId}-amount`} />
          </label>
          <button type="submit" data-testid={`${testId}-add`}>{t('sale.pay.add')}</button>
        </>
      )}
      {problem && <p role="alert" className="error">{t('sale.pay.redeemBadAmount', { amount: money(limit) })}</p>}
    </form>
  );
}
