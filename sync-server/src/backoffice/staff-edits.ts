/*
 * A store's staff, from the back office (routes/backoffice-staff.ts): add a person, change a role or a name,
 * deactivate or reactivate, reset a PIN; and a person whose PIN was reset choosing a new one on a tablet.
 * The staff list lives in the store's `config` document (tablets pull it: a deactivated cashier can no longer
 * sign in on any tablet), the full PIN hashes in the server-only staff_credentials table. Both change in one
 * transaction that takes the sequence counter's lock first, so the config gets a new seq that tablets pull
 * as a delta, announced to the store's tablets, with an `audit` entry of who did what and when.
 *
 * A PIN reset, and a person added without a PIN, leave the person with `pinSetRequired` and no credential:
 * the server refuses their sign-in until they choose a PIN (POST /api/v1/staff/pin), and the pin fields the
 * tablet holds are a fresh salt and a check of no PIN. Promoting a cashier to an approver role asks for a new
 * PIN too: an approver's PIN has at least 6 digits (approval-proof.ts pinProblem), a cashier's may have 4.
 * A manager cannot deactivate or demote themselves, and a store keeps at least one active manager.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { StoreConfigDocument } from '../../../src/data/schemas/types.ts';
import { minimumPinLength } from '../../../src/domain/approval-proof.ts';
import type { Role } from '../../../src/domain/permissions.ts';
import { PIN_ITERATIONS, PinRefused, staffPinFor } from '../auth/staff-pins.ts';
import type { ChangeBus } from '../live/change-bus.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import type { Store } from '../store/open-store.ts';
import { putStaffCredentials } from '../store/staff-credentials-repository.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';
import { writeStoreConfig } from './store-config-write.ts';

type StaffEntry = StoreConfigDocument['staff'][number];

/** What the back office shows of a person: never a PIN field. */
export interface StaffView {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  pinSetRequired: boolean;
}

/** Who acts, for the audit entry and the rules about oneself. */
export interface StaffEditor {
  storeId: string;
  deviceId: string;
  staffId: string;
}

/** A refusal a manager can act on: its status and what is wrong. */
export class StaffEditRefused extends Error {
  constructor(
    readonly statusCode: 404 | 409 | 422,
    message: string,
  ) {
    super(message);
    this.name = 'StaffEditRefused';
  }
}

export const MAX_STAFF_NAME = 200;

export function staffView(entry: StaffEntry): StaffView {
  return { id: entry.id, name: entry.name, role: entry.role, active: entry.active, pinSetRequired: entry.pinSetRequired === true };
}

/** The tablet's pin fields of a person with no PIN: a fresh salt and a random check no typed PIN is meant to match. */
function noPinFields(): Pick<StaffEntry, 'pinSalt' | 'pinIterations' | 'pinCheck'> {
  return { pinSalt: randomBytes(16).toString('base64'), pinIterations: PIN_ITERATIONS, pinCheck: randomInt(4096) };
}

function cleanName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '') throw new StaffEditRefused(422, 'name: a person needs a name');
  if (trimmed.length > MAX_STAFF_NAME) throw new StaffEditRefused(422, `name: at most ${MAX_STAFF_NAME} characters, got ${trimmed.length}`);
  return trimmed;
}

function activeManagers(staff: readonly StaffEntry[]): number {
  return staff.filter((s) => s.active && s.role === 'manager').length;
}

/**
 * Changes the store's staff list as `change` makes it from the stored config, in one transaction with the
 * sequence counter's lock; writes the config, the audit entry and whatever `change` did to credentials.
 */
