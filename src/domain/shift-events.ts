/*
 * The events of a cash drawer's shift, as the tablet writes them to the `shifts` collection
 * (src/data/schemas/shifts.json: append-only, pushed like sales): pure builders, deterministic like
 * buildSaleDocument (the id, the shift id, the time and the people come from the caller).
 *
 *   open      a float counted by denomination (amount = the float, counts = denomination -> pieces);
 *             handing a drawer over opens the next shift with `handoverFrom` = the closed shift
 *   cash_in   cash put in the drawer outside a sale (a float top-up), amount > 0, with a reason
 *   cash_out  cash taken out (a safe drop, a bank deposit, a small expense), amount > 0, with a reason
 *   drawer    the drawer opened: by a sale (reason 'sale', saleId) or without one (reason 'no_sale', which
 *             needs drawer.open: the cashier's own or an approver's); amount 0
 *   count     a spot count mid-shift, by denomination; changes nothing
 *   close     the blind count: the cashier counts by denomination without seeing the expected amount; the
 *             event keeps what was counted (amount, counts) and what the tablet expected then (`expected`,
 *             shift-cash.ts), and the approver when the variance is over the store's limit (shift-settings.ts)
 * An event that needs an approval is signed afterwards with the approver's proof (approvalProof), as sales
 * and audit entries are, by the database's pre-insert hook.
 */
import type { ShiftEventDocument } from './documents.ts';
import type { DrawerSettings } from './shift-settings.ts';
import { needsVarianceApproval, VARIANCE_APPROVAL_PERMISSION } from './shift-settings.ts';

/** Who, where and when: the event's id (UUIDv7) and its shift's id are made by the caller. */
export interface ShiftEventContext {
  readonly id: string;
  readonly shiftId: string;
  readonly storeId: string;
  readonly deviceId: string;
  readonly staffId: string;
  /** ISO 8601 time, from the tablet's clock. */
  readonly createdAt: string;
  readonly currency: string;
}

/** A drawer counted by denomination: pieces per denomination (minor units as decimal text) and their sum. */
export interface DrawerCount {
  readonly counts: Readonly<Record<string, number>>;
  readonly total: number;
}

export type ShiftFailureReason =
  /** An id, time or currency the event cannot carry. */
  | 'bad-context'
  /** A denomination the store does not count, or a count that is not a whole number of pieces. */
  | 'bad-count'
  /** An amount that is not a positive whole number of minor units. */
  | 'bad-amount'
  /** A cash movement or drawer opening without its reason (or sale). */
  | 'reason-required'
  /** The variance is over the store's limit and no manager approved the close. */
  | 'approval-required';

export type ShiftFailure = { readonly ok: false; readonly reason: ShiftFailureReason; readonly detail: string };
export type ShiftBuild = { readonly ok: true; readonly event: ShiftEventDocument } | ShiftFailure;
export type CountResult = { readonly ok: true; readonly count: DrawerCount } | ShiftFailure;

/** Why cash goes in or out of a drawer outside a sale; a store may use its own codes (up to 32 characters). */
export const CASH_MOVEMENT_REASONS = ['float_top_up', 'change', 'safe_drop', 'bank_deposit', 'expense', 'other'] as const;

const MAX_ID_LENGTH = 64;
const MAX_AMOUNT = 1_000_000_000_000_000;
const MAX_PIECES = 1_000_000;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const REASON = /^[a-z][a-z0-9_]{0,31}$/;

function checkContext(context: ShiftEventContext): ShiftFailure | undefined {
  for (const key of ['id', 'shiftId', 'storeId', 'deviceId', 'staffId'] as const) {
    const value = context[key];
    if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH) return { ok: false, reason: 'bad-context', detail: `${key} must be 1-${MAX_ID_LENGTH} characters` };
  }
  if (!ISO_TIME.test(context.createdAt) || Number.isNaN(Date.parse(context.createdAt))) return { ok: false, reason: 'bad-context', detail: 'createdAt must be an ISO 8601 date-time' };
  if (!/^[A-Z]{3}$/.test(context.currency)) return { ok: false, reason: 'bad-context', detail: 'currency must be an ISO 4217 code' };
  return undefined;
}

