import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseQuantity } from '../../domain/cart-quantity.ts';
import type { CartProduct, RingUpOptions } from '../../domain/cart.ts';
import { useKeypadTarget } from '../../ui/keypad-target.ts';
import { useCounterStore } from './counter-store.ts';
import { quantityDecimalSeparator } from './keypad-separators.ts';

type OnWeighed = (product: CartProduct, options: RingUpOptions) => boolean;

/** A weighed item chosen without its scale label: the cashier reads the scale and types the weight in kg. */
export function WeightPrompt({ onWeighed }: { readonly onWeighed: OnWeighed }) {
  const product = useCounterStore((state) => state.weighing);
  return product === null ? null : <WeightForm key={product.id} product={product} onWeighed={onWeighed} />;
}

/** The weight's field registers with the counter's keypad, which stands beside the grid while it is asked. */
function WeightForm({ product, onWeighed }: { readonly product: CartProduct; readonly onWeighed: OnWeighed }) {
  const { t, i18n } = useTranslation();
  const askWeight = useCounterStore((state) => state.askWeight);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const label = t('sale.weight.label', { name: product.name });
  useKeypadTarget(field, { decimalSeparator: quantityDecimalSeparator(i18n.language), label, enterLabel: t('sale.line.apply') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseQuantity(typed, true);
    if (!parsed.ok) return setProblem(parsed.reason);
    if (onWeighed(product, { qty: parsed.qty })) askWeight(null);
  };
  return (
    <form className="weight-prompt notice" onSubmit={submit} data-testid="weight-prompt">
      <label>
        {label}
        <input ref={field} autoFocus value={typed} onChange={(event) => setTyped(event.target.value)} inputMode="none" data-testid="weight-input" />
      </label>
      <button type="submit">{t('sale.line.apply')}</button>
      <button type="button" onClick={() => askWeight(null)}>
        {t('sale.weight.cancel')}
      </button>
      {problem && <p role="alert" className="error">{t(`sale.cart.refused.${problem}`, { name: product.name })}</p>}
    </form>
  );
}