async function changeStaff<T>(
  store: Store,
  documents: DocumentsRepository,
  bus: ChangeBus | undefined,
  editor: StaffEditor,
  now: Date,
  change: (trx: Transaction<Database>, staff: readonly StaffEntry[]) => Promise<{ staff: StaffEntry[]; audit: { action: string; subjectId: string; details: Record<string, unknown> }; result: T }>,
): Promise<T> {
  return store.db.transaction().execute(async (trx) => {
    await lockSequenceCounter(trx);
    const config = (await documents.getMany(trx, 'config', [editor.storeId])).get(editor.storeId)?.body;
    if (config === undefined) throw new StaffEditRefused(409, `The store ${editor.storeId} has no configuration yet: create it with the admin command`);
    const made = await change(trx, config.staff);
    const updatedAt = now.toISOString();
    const body: StoreConfigDocument = { ...config, staff: made.staff as StoreConfigDocument['staff'], updatedAt };
    await writeStoreConfig(trx, { documents, changeBus: bus }, editor.storeId, body, { deviceId: editor.deviceId, staffId: editor.staffId, ...made.audit }, now);
    return made.result;
  });
}

async function hashedPin(pin: string, role: Role): Promise<Awaited<ReturnType<typeof staffPinFor>>> {
  try {
    return await staffPinFor(pin, role);
  } catch (error) {
    if (error instanceof PinRefused) throw new StaffEditRefused(422, `pin: ${error.message}`);
    throw error;
  }
}

async function forgetPin(trx: Transaction<Database>, storeId: string, staffId: string): Promise<void> {
  await trx.deleteFrom('staff_credentials').where('store_id', '=', storeId).where('staff_id', '=', staffId).execute();
}

/** Adds a person; without a PIN they choose one at their first sign-in on a tablet. */
export async function addStaff(
  store: Store,
  documents: DocumentsRepository,
  bus: ChangeBus | undefined,
  editor: StaffEditor,
  person: { name: string; role: Role; pin?: string },
  now: Date = new Date(),
): Promise<StaffView> {
  const name = cleanName(person.name);
  const hashed = person.pin === undefined ? undefined : await hashedPin(person.pin, person.role);
  return changeStaff(store, documents, bus, editor, now, async (trx, staff) => {
    const same = staff.find((s) => s.active && s.name.toLowerCase() === name.toLowerCase());
    if (same !== undefined) throw new StaffEditRefused(422, `name: "${same.name}" is already on this store's staff (${same.id}, ${same.role}): give the new person a name the tills can tell apart`);
    const id = uuidv7();
    const entry: StaffEntry =
      hashed === undefined
        ? { id, name, role: person.role, active: true, ...noPinFields(), pinSetRequired: true }
        : { id, name, role: person.role, active: true, ...hashed.tablet };
    if (hashed !== undefined) await putStaffCredentials(trx, editor.storeId, [{ staffId: id, ...hashed.credential }], now);
    return {
      staff: [...staff, entry],
      audit: { action: 'staff.add', subjectId: id, details: { name, role: person.role, pinSet: hashed !== undefined } },
      result: staffView(entry),
    };
  });
}

/** Renames, changes the role of, deactivates or reactivates a person. */
export async function editStaff(
  store: Store,
  documents: DocumentsRepository,
  bus: ChangeBus | undefined,
  editor: StaffEditor,
  staffId: string,
  edit: { name?: string; role?: Role; active?: boolean },
  now: Date = new Date(),
): Promise<StaffView> {
  const name = edit.name === undefined ? undefined : cleanName(edit.name);
  return changeStaff(store, documents, bus, editor, now, async (trx, staff) => {
    const current = staff.find((s) => s.id === staffId);
    if (current === undefined) throw new StaffEditRefused(404, `No staff member "${staffId}" at this store`);
    if (staffId === editor.staffId && (edit.active === false || (edit.role !== undefined && edit.role !== current.role))) {
      throw new StaffEditRefused(422, 'You cannot deactivate yourself or change your own role: ask another manager');
    }
    let next: StaffEntry = { ...current, ...(name === undefined ? {} : { name }), ...(edit.role === undefined ? {} : { role: edit.role }), ...(edit.active === undefined ? {} : { active: edit.active }) };
    // A cashier's PIN may be shorter than an approver's: a promotion asks for a new one.
    const needsLongerPin = next.role !== current.role && minimumPinLength(next.role) > minimumPinLength(current.role) && current.pinSetRequired !== true;
    if (needsLongerPin) {
      next = { ...next, ...noPinFields(), pinSetRequired: true };
      await forgetPin(trx, editor.storeId, staffId);
    }
    const after = staff.map((s) => (s.id === staffId ? next : s));
    if (activeManagers(after) === 0) throw new StaffEditRefused(422, `${current.name} is the store's last active manager: make someone else a manager first`);
    const changes: Record<string, unknown> = {};
    for (const field of ['name', 'role', 'active'] as const) if (current[field] !== next[field]) changes[field] = { from: current[field], to: next[field] };
    return {
      staff: after,
      audit: { action: 'staff.edit', subjectId: staffId, details: { name: next.name, changes, ...(needsLongerPin ? { pinReset: true } : {}) } },
      result: staffView(next),
    };
  });
}