function base(context: ShiftEventContext, type: ShiftEventDocument['type'], amount: number): ShiftEventDocument {
  return {
    id: context.id,
    shiftId: context.shiftId,
    storeId: context.storeId,
    deviceId: context.deviceId,
    type,
    amount,
    currency: context.currency,
    staffId: context.staffId,
    createdAt: context.createdAt,
  };
}

/**
 * A drawer counted by denomination: `pieces` maps each denomination (minor units, as a number or its
 * decimal text) to how many notes or coins of it were counted. Denominations the store does not count and
 * counts that are not whole numbers of pieces are refused; zero counts are left out of the result.
 */
export function countDrawer(pieces: Readonly<Record<string, number>>, settings: Pick<DrawerSettings, 'denominations'>): CountResult {
  const known = new Set(settings.denominations.map(String));
  const counts: Record<string, number> = {};
  let total = 0n;
  for (const [denomination, count] of Object.entries(pieces)) {
    if (!known.has(denomination)) return { ok: false, reason: 'bad-count', detail: `${denomination} is not a denomination this store counts (${settings.denominations.join(', ')})` };
    if (!Number.isSafeInteger(count) || count < 0 || count > MAX_PIECES) return { ok: false, reason: 'bad-count', detail: `the count of ${denomination} must be a whole number of pieces from 0 to ${MAX_PIECES}, got ${String(count)}` };
    if (count === 0) continue;
    counts[denomination] = count;
    total += BigInt(denomination) * BigInt(count);
  }
  if (total > BigInt(MAX_AMOUNT)) return { ok: false, reason: 'bad-count', detail: 'the counted cash is larger than a drawer can hold' };
  // Denominations in ascending order, whatever order they were typed in.
  const ordered = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => Number(a) - Number(b)));
  return { ok: true, count: { counts: ordered, total: Number(total) } };
}

/** Opens a shift with its float; `handoverFrom` names the shift just closed when a drawer changes hands. */
export function openShift(context: ShiftEventContext, float: DrawerCount, options: { readonly handoverFrom?: string } = {}): ShiftBuild {
  const problem = checkContext(context);
  if (problem !== undefined) return problem;
  const from = options.handoverFrom;
  if (from !== undefined && (from === '' || from.length > MAX_ID_LENGTH || from === context.shiftId)) {
    return { ok: false, reason: 'bad-context', detail: 'handoverFrom must name the closed shift, not this one' };
  }
  return { ok: true, event: { ...base(context, 'open', float.total), counts: { ...float.counts }, ...(from === undefined ? {} : { handoverFrom: from }) } };
}

/** Cash put in (`cash_in`) or taken out (`cash_out`) of the drawer outside a sale, with why. */
export function moveCash(
  context: ShiftEventContext,
  movement: { readonly direction: 'cash_in' | 'cash_out'; readonly amount: number; readonly reason: string; readonly note?: string },
): ShiftBuild {
  const problem = checkContext(context);
  if (problem !== undefined) return problem;
  if (!Number.isSafeInteger(movement.amount) || movement.amount <= 0 || movement.amount > MAX_AMOUNT) {
    return { ok: false, reason: 'bad-amount', detail: `the cash moved must be a positive whole number of minor units, got ${String(movement.amount)}` };
  }
  if (!REASON.test(movement.reason)) return { ok: false, reason: 'reason-required', detail: `a cash movement needs a reason code such as ${CASH_MOVEMENT_REASONS.join(', ')}` };
  const note = movement.note?.trim();
  return {
    ok: true,
    event: { ...base(context, movement.direction, movement.amount), reason: movement.reason, ...(note ? { note: note.slice(0, 500) } : {}) },
  };
}

