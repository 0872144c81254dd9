import type { HTMLAttributes } from 'react';

/**
 * Where the amount goes in a translated sentence: t('sale.pay.change', { amount: AMOUNT_MARK }) gives
 * "Tiền thừa trả khách: ⁣", and MoneyFigure puts the big amount at the mark (an invisible separator that
 * no translation contains), so the words stay the translator's and the text reads as the sentence.
 */
export const AMOUNT_MARK = '\u2063';

type DataAttributes = Record<`data-${string}`, string | number | undefined>;

interface MoneyFigureProps extends HTMLAttributes<HTMLParagraphElement> {
  /** What the amount is ("Cần thu"), or a sentence with AMOUNT_MARK where the amount stands. */
  readonly label: string;
  /** The amount, formatted in the store's currency. */
  readonly amount: string;
  /** Attributes of the amount itself (a test id, data-amount: tests read the integer, not the text). */
  readonly amountProps?: HTMLAttributes<HTMLElement> & DataAttributes;
}

/**
 * A big amount with its label: what is due, what is left, the change. Sized by --text-money
 * (src/ui/theme.css) to be read from a metre away, in tabular figures so it does not jump as it changes.
 */
export function MoneyFigure({ label, amount, amountProps, className, ...rest }: MoneyFigureProps & DataAttributes) {
  const [before = '', after = ''] = label.includes(AMOUNT_MARK) ? label.split(AMOUNT_MARK) : [`${label} `, ''];
  return (
    <p className={className === undefined ? 'money-figure' : `money-figure ${className}`} {...rest}>
      <span className="money-figure-label">{before}</span>
      <strong className="money-figure-amount" {...amountProps}>
        {amount}
      </strong>
      {after !== '' && <span className="money-figure-label">{after}</span>}
    </p>
  );
}
