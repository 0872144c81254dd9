import { useTranslation } from 'react-i18next';
import type { Discount } from '../../domain/cart.ts';

/** Whether a typed discount is a percentage or an amount in the store's currency (line and cart discounts). */
export function DiscountKindSelect({ value, currency, onChange }: { readonly value: Discount['kind']; readonly currency: string; readonly onChange: (kind: Discount['kind']) => void }) {
  const { t } = useTranslation();
  return (
    <select value={value} onChange={(event) => onChange(event.target.value as Discount['kind'])} aria-label={t('sale.line.discountKind')}>
      <option value="percent">%</option>
      <option value="amount">{currency}</option>
    </select>
  );
}
