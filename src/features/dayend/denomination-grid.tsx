// Counting a drawer by denomination: pieces per note (or coin), each row's value and the total, live.
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../domain/money-format.ts';
import type { TillSetup } from './till-setup.ts';
import { countTyped } from './shift-writes.ts';
import type { TypedPieces } from './shift-writes.ts';

export interface DenominationGridProps {
  readonly setup: Pick<TillSetup, 'drawer'>;
  readonly pieces: TypedPieces;
  readonly onChange: (pieces: TypedPieces) => void;
  /** Prefix of the test ids: `<prefix>-<denomination>` per field, `<prefix>-total`. */
  readonly testId: string;
}

export function DenominationGrid({ setup, pieces, onChange, testId }: DenominationGridProps) {
  const { t, i18n } = useTranslation();
  const { currency, denominations } = setup.drawer;
  const money = (amount: number) => formatMoney(amount, currency, i18n.language);
  const counted = countTyped(pieces, setup);
  return (
    <table className="denomination-grid" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('dayEnd.grid.denomination')}</th>
          <th>{t('dayEnd.grid.pieces')}</th>
          <th>{t('dayEnd.grid.value')}</th>
        </tr>
      </thead>
      <tbody>
        {[...denominations].reverse().map((denomination) => {
          const key = String(denomination);
          const text = pieces[key] ?? '';
          const value = /^\d+$/.test(text.trim()) ? denomination * Number(text.trim()) : 0;
          return (
            <tr key={key}>
              <td>{money(denomination)}</td>
              <td>
                <input
                  type="text"
                  inputMode="numeric"
                  aria-label={t('dayEnd.grid.piecesOf', { denomination: money(denomination) })}
                  data-testid={`${testId}-${key}`}
                  value={text}
                  onChange={(event) => onChange({ ...pieces, [key]: event.target.value })}
                />
              </td>
              <td>{value === 0 ? '' : money(value)}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th colSpan={2}>{t('dayEnd.grid.total')}</th>
          <th data-testid={`${testId}-total`} data-amount={counted.ok ? counted.value.total : ''}>
            {counted.ok ? money(counted.value.total) : t('dayEnd.grid.badCount')}
          </th>
        </tr>
      </tfoot>
    </table>
  );
}
