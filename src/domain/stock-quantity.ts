/*
 * Stock quantities as a manager types them in the back office, to the thousandths of the unit every stock
 * figure is kept in, and back: "12" -> 12000, "1,5" or "1.5" -> 1500 (up to three decimals, grams of a
 * weighed item), "-3" where a signed figure is asked for (an adjustment by count), "0" where a count may
 * find nothing. Built on the counter's quantity reading (cart-quantity.ts), which never rounds.
 */
import { formatQuantity, parseQuantity } from './cart-quantity.ts';

export type StockQuantityRefusal = 'empty' | 'not-a-number' | 'too-many-decimals' | 'zero' | 'negative' | 'too-large';

export type ParsedStockQuantity = { ok: true; value: number } | { ok: false; reason: StockQuantityRefusal };

export function parseStockQuantity(text: string, options: { zero?: boolean; negative?: boolean } = {}): ParsedStockQuantity {
  const typed = text.trim();
  const negative = typed.startsWith('-');
  if (negative && options.negative !== true) return { ok: false, reason: 'negative' };
  const magnitude = negative ? typed.slice(1).trim() : typed;
  if (/^0*([.,]0*)?$/.test(magnitude) && magnitude !== '') return options.zero === true ? { ok: true, value: 0 } : { ok: false, reason: 'zero' };
  const parsed = parseQuantity(magnitude, true);
  if (!parsed.ok) return { ok: false, reason: parsed.reason === 'pieces-are-whole' ? 'not-a-number' : parsed.reason };
  return { ok: true, value: negative ? -parsed.qty : parsed.qty };
}

/** 12000 -> "12", 1500 -> "1,5", -250 -> "-0,25": no trailing zeros, the language's decimal separator. */
export function formatStockQuantity(value: number, decimalSeparator: '.' | ',' = ','): string {
  if (value % 1000 === 0) return formatQuantity(value, false, decimalSeparator);
  return formatQuantity(value, true, decimalSeparator).replace(/0+$/, '');
}