/** Forgets a person's PIN: they choose a new one on a tablet at their next sign-in. */
export async function resetStaffPin(
  store: Store,
  documents: DocumentsRepository,
  bus: ChangeBus | undefined,
  editor: StaffEditor,
  staffId: string,
  now: Date = new Date(),
): Promise<StaffView> {
  return changeStaff(store, documents, bus, editor, now, async (trx, staff) => {
    const current = staff.find((s) => s.id === staffId);
    if (current === undefined) throw new StaffEditRefused(404, `No staff member "${staffId}" at this store`);
    if (!current.active) throw new StaffEditRefused(422, `${current.name} is deactivated: reactivate them before resetting their PIN`);
    const next: StaffEntry = { ...current, ...noPinFields(), pinSetRequired: true };
    await forgetPin(trx, editor.storeId, staffId);
    await trx.deleteFrom('pin_lockouts').where('store_id', '=', editor.storeId).where('staff_id', '=', staffId).execute();
    return {
      staff: staff.map((s) => (s.id === staffId ? next : s)),
      audit: { action: 'staff.pin_reset', subjectId: staffId, details: { name: current.name } },
      result: staffView(next),
    };
  });
}

/**
 * A person whose PIN was reset (or who was added without one) chooses their PIN on a tablet of their store.
 * Refused (409) for anyone else: changing a PIN one knows is not this call's job.
 */
export async function chooseOwnPin(
  store: Store,
  documents: DocumentsRepository,
  bus: ChangeBus | undefined,
  device: { storeId: string; deviceId: string },
  staffId: string,
  pin: string,
  now: Date = new Date(),
): Promise<StaffView> {
  const config = await documents.get('config', device.storeId);
  const person = config?.body.staff.find((s) => s.id === staffId && s.active);
  if (person === undefined) throw new StaffEditRefused(404, `No active staff member "${staffId}" at this store`);
  const hashed = await hashedPin(pin, person.role);
  return changeStaff(store, documents, bus, { ...device, staffId }, now, async (trx, staff) => {
    const current = staff.find((s) => s.id === staffId && s.active);
    if (current === undefined) throw new StaffEditRefused(404, `No active staff member "${staffId}" at this store`);
    if (current.pinSetRequired !== true) throw new StaffEditRefused(409, `${current.name} already has a PIN: a manager resets it in the back office before a new one is chosen`);
    if (current.role !== person.role) throw new StaffEditRefused(409, `${current.name}'s role changed while the PIN was chosen: choose it again`);
    const { pinSetRequired: _done, ...rest } = current;
    const next: StaffEntry = { ...rest, ...hashed.tablet };
    await putStaffCredentials(trx, device.storeId, [{ staffId, ...hashed.credential }], now);
    return {
      staff: staff.map((s) => (s.id === staffId ? next : s)),
      audit: { action: 'staff.pin_set', subjectId: staffId, details: { name: current.name } },
      result: staffView(next),
    };
  });
}
