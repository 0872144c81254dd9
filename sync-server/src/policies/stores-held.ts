/*
 * Which stores a signed-in person holds a permission at, across the chain: the back office's store picker
 * (staff.edit, routes/backoffice-staff.ts) and the dashboard's store and chain views (report.view,
 * routes/reports-dashboard.ts) ask the same question and get one answer. A staff session belongs to one
 * store, and a person is the same staff id in every store whose config lists them (the chain's admin adds an
 * owner or area manager to each store: admin/add-manager.ts). A store counts when its own config lists that
 * staff id, active, in a role its own permission table gives the permission: a manager of one store gets
 * that store, an owner on every store's list the whole chain. The session's own store comes first (the
 * route's permission check already passed there), the others by name.
 */
import { can } from '../../../src/domain/permissions.ts';
import type { Permission } from '../../../src/domain/permissions.ts';
import { directoryFromConfig } from './role-check.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import type { Store } from '../store/open-store.ts';
import { listStoreRecords } from '../store/stores-repository.ts';

export interface HeldStore {
  id: string;
  name: string;
}

export interface StoresHeld {
  /** The stores where the person holds the permission, the session's store first. */
  stores: HeldStore[];
  /** How many stores the chain has (a view of all of them is the whole chain's). */
  chainSize: number;
}

/** The stores where `person` holds `permission` by their own config, the session's store first, and the chain's size. */
export async function storesWhereHeld(store: Store, documents: DocumentsRepository, person: { staffId: string; storeId: string }, permission: Permission): Promise<StoresHeld> {
  const records = await listStoreRecords(store.db);
  const configs = await documents.getMany(store.db, 'config', records.map((record) => record.id));
  const held = records.filter((record) => {
    const directory = directoryFromConfig(record.id, configs.get(record.id)?.body);
    const member = directory.staff.get(person.staffId);
    return member !== undefined && member.active && can(member.role, permission, directory.table);
  });
  const own = held.filter((record) => record.id === person.storeId);
  const others = held.filter((record) => record.id !== person.storeId).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { stores: [...own, ...others].map(({ id, name }) => ({ id, name })), chainSize: records.length };
}
