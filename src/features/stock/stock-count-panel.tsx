/*
 * A stock count: the manager types what is on the shelf, the screen shows each product's variance against
 * the server's stock (nothing written yet), and Apply writes 'count' adjustments of the variances. The
 * count's id is made when the variance is shown, so pressing Apply twice, or again after a lost answer,
 * applies it once; changing a line asks for the variance again.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { formatStockQuantity } from '../../domain/stock-quantity.ts';
import { StockLinesRefused, stockApi, type CountAnswer, type StockApi, type StockLineError } from './stock-api.ts';
import { emptyLine, readTypedLines, StockLinesEditor, type TypedLine } from './stock-lines-editor.tsx';

export function StockCountPanel({ api, onProblem }: { api: StockApi; onProblem: (error: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [lines, setLines] = useState<TypedLine[]>([emptyLine()]);
  const [preview, setPreview] = useState<{ id: string; lines: Array<{ sku: string; counted: number }>; answer: CountAnswer }>();
  const [applied, setApplied] = useState<CountAnswer>();
  const [errors, setErrors] = useState<StockLineError[]>([]);
  const [unreadable, setUnreadable] = useState<number>();
  const separator = i18n.language === 'en' ? '.' : ',';
  const fmt = (value: number) => formatStockQuantity(value, separator);

  const failed = (error: unknown) => {
    if (error instanceof StockLinesRefused) setErrors(error.errors);
    else onProblem(error);
  };
  const showVariance = useMutation({
    mutationFn: (counted: Array<{ sku: string; counted: number }>) => stockApi.previewCount(api, counted).then((answer) => ({ counted, answer })),
    onSuccess: ({ counted, answer }) => setPreview({ id: uuidv7(), lines: counted, answer }),
    onError: failed,
  });
  const apply = useMutation({
    mutationFn: (count: { id: string; lines: Array<{ sku: string; counted: number }> }) => stockApi.applyCount(api, count.id, count.lines),
    onSuccess: (answer) => {
      setApplied(answer);
      setPreview(undefined);
      setLines([emptyLine()]);
      void queryClient.invalidateQueries({ queryKey: ['stock-levels'] });
    },
    onError: failed,
  });

  const edit = (next: TypedLine[]) => {
    setLines(next);
    setPreview(undefined);
    setErrors([]);
  };
  const askVariance = () => {
    setApplied(undefined);
    setErrors([]);
    const read = readTypedLines(lines, { zero: true }, (sku, counted) => ({ sku, counted }));
    setUnreadable(read.ok ? undefined : read.line);
    if (read.ok && read.lines.length > 0) showVariance.mutate(read.lines);
  };

  return (
    <div className="stock-count" data-testid="stock-count" data-state={applied ? 'applied' : preview ? 'preview' : 'typing'}>
      <p>{t('stock.count.intro')}</p>
      <StockLinesEditor lines={lines} onChange={edit} quantityLabel={t('stock.count.counted')} errors={errors} />
      {unreadable !== undefined && (
        <p className="error" role="alert" data-testid="stock-unreadable">
          {t('stock.lines.unreadable', { line: unreadable })}
        </p>
      )}
      <button type="button" className="primary" data-testid="stock-count-preview" disabled={showVariance.isPending} onClick={askVariance}>
        {t('stock.count.showVariance')}
      </button>
      {preview && (
        <div data-testid="stock-count-variances">
          <table className="stock-table">
            <thead>
              <tr>
                <th>{t('stock.lines.sku')}</th>
                <th>{t('stock.levels.product')}</th>
                <th>{t('stock.count.expected')}</th>
                <th>{t('stock.count.counted')}</th>
                <th>{t('stock.count.variance')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.answer.lines.map((line) => (
                <tr key={line.productId} data-testid="stock-variance" data-sku={line.sku} data-variance={line.variance} className={line.variance < 0 ? 'short' : undefined}>
                  <td>{line.sku}</td>
                  <td>{line.name}</td>
                  <td className="figure">{fmt(line.expected)}</td>
                  <td className="figure">{fmt(line.counted)}</td>
                  <td className="figure">{line.variance > 0 ? `+${fmt(line.variance)}` : fmt(line.variance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="stock-count-summary">{t('stock.count.summary', { products: preview.answer.summary.products, off: preview.answer.summary.off })}</p>
          <button type="button" className="primary" data-testid="stock-count-apply" disabled={apply.isPending} onClick={() => apply.mutate({ id: preview.id, lines: preview.lines })}>
            {t('stock.count.apply')}
          </button>
        </div>
      )}
      {applied && (
        <p className="success" role="status" data-testid="stock-count-applied">
          {t('stock.count.applied', { off: applied.summary.off })}
        </p>
      )}
    </div>
  );
}
