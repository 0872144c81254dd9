/*
 * Goods received from a supplier (with the cost per unit) or an adjustment with its reason (damage and
 * loss take stock away; a count adjustment may go either way, typed with a sign). One id per submission:
 * pressing the button again after a lost answer applies it once.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { ADJUSTMENT_REASONS, type AdjustmentReason } from '../../domain/stock-operations.ts';
import { StockLinesRefused, stockApi, type StockApi, type StockLineError } from './stock-api.ts';
import { emptyLine, readTypedLines, StockLinesEditor, type TypedLine } from './stock-lines-editor.tsx';

interface StockMovementPanelProps {
  kind: 'receive' | 'adjust';
  api: StockApi;
  onProblem: (error: unknown) => void;
}

export function StockMovementPanel({ kind, api, onProblem }: StockMovementPanelProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [lines, setLines] = useState<TypedLine[]>([emptyLine()]);
  const [supplier, setSupplier] = useState('');
  const [reason, setReason] = useState<AdjustmentReason>('damage');
  const [errors, setErrors] = useState<StockLineError[]>([]);
  const [unreadable, setUnreadable] = useState<number>();
  const [done, setDone] = useState(false);
  // The id of what is on screen: kept while the same lines are sent again, new once they were applied.
  const [id, setId] = useState(() => uuidv7());

  const submit = useMutation({
    mutationFn: async () => {
      if (kind === 'receive') {
        const read = readTypedLines(lines, {}, (sku, quantity, unitCost) => ({ sku, quantity, unitCost }));
        if (!read.ok) return read.line;
        await stockApi.receive(api, id, supplier.trim(), read.lines);
      } else {
        // Damage and loss are typed as what was lost (taken away); a count adjustment carries its sign.
        const read = readTypedLines(lines, { negative: reason === 'count' }, (sku, quantity) => ({ sku, delta: reason === 'count' ? quantity : -quantity }));
        if (!read.ok) return read.line;
        await stockApi.adjust(api, id, reason, read.lines);
      }
      return undefined;
    },
    onSuccess: (badLine) => {
      setUnreadable(badLine);
      if (badLine !== undefined) return;
      setDone(true);
      setLines([emptyLine()]);
      setId(uuidv7());
      void queryClient.invalidateQueries({ queryKey: ['stock-levels'] });
    },
    onError: (error: unknown) => {
      if (error instanceof StockLinesRefused) setErrors(error.errors);
      else onProblem(error);
    },
  });
  const edit = (next: TypedLine[]) => {
    setLines(next);
    setErrors([]);
    setDone(false);
  };

  return (
    <form
      className="stock-movement"
      data-testid={`stock-${kind}`}
      onSubmit={(event) => {
        event.preventDefault();
        setErrors([]);
        submit.mutate();
      }}
    >
      {kind === 'receive' ? (
        <label>
          {t('stock.receive.supplier')}
          <input data-testid="stock-supplier" required value={supplier} onChange={(e) => setSupplier(e.target.value)} />
        </label>
      ) : (
        <label>
          {t('stock.adjust.reason')}
          <select data-testid="stock-reason" value={reason} onChange={(e) => setReason(ADJUSTMENT_REASONS.find((r) => r === e.target.value) ?? 'damage')}>
            {ADJUSTMENT_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`stock.adjust.reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <StockLinesEditor lines={lines} onChange={edit} quantityLabel={kind === 'receive' ? t('stock.receive.quantity') : reason === 'count' ? t('stock.adjust.signedQuantity') : t('stock.adjust.quantity')} withCost={kind === 'receive'} errors={errors} />
      {unreadable !== undefined && (
        <p className="error" role="alert" data-testid="stock-unreadable">
          {t('stock.lines.unreadable', { line: unreadable })}
        </p>
      )}
      <button type="submit" className="primary" data-testid="stock-submit" disabled={submit.isPending}>
        {t(kind === 'receive' ? 'stock.receive.submit' : 'stock.adjust.submit')}
      </button>
      {done && (
        <p className="success" role="status" data-testid="stock-done">
          {t('stock.saved')}
        </p>
      )}
    </form>
  );
}
