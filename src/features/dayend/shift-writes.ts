/*
 * The till's shift, read from and written to the device database's `shifts` collection (append-only events,
 * pushed to the server like sales; src/domain/shift-events.ts builds every event). Each write is one
 * insert (a hand-over two: the close, then the next open) made durable before the screen moves on; the
 * database's pre-insert hook signs an event that names an approver (session/approval-keys.ts).
 *
 * The open shift is the till's latest open without a close among its events of the last OPEN_SHIFT_DAYS
 * (a drawer left open longer than that is a problem for the manager, not for this screen). What the drawer
 * should hold (shift-cash.ts) is read fresh from the database at the moment of the close, so the blind
 * count is compared with every sale rung up until then.
 */
import { v7 as uuidv7 } from 'uuid';
import type { PosDatabase } from '../../data/database.ts';
import type { SaleDocument, ShiftEventDocument } from '../../data/schemas/types.ts';
import { openShiftOn, summariseShift } from '../../domain/shift-cash.ts';
import type { ShiftCash } from '../../domain/shift-cash.ts';
import { closeShift, countDrawer, handOverDrawer, moveCash, openShift } from '../../domain/shift-events.ts';
import type { DrawerCount, ShiftEventContext, ShiftFailureReason } from '../../domain/shift-events.ts';
import type { TillSetup } from './till-setup.ts';

export const OPEN_SHIFT_DAYS = 40;
const DAY_MS = 86_400_000;

export type ShiftWriteProblem = ShiftFailureReason | 'no-open-shift' | 'shift-already-open' | 'not-approved';
export type ShiftWrite<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ShiftWriteProblem; readonly detail?: string };

/** The pieces typed per denomination (text from the grid's fields): '' counts as none. */
export type TypedPieces = Readonly<Record<string, string>>;

function context(setup: TillSetup, staffId: string, shiftId: string, now: Date): ShiftEventContext {
  return { id: uuidv7({ msecs: now.getTime() }), shiftId, storeId: setup.storeId, deviceId: setup.deviceId, staffId, createdAt: now.toISOString(), currency: setup.drawer.currency };
}

/** The grid's text to a drawer count (countDrawer refuses what is not a whole number of pieces). */
export function countTyped(pieces: TypedPieces, setup: Pick<TillSetup, 'drawer'>): ShiftWrite<DrawerCount> {
  const numbers: Record<string, number> = {};
  for (const [denomination, text] of Object.entries(pieces)) {
    const trimmed = text.trim();
    if (trimmed === '') continue;
    numbers[denomination] = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  }
  const counted = countDrawer(numbers, setup.drawer);
  return counted.ok ? { ok: true, value: counted.count } : { ok: false, problem: counted.reason, detail: counted.detail };
}

/** The till's recent shift events, oldest first (see OPEN_SHIFT_DAYS). */
export async function recentTillEvents(database: PosDatabase, deviceId: string, now: Date = new Date()): Promise<ShiftEventDocument[]> {
  const since = new Date(now.getTime() - OPEN_SHIFT_DAYS * DAY_MS).toISOString();
  const documents = await database.shifts.find({ selector: { createdAt: { $gte: since }, deviceId }, sort: [{ createdAt: 'asc' }] }).exec();
  return documents.map((document) => document.toJSON() as ShiftEventDocument);
}

/** The shift open on this till with its cash as of `now`, or undefined. */
export async function tillShiftNow(database: PosDatabase, deviceId: string, now: Date = new Date()): Promise<ShiftCash | undefined> {
  const events = await recentTillEvents(database, deviceId, now);
  const open = openShiftOn(deviceId, events);
  if (open === undefined) return undefined;
  const sales = await database.sales.find({ selector: { createdAt: { $gte: open.createdAt }, deviceId } }).exec();
  const timed = sales.map((document) => {
    const sale = document.toJSON() as SaleDocument;
    return { sale, at: Date.parse(sale.createdAt) };
  });
  return summariseShift(open.shiftId, events, timed, { asOf: now.getTime() });
}

