/*
 * Which stores a signed-in person may manage something at, for the back office's store picker (the staff
 * page): a staff session belongs to one store, and a person is the same staff id in every store whose config
 * lists them (the chain's admin adds an owner or area manager to each store: admin/add-manager.ts). A store
 * counts when its own config lists that staff id, active, in a role its own permission table gives the
 * permission: a manager of one store gets that store, an owner on every store's list the whole chain. The
 * session's own store comes first (the route's permission check already passed there), the others by name.
 */
import { can } from '../../../src/domain/permissions.ts';
import type { Permission } from '../../../src/domain/permissions.ts';
import { directoryFromConfig } from '../policies/role-check.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import type { Store } from '../store/open-store.ts';
import { listStoreRecords } from '../store/stores-repository.ts';

export interface HeldStore {
  id: string;
  name: string;
}

/** The stores where `person` holds `permission` by their own config, the session's store first. */
export async function storesWhereHeld(store: Store, documents: DocumentsRepository, person: { staffId: string; storeId: string }, permission: Permission): Promise<HeldStore[]> {
  const records = await listStoreRecords(store.db);
  const configs = await documents.getMany(store.db, 'config', records.map((record) => record.id));
  const held = records.filter((record) => {
    const directory = directoryFromConfig(record.id, configs.get(record.id)?.body);
    const member = directory.staff.get(person.staffId);
    return member !== undefined && member.active && can(member.role, permission, directory.table);
  });
  const own = held.filter((record) => record.id === person.storeId);
  const others = held.filter((record) => record.id !== person.storeId).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return [...own, ...others].map(({ id, name }) => ({ id, name }));
}
