/*
 * The lines of a stock operation as a manager types them: a SKU (or a scanned barcode's SKU) and a
 * quantity per line, and for a receiving the cost per unit. Quantities are typed in units ("12", "1,5")
 * and sent in thousandths; a line left empty is ignored. A line the server refused is marked with its
 * message (`errors`, by line number from 1).
 */
import { useTranslation } from 'react-i18next';
import { parseStockQuantity, type StockQuantityRefusal } from '../../domain/stock-quantity.ts';
import type { StockLineError } from './stock-api.ts';

export interface TypedLine {
  sku: string;
  quantity: string;
  cost: string;
}

export const emptyLine = (): TypedLine => ({ sku: '', quantity: '', cost: '' });

interface StockLinesEditorProps {
  lines: TypedLine[];
  onChange: (lines: TypedLine[]) => void;
  quantityLabel: string;
  withCost?: boolean;
  errors?: readonly StockLineError[];
}

export function StockLinesEditor({ lines, onChange, quantityLabel, withCost = false, errors = [] }: StockLinesEditorProps) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<TypedLine>) => onChange(lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  return (
    <div className="stock-lines" data-testid="stock-lines">
      {lines.map((line, index) => {
        const lineErrors = errors.filter((e) => e.line === index + 1);
        return (
          <div className="stock-line" key={index} data-testid="stock-line" data-invalid={lineErrors.length > 0 || undefined}>
            <label>
              {t('stock.lines.sku')}
              <input data-testid="stock-line-sku" value={line.sku} autoComplete="off" onChange={(e) => set(index, { sku: e.target.value })} />
            </label>
            <label>
              {quantityLabel}
              <input data-testid="stock-line-quantity" inputMode="decimal" value={line.quantity} onChange={(e) => set(index, { quantity: e.target.value })} />
            </label>
            {withCost && (
              <label>
                {t('stock.lines.unitCost')}
                <input data-testid="stock-line-cost" inputMode="numeric" value={line.cost} onChange={(e) => set(index, { cost: e.target.value })} />
              </label>
            )}
            {lineErrors.map((e) => (
              <p className="error" key={`${e.field}-${e.message}`} data-testid="stock-line-error" data-field={e.field}>
                {t('stock.lines.problem', { line: e.line, message: e.message })}
              </p>
            ))}
          </div>
        );
      })}
      <button type="button" data-testid="stock-add-line" onClick={() => onChange([...lines, emptyLine()])}>
        {t('stock.lines.add')}
      </button>
    </div>
  );
}

export type ReadLines<L> = { ok: true; lines: L[] } | { ok: false; line: number; reason: StockQuantityRefusal | 'cost' };

/** The typed lines that are not empty, quantities in thousandths, or the first line that cannot be read. */
export function readTypedLines<L>(lines: readonly TypedLine[], options: { zero?: boolean; negative?: boolean }, build: (sku: string, quantity: number, cost: number) => L): ReadLines<L> {
  const read: L[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.sku.trim() === '' && line.quantity.trim() === '') continue;
    const quantity = parseStockQuantity(line.quantity, options);
    if (!quantity.ok) return { ok: false, line: index + 1, reason: quantity.reason };
    const cost = line.cost.trim() === '' ? 0 : Number(line.cost.trim());
    if (!Number.isSafeInteger(cost) || cost < 0) return { ok: false, line: index + 1, reason: 'cost' };
    read.push(build(line.sku.trim(), quantity.value, cost));
  }
  return { ok: true, lines: read };
}