/** Opens a shift on this till with a float counted by denomination. */
export async function writeOpenShift(database: PosDatabase, setup: TillSetup, staffId: string, pieces: TypedPieces, now: Date = new Date()): Promise<ShiftWrite<ShiftEventDocument>> {
  if ((await tillShiftNow(database, setup.deviceId, now)) !== undefined) return { ok: false, problem: 'shift-already-open' };
  const float = countTyped(pieces, setup);
  if (!float.ok) return float;
  const built = openShift(context(setup, staffId, uuidv7({ msecs: now.getTime() }), now), float.value);
  if (!built.ok) return { ok: false, problem: built.reason, detail: built.detail };
  await database.shifts.insert(built.event);
  return { ok: true, value: built.event };
}

/** Cash in or out of the open shift's drawer, with a reason. */
export async function writeCashMovement(
  database: PosDatabase,
  setup: TillSetup,
  staffId: string,
  movement: { readonly direction: 'cash_in' | 'cash_out'; readonly amount: number; readonly reason: string; readonly note?: string },
  now: Date = new Date(),
): Promise<ShiftWrite<ShiftEventDocument>> {
  const shift = await tillShiftNow(database, setup.deviceId, now);
  if (shift === undefined) return { ok: false, problem: 'no-open-shift' };
  const built = moveCash(context(setup, staffId, shift.shiftId, now), movement);
  if (!built.ok) return { ok: false, problem: built.reason, detail: built.detail };
  await database.shifts.insert(built.event);
  return { ok: true, value: built.event };
}

/** What a blind close shows once written: expected against counted, and who approved the variance. */
export interface ClosedShift {
  readonly shiftId: string;
  readonly expected: number;
  readonly counted: number;
  readonly variance: number;
  readonly approverId?: string;
  /** The next shift, on a hand-over. */
  readonly nextShiftId?: string;
}

/**
 * The blind close: the count is compared with what the drawer should hold now; over the store's limit
 * `approve` is asked for a holder of day.close (the close is not written without one). With `handOverTo`
 * the next cashier's shift opens with the same cash (handOverDrawer).
 */
export async function writeBlindClose(
  database: PosDatabase,
  setup: TillSetup,
  staffId: string,
  pieces: TypedPieces,
  approve: (variance: number) => Promise<string | null>,
  options: { readonly handOverTo?: string; readonly now?: () => Date } = {},
): Promise<ShiftWrite<ClosedShift>> {
  const clock = options.now ?? (() => new Date());
  const count = countTyped(pieces, setup);
  if (!count.ok) return count;
  let now = clock();
  const shift = await tillShiftNow(database, setup.deviceId, now);
  if (shift === undefined) return { ok: false, problem: 'no-open-shift' };
  let expected = shift.expected;
  let approval: { approverId: string } | undefined;
  const variance = count.value.total - expected;
  if (Math.abs(variance) > setup.drawer.varianceNeedsApprovalAbove) {
    const approverId = await approve(variance);
    if (approverId === null) return { ok: false, problem: 'not-approved' };
    approval = { approverId };
    // Time passed while the manager came: the close is written now, against what is expected now.
    now = clock();
    expected = (await tillShiftNow(database, setup.deviceId, now))?.expected ?? expected;
  }
  const closing = context(setup, staffId, shift.shiftId, now);
  if (options.handOverTo !== undefined) {
    const nextShiftId = uuidv7({ msecs: now.getTime() });
    const opening = { ...context(setup, options.handOverTo, nextShiftId, now), id: uuidv7({ msecs: now.getTime() }) };
    const built = handOverDrawer(closing, opening, count.value, expected, setup.drawer, approval);
    if (!built.ok) return { ok: false, problem: built.reason, detail: built.detail };
    await database.shifts.insert(built.close);
    await database.shifts.insert(built.open);
    return { ok: true, value: { shiftId: shift.shiftId, expected, counted: count.value.total, variance: count.value.total - expected, ...approval, nextShiftId } };
  }
  const built = closeShift(closing, count.value, expected, setup.drawer, approval);
  if (!built.ok) return { ok: false, problem: built.reason, detail: built.detail };
  await database.shifts.insert(built.event);
  return { ok: true, value: { shiftId: shift.shiftId, expected, counted: count.value.total, variance: count.value.total - expected, ...approval } };
}
