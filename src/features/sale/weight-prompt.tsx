import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseQuantity } from '../../domain/cart-quantity.ts';
import type { CartProduct, RingUpOptions } from '../../domain/cart.ts';
import { useCounterStore } from './counter-store.ts';

/** A weighed item chosen without its scale label: the cashier reads the scale and types the weight in kg. */
export function WeightPrompt({ onWeighed }: { readonly onWeighed: (product: CartProduct, options: RingUpOptions) => boolean }) {
  const { t } = useTranslation();
  const product = useCounterStore((state) => state.weighing);
  const askWeight = useCounterStore((state) => state.askWeight);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (product === null) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseQuantity(typed, true);
    if (!parsed.ok) return setProblem(parsed.reason);
    if (onWeighed(product, { qty: parsed.qty })) {
      askWeight(null);
      setTyped('');
      setProblem(null);
    }
  };
  return (
    <form className="weight-prompt notice" onSubmit={submit} data-testid="weight-prompt">
      <label>
        {t('sale.weight.label', { name: product.name })}
        <input autoFocus value={typed} onChange={(event) => setTyped(event.target.value)} inputMode="decimal" data-testid="weight-input" />
      </label>
      <button type="submit">{t('sale.line.apply')}</button>
      <button type="button" onClick={() => askWeight(null)}>
        {t('sale.weight.cancel')}
      </button>
      {problem && <p role="alert" className="error">{t(`sale.cart.refused.${problem}`, { name: product.name })}</p>}
    </form>
  );
}
