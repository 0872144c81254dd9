/*
 * The purchase's lines as the cashier takes them back: what was bought, what is left to return (bought less
 * what earlier returns took), and for each line how many come back, why and in what state. Whole pieces;
 * a weighed line comes back whole or not at all (returnable-purchase.ts).
 */
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../domain/money-format.ts';
import type { Purchase } from '../../domain/returnable-purchase.ts';
import { ReasonConditionCells } from './reason-condition-cells.tsx';
import { NO_CHOICE } from './return-draft.ts';
import type { LineChoice } from './return-draft.ts';

interface Props {
  readonly purchase: Purchase;
  /** Thousandths already back, per line. */
  readonly returned: readonly number[];
  readonly choices: Readonly<Record<number, LineChoice>>;
  readonly onChange: (line: number, choice: LineChoice) => void;
}

export function ReturnLinesForm({ purchase, returned, choices, onChange }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <table className="returns-lines">
      <thead>
        <tr>
          <th scope="col">{t('returns.lines.item')}</th>
          <th scope="col">{t('returns.lines.left')}</th>
          <th scope="col">{t('returns.lines.back')}</th>
          <th scope="col">{t('returns.lines.reason')}</th>
          <th scope="col">{t('returns.lines.condition')}</th>
        </tr>
      </thead>
      <tbody>
        {purchase.lines.map((line, index) => {
          const left = Math.max(0, line.qty - (returned[index] ?? 0));
          const choice = choices[index] ?? NO_CHOICE;
          const set = (change: Partial<LineChoice>) => onChange(index, { ...choice, ...change });
          const weighed = line.unit === 'kg' || left % 1000 !== 0;
          return (
            <tr key={index} data-testid={`returns-line-${index}`} data-left={left}>
              <td>
                <strong>{line.name}</strong>
                <br />
                <small>
                  {t('returns.lines.bought', { qty: line.qty / 1000, unit: line.unit === 'kg' ? 'kg' : '' })} · {formatMoney(line.total, purchase.currency, i18n.language)}
                </small>
              </td>
              <td>{left / 1000}</td>
              <td>
                {weighed ? (
                  <label className="returns-whole">
                    <input type="checkbox" data-testid={`returns-qty-${index}`} disabled={left === 0} checked={choice.qty > 0} onChange={(event) => set({ qty: event.target.checked ? left : 0 })} />
                    {t('returns.lines.whole')}
                  </label>
                ) : (
                  <input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={left / 1000}
                    step={1}
                    disabled={left === 0}
                    aria-label={t('returns.lines.backOf', { name: line.name })}
                    data-testid={`returns-qty-${index}`}
                    value={choice.qty / 1000}
                    onChange={(event) => {
                      const pieces = Math.trunc(Number(event.target.value));
                      set({ qty: Number.isFinite(pieces) ? Math.min(left, Math.max(0, pieces * 1000)) : 0 });
                    }}
                  />
                )}
              </td>
              <ReasonConditionCells name={line.name} reason={choice.reason} condition={choice.condition} testId="returns" index={index} onChange={set} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
