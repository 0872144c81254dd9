/*
 * Why an item comes back and in what state: the two cells of a returned line, the same for a purchase's line
 * (return-lines-form.tsx) and an item brought back without its receipt (no-receipt-panel.tsx).
 */
import { useTranslation } from 'react-i18next';
import type { ReturnCondition } from '../../domain/sale-return.ts';
import { RETURN_REASONS } from './return-draft.ts';
import type { ReturnReasonCode } from './return-draft.ts';

interface Props {
  /** The item's name, for the selects' labels. */
  readonly name: string;
  readonly reason: ReturnReasonCode;
  readonly condition: ReturnCondition;
  /** The selects' test ids are `<testId>-reason-<index>` and `<testId>-condition-<index>`. */
  readonly testId: string;
  readonly index: number;
  readonly onChange: (change: { readonly reason?: ReturnReasonCode; readonly condition?: ReturnCondition }) => void;
}

const isReason = (value: string): value is ReturnReasonCode => (RETURN_REASONS as readonly string[]).includes(value);

export function ReasonConditionCells({ name, reason, condition, testId, index, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <td>
        <select aria-label={t('returns.lines.reasonOf', { name })} data-testid={`${testId}-reason-${index}`} value={reason} onChange={(event) => isReason(event.target.value) && onChange({ reason: event.target.value })}>
          {RETURN_REASONS.map((code) => (
            <option key={code} value={code}>
              {t(`returns.reasons.${code}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={t('returns.lines.conditionOf', { name })}
          data-testid={`${testId}-condition-${index}`}
          value={condition}
          onChange={(event) => onChange({ condition: event.target.value === 'damaged' ? 'damaged' : ('resellable' satisfies ReturnCondition) })}
        >
          <option value="resellable">{t('returns.condition.resellable')}</option>
          <option value="damaged">{t('returns.condition.damaged')}</option>
        </select>
      </td>
    </>
  );
}
