/*
 * A drawer opened without a sale ("no sale"), logged in the shift open on this till (issue 17: every drawer
 * opening logged) so the day report counts it (its cash.noSaleOpenings, on screen, on paper and in the CSV).
 * The no-sale button (src/features/staff) writes it beside its drawer.open audit entry; the shift screens
 * (src/features/dayend) read the same `shifts` collection. The event is the domain's (logDrawerOpening):
 * the till's and store's ids and the currency are those of the shift's open event, `approverId` names
 * whoever held drawer.open when the person at the till did not, and the database's pre-insert hook signs
 * an event naming an approver (session/approval-keys.ts). With no shift open on the till nothing is written
 * (the audit entry alone records the opening).
 */
import { v7 as uuidv7 } from 'uuid';
import { openShiftOn } from '../domain/shift-cash.ts';
import { logDrawerOpening } from '../domain/shift-events.ts';
import type { ShiftFailureReason } from '../domain/shift-events.ts';
import type { PosDatabase } from './database.ts';
import type { ShiftEventDocument } from './schemas/types.ts';

/** How far back a till's open shift is looked for (the shift screen's OPEN_SHIFT_DAYS). */
const OPEN_SHIFT_MS = 40 * 86_400_000;

export type NoSaleLog = { readonly ok: true; readonly event: ShiftEventDocument } | { readonly ok: false; readonly problem: ShiftFailureReason | 'no-open-shift'; readonly detail?: string };

export async function logNoSaleOpening(
  database: Pick<PosDatabase, 'shifts'>,
  identity: { readonly storeId: string; readonly deviceId: string },
  staffId: string,
  opening: { readonly approverId?: string; readonly note?: string } = {},
  now: Date = new Date(),
): Promise<NoSaleLog> {
  const since = new Date(now.getTime() - OPEN_SHIFT_MS).toISOString();
  const recent = await database.shifts.find({ selector: { createdAt: { $gte: since }, deviceId: identity.deviceId }, sort: [{ createdAt: 'asc' }] }).exec();
  const open = openShiftOn(identity.deviceId, recent.map((document) => document.toJSON() as ShiftEventDocument));
  if (open === undefined || open.storeId !== identity.storeId) return { ok: false, problem: 'no-open-shift' };
  const built = logDrawerOpening(
    { id: uuidv7({ msecs: now.getTime() }), shiftId: open.shiftId, storeId: open.storeId, deviceId: open.deviceId, staffId, createdAt: now.toISOString(), currency: open.currency ?? '' },
    { reason: 'no_sale', ...(opening.approverId === undefined ? {} : { approverId: opening.approverId }), ...(opening.note === undefined ? {} : { note: opening.note }) },
  );
  if (!built.ok) return { ok: false, problem: built.reason, detail: built.detail };
  await database.shifts.insert(built.event);
  return { ok: true, event: built.event };
}
