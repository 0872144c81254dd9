/*
 * Stock operations of the back office (issue 14), as the server receives them and the screens build them:
 * receiving goods from a supplier, an adjustment with its reason, a transfer to another store and a stock
 * count. Each is a request with a client-given id (the same id sent twice is applied once) whose lines name
 * products by SKU; quantities are integer thousandths of the unit, as every stock figure (1000 = one piece
 * or one kg), and a unit cost is integer minor units per whole unit.
 * checkStockLines says, before anything is read or written, what is wrong with the lines a manager sent:
 * one problem per bad line (numbered from 1 as the screen lists them), so a request is refused whole.
 * The ledger reasons the server writes are named here, once, for the server and any screen that lists them.
 */

/** The `reason` of the `ledger` entries stock operations write. */
export const STOCK_REASONS = {
  receiving: 'receiving',
  damage: 'damage',
  loss: 'loss',
  count: 'count',
  transferOut: 'transfer-out',
  transferIn: 'transfer-in',
} as const;

/** Why stock on hand is adjusted by hand: damaged goods, goods lost (theft, expiry), a recount. */
export const ADJUSTMENT_REASONS = ['damage', 'loss', 'count'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** Largest quantity on one line: 10,000,000 units (in thousandths), far above any shelf. */
export const MAX_STOCK_QUANTITY = 10_000_000_000;
/** Lines per operation: a whole store's count fits (the request body limit decides the rest). */
export const MAX_STOCK_LINES = 20_000;

export interface ReceivingLine {
  sku: string;
  quantity: number;
  /** Minor units per whole unit (per piece, per kg). */
  unitCost: number;
}
export interface ReceivingRequest {
  id: string;
  supplier: string;
  lines: ReceivingLine[];
  note?: string;
}

export interface AdjustmentLine {
  sku: string;
  /** Signed: a damage or a loss takes stock away (negative), a count may find more. */
  delta: number;
}
export interface AdjustmentRequest {
  id: string;
  reason: AdjustmentReason;
  lines: AdjustmentLine[];
  note?: string;
}

export interface TransferLine {
  sku: string;
  quantity: number;
}
export interface TransferRequest {
  id: string;
  toStoreId: string;
  lines: TransferLine[];
  note?: string;
}

export interface CountLine {
  sku: string;
  /** What was found on the shelf; zero is a count too. */
  counted: number;
}
export interface CountRequest {
  id: string;
  lines: CountLine[];
  note?: string;
}

/** What is wrong with one line: `line` counts the request's lines from 1, `field` names the field. */
export interface StockLineProblem {
  line: number;
  field: string;
  message: string;
}

type LineRule<L> = (line: L) => { field: string; message: string } | undefined;

function wholeThousandths(value: number, field: string, options: { zero: boolean; negative: boolean }): { field: string; message: string } | undefined {
  if (!Number.isSafeInteger(value)) return { field, message: `${field} must be a whole number of thousandths of the unit (1000 = one piece or one kg)` };
  if (Math.abs(value) > MAX_STOCK_QUANTITY) return { field, message: `${field} ${value} is more than ${MAX_STOCK_QUANTITY} thousandths` };
  if (value === 0 && !options.zero) return { field, message: `${field} is zero: leave the line out instead` };
  if (value < 0 && !options.negative) return { field, message: `${field} must not be negative` };
  return undefined;
}

const positiveQuantity: LineRule<{ quantity: number }> = (line) => wholeThousandths(line.quantity, 'quantity', { zero: false, negative: false });

export const LINE_RULES = {
  receiving: [
    positiveQuantity,
    (line: ReceivingLine) => {
      if (!Number.isSafeInteger(line.unitCost) || line.unitCost < 0) return { field: 'unitCost', message: 'unitCost must be a whole, non-negative number of minor units per unit' };
      // The line's cost is money in integer minor units: it must stay a number JavaScript holds exactly.
      if (Number.isSafeInteger(line.quantity) && !Number.isSafeInteger(receivedLineCost(line.quantity, line.unitCost))) {
        return { field: 'unitCost', message: `quantity ${line.quantity} at ${line.unitCost} a unit costs more than ${Number.MAX_SAFE_INTEGER} minor units: check the figures` };
      }
      return undefined;
    },
  ] satisfies LineRule<ReceivingLine>[],
  adjustment: [(line: AdjustmentLine) => wholeThousandths(line.delta, 'delta', { zero: false, negative: true })] satisfies LineRule<AdjustmentLine>[],
  transfer: [positiveQuantity] satisfies LineRule<TransferLine>[],
  count: [(line: CountLine) => wholeThousandths(line.counted, 'counted', { zero: true, negative: false })] satisfies LineRule<CountLine>[],
} as const;

/**
 * Every problem of the lines: none at all, a SKU twice (a product is counted or moved once per operation),
 * and each line's own rules. Empty when the lines may be applied.
 */
export function checkStockLines<L extends { sku: string }>(lines: readonly L[], rules: readonly LineRule<L>[]): StockLineProblem[] {
  if (lines.length === 0) return [{ line: 0, field: 'lines', message: 'there are no lines: name at least one product' }];
  if (lines.length > MAX_STOCK_LINES) return [{ line: 0, field: 'lines', message: `${lines.length} lines are more than ${MAX_STOCK_LINES}: split the operation` }];
  const problems: StockLineProblem[] = [];
  const firstLineOf = new Map<string, number>();
  lines.forEach((line, index) => {
    const number = index + 1;
    const sku = line.sku.trim();
    if (sku === '') problems.push({ line: number, field: 'sku', message: 'the SKU is empty' });
    else if (firstLineOf.has(sku)) problems.push({ line: number, field: 'sku', message: `SKU ${sku} is already on line ${firstLineOf.get(sku)}: put its quantities on one line` });
    else firstLineOf.set(sku, number);
    for (const rule of rules) {
      const problem = rule(line);
      if (problem !== undefined) problems.push({ line: number, ...problem });
    }
  });
  return problems;
}

/** The adjustment's reason as the ledger records it (a count adjustment is written as 'count'). */
export function isAdjustmentReason(value: unknown): value is AdjustmentReason {
  return typeof value === 'string' && (ADJUSTMENT_REASONS as readonly string[]).includes(value);
}

/**
 * What a received line cost: quantity (thousandths) x unit cost (minor units per unit), rounded half up to
 * a whole minor unit (0.375 kg at 289,000 a kg is 108,375). Computed exactly in BigInt; a cost past
 * Number.MAX_SAFE_INTEGER is refused by the receiving line's rule before it is ever written.
 */
export function receivedLineCost(quantity: number, unitCost: number): number {
  const thousandths = BigInt(quantity) * BigInt(unitCost);
  return Number((thousandths + 500n) / 1000n);
}
