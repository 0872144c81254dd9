import { useTranslation } from 'react-i18next';
import { storedValueRedeemLimit } from '../../../domain/redeem-limits.ts';
import type { LoyaltyRedeemRules } from '../../../domain/redeem-limits.ts';
import type { Tender } from '../../../domain/tender.ts';
import { useCounterStore } from '../counter-store.ts';
import { RedeemAmount, UnknownBalance } from '../redeem-amount.tsx';
import { useMoney } from '../../../data/sale-settings-context.ts';
import { useTenderBalance } from '../use-tender-balance.ts';
import type { TenderForm } from '../../../ui/tender-form.ts';

interface StoreCreditTenderProps {
  readonly remaining: number;
  readonly tenders: readonly Tender[];
  readonly rules: LoyaltyRedeemRules | undefined;
  readonly onTender: (amount: number) => void;
  /** The customer of a panel other than the counter's (null: none); absent: the cart's. */
  readonly customerId?: string | null | undefined;
}

/** The attached customer's store credit (from earlier returns), up to its balance on this till and what is due. */
export function StoreCreditTender({ remaining, tenders, rules, onTender, ...given }: StoreCreditTenderProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const cartCustomerId = useCounterStore((state) => state.cart.customerId);
  const customerId = given.customerId === undefined ? cartCustomerId : (given.customerId ?? undefined);
  const balance = useTenderBalance('credit', customerId ?? null);
  if (customerId === undefined) return <p className="notice" data-testid="needs-customer">{t('sale.pay.needsCustomer')}</p>;
  if (balance === undefined) return null;
  if (balance.value === null) return <UnknownBalance what="creditUnknown" />;
  const inSale = tenders.reduce((sum, tender) => sum + (tender.method === 'store_credit' ? tender.amount : 0), 0);
  const limit = storedValueRedeemLimit(balance.value, inSale, remaining, rules);
  return <RedeemAmount key={limit} balance={balance.value - inSale} limit={limit} money={money} onTender={onTender} testId="store-credit" />;
}

export const storeCreditTender: TenderForm = {
  id: 'store_credit',
  order: 60,
  method: 'store_credit',
  Form: ({ remaining, tenders, redeemRules, take, customerId }) => (
    <StoreCreditTender remaining={remaining} tenders={tenders} rules={redeemRules} customerId={customerId} onTender={(amount) => take({ method: 'store_credit', amount })} />
  ),
};
