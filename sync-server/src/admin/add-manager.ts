/*
 * `add-manager`: a manager joins a store's staff, as the seed adds its staff (auth/staff-pins.ts
 * staffPinFor): the full PIN hash goes to the server-only staff_credentials table and the store's config
 * document gets the person with the tablet's short check of the PIN, both in one transaction, so a tablet
 * never sees a person whose PIN the server cannot check. A manager approves, so the PIN has 6 to 8 digits.
 * Adding a second active manager of the same name is refused (running the command twice adds one person).
 */
import { v7 as uuidv7 } from 'uuid';
import type { StoreConfigDocument } from '../../../src/data/schemas/types.ts';
import { PinRefused, staffPinFor } from '../auth/staff-pins.ts';
import type { Store } from '../store/open-store.ts';
import { putStaffCredentials } from '../store/staff-credentials-repository.ts';
import { AdminError, findStore, writeConfig } from './store-admin.ts';
import type { ConfigWrite } from './store-admin.ts';

type StaffEntry = StoreConfigDocument['staff'][number];

export interface AddedManager {
  storeId: string;
  storeName: string;
  staffId: string;
  write: ConfigWrite;
}

export async function addManager(store: Store, idOrName: string, name: string, pin: string, now: Date = new Date()): Promise<AddedManager> {
  const found = await findStore(store, idOrName);
  let hashed: Awaited<ReturnType<typeof staffPinFor>>;
  try {
    hashed = await staffPinFor(pin, 'manager');
  } catch (error) {
    if (error instanceof PinRefused) throw new AdminError(`The PIN was refused: ${error.message}`);
    throw error;
  }
  const staffId = uuidv7();
  const write = await writeConfig(store, found.id, now, async (trx, current) => {
    if (current === undefined) throw new AdminError(`The store ${found.id} has no config document: it was not made by create-store or the demo seed`);
    const same = current.staff.find((s) => s.active && s.role === 'manager' && s.name.trim().toLowerCase() === name.trim().toLowerCase());
    if (same !== undefined) throw new AdminError(`${found.name} already has an active manager named "${same.name}" (${same.id})`);
    const entry: StaffEntry = { id: staffId, name, role: 'manager', active: true, ...hashed.tablet };
    await putStaffCredentials(trx, found.id, [{ staffId, ...hashed.credential }], now);
    return { ...current, staff: [...current.staff, entry], updatedAt: now.toISOString() };
  });
  return { storeId: found.id, storeName: found.name, staffId, write };
}
