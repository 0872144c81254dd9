/*
 * How a store counts its cash drawer, from its config document (`store.cashDrawer`, read defensively like
 * the other settings kept in `store`):
 *   { "store": { "cashDrawer": { "denominations": [500, 1000, ..., 500000], "varianceNeedsApprovalAbove": 20000 } } }
 *   - denominations: the notes and coins a cashier counts, in minor units of the store's currency. Vietnam's
 *     notes from 500 to 500,000 dong by default; any other currency must list its own (a drawer counted in
 *     denominations nobody configured would be a guess).
 *   - varianceNeedsApprovalAbove: a close whose counted cash differs from the expected by more than this
 *     (either way) needs a manager's approval; 0 by default, so any difference does (as the audit trail's
 *     day.close rule in permissions.ts has it).
 */
import { isKnownCurrency } from './currency.ts';
import { PERMISSIONS } from './permissions.ts';

/** Vietnam's banknotes in circulation, 500 to 500,000 dong (coins are no longer used in shops). */
export const VND_DENOMINATIONS: readonly number[] = [500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000];

/** The permission whose holders approve a close over the variance limit (managers by default). */
export const VARIANCE_APPROVAL_PERMISSION = PERMISSIONS.closeDay;

export interface DrawerSettings {
  readonly currency: string;
  /** Ascending, distinct, positive minor units. */
  readonly denominations: readonly number[];
  /** The largest variance (either way) a cashier may close with alone, in minor units. */
  readonly varianceNeedsApprovalAbove: number;
}

export type DrawerSettingsRead = { readonly ok: true; readonly settings: DrawerSettings } | { readonly ok: false; readonly detail: string };

const DEFAULT_DENOMINATIONS: Readonly<Record<string, readonly number[]>> = { VND: VND_DENOMINATIONS };
const MAX_DENOMINATIONS = 40;

function readDenominations(raw: unknown, currency: string): readonly number[] | string {
  if (raw === undefined) {
    return DEFAULT_DENOMINATIONS[currency] ?? `store.cashDrawer.denominations must list the notes and coins of ${currency} in minor units (only VND has a default)`;
  }
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_DENOMINATIONS) {
    return `store.cashDrawer.denominations must be a list of 1 to ${MAX_DENOMINATIONS} amounts in minor units, got ${JSON.stringify(raw)}`;
  }
  const bad = raw.find((value) => typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0);
  if (bad !== undefined) return `store.cashDrawer.denominations holds ${JSON.stringify(bad)}: each must be a positive whole number of minor units`;
  const sorted = [...new Set(raw as number[])].sort((a, b) => a - b);
  if (sorted.length !== raw.length) return 'store.cashDrawer.denominations lists a denomination twice';
  return sorted;
}

/** The drawer settings of a config's `store` object for `currency`, or what is wrong with them. */
export function drawerSettingsOf(store: Readonly<Record<string, unknown>>, currency: string): DrawerSettingsRead {
  if (!isKnownCurrency(currency)) return { ok: false, detail: `the store's currency ${JSON.stringify(currency)} is not one the POS knows` };
  const raw = store['cashDrawer'];
  const drawer = raw === undefined ? {} : raw;
  if (typeof drawer !== 'object' || drawer === null || Array.isArray(drawer)) return { ok: false, detail: 'store.cashDrawer must be an object' };
  const fields = drawer as Readonly<Record<string, unknown>>;
  const denominations = readDenominations(fields['denominations'], currency);
  if (typeof denominations === 'string') return { ok: false, detail: denominations };
  const limit = fields['varianceNeedsApprovalAbove'] ?? 0;
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 0) {
    return { ok: false, detail: `store.cashDrawer.varianceNeedsApprovalAbove must be a whole number of minor units, 0 or more, got ${JSON.stringify(limit)}` };
  }
  return { ok: true, settings: { currency, denominations, varianceNeedsApprovalAbove: limit } };
}

/** Whether closing with `variance` (counted - expected) needs a manager: more than the limit, over or short. */
export function needsVarianceApproval(variance: number, settings: Pick<DrawerSettings, 'varianceNeedsApprovalAbove'>): boolean {
  return Math.abs(variance) > settings.varianceNeedsApprovalAbove;
}