/**
 * The drawer opened: by a sale (its id), or without one (a no-sale, which needs drawer.open: `approverId`
 * names whoever held it when the cashier did not).
 */
export function logDrawerOpening(
  context: ShiftEventContext,
  opening: { readonly reason: 'sale'; readonly saleId: string } | { readonly reason: 'no_sale'; readonly approverId?: string; readonly note?: string },
): ShiftBuild {
  const problem = checkContext(context);
  if (problem !== undefined) return problem;
  if (opening.reason === 'sale') {
    if (opening.saleId === '' || opening.saleId.length > MAX_ID_LENGTH) return { ok: false, reason: 'reason-required', detail: 'a drawer opened by a sale names the sale' };
    return { ok: true, event: { ...base(context, 'drawer', 0), reason: 'sale', saleId: opening.saleId } };
  }
  const note = opening.note?.trim();
  return {
    ok: true,
    event: {
      ...base(context, 'drawer', 0),
      reason: 'no_sale',
      ...(opening.approverId === undefined ? {} : { approverId: opening.approverId }),
      ...(note ? { note: note.slice(0, 500) } : {}),
    },
  };
}

/** A spot count mid-shift (the X report's count): recorded, changes nothing. */
export function recordCount(context: ShiftEventContext, count: DrawerCount): ShiftBuild {
  const problem = checkContext(context);
  if (problem !== undefined) return problem;
  return { ok: true, event: { ...base(context, 'count', count.total), counts: { ...count.counts } } };
}

/**
 * Closes a shift with the blind count. `expected` is the shift's expected cash now (summariseShift); the
 * close is refused when counted - expected is over the store's limit and no approver is named.
 */
export function closeShift(
  context: ShiftEventContext,
  count: DrawerCount,
  expected: number,
  settings: Pick<DrawerSettings, 'varianceNeedsApprovalAbove'>,
  approval: { readonly approverId: string } | undefined = undefined,
): ShiftBuild {
  const problem = checkContext(context);
  if (problem !== undefined) return problem;
  if (!Number.isSafeInteger(expected)) return { ok: false, reason: 'bad-amount', detail: `the expected cash must be a whole number of minor units, got ${String(expected)}` };
  const variance = count.total - expected;
  if (needsVarianceApproval(variance, settings) && approval === undefined) {
    return {
      ok: false,
      reason: 'approval-required',
      detail: `the count is ${variance > 0 ? 'over' : 'short'} by ${Math.abs(variance)}, more than the ${settings.varianceNeedsApprovalAbove} a cashier may close with alone: a holder of ${VARIANCE_APPROVAL_PERMISSION} must approve`,
    };
  }
  return {
    ok: true,
    event: { ...base(context, 'close', count.total), counts: { ...count.counts }, expected, ...(approval === undefined ? {} : { approverId: approval.approverId }) },
  };
}

/**
 * Hands the drawer to the next cashier mid-day: the outgoing shift is closed with the count, and the next
 * shift opens with that same cash as its float (the drawer is not emptied), naming the shift it follows.
 */
export function handOverDrawer(
  closing: ShiftEventContext,
  opening: ShiftEventContext,
  count: DrawerCount,
  expected: number,
  settings: Pick<DrawerSettings, 'varianceNeedsApprovalAbove'>,
  approval?: { readonly approverId: string },
): { readonly ok: true; readonly close: ShiftEventDocument; readonly open: ShiftEventDocument } | ShiftFailure {
  if (opening.shiftId === closing.shiftId || opening.deviceId !== closing.deviceId) {
    return { ok: false, reason: 'bad-context', detail: 'a hand-over opens a new shift on the same till' };
  }
  const close = closeShift(closing, count, expected, settings, approval);
  if (!close.ok) return close;
  const open = openShift(opening, count, { handoverFrom: closing.shiftId });
  if (!open.ok) return open;
  return { ok: true, close: close.event, open: open.event };
}
