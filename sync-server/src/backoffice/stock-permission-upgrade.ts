/*
 * Migration 0016's data step: stores created by the admin command before stock existed (their config was
 * written with the permission table of the time) have no role holding 'stock.manage', so their managers
 * could not reach the back office's stock page. Each such store's config gets 'stock.manage' on its
 * manager role, written as a new version of the config document (a new seq, so the store's tablets pull
 * it like any change).
 *
 * Why a one-time migration and not the defaults merged in on every read: the store's config is the truth
 * about who may do what (src/domain/permissions.ts never widens a role from defaults), and a store that
 * later moves 'stock.manage' to another role must keep that choice. A store where any role holds it
 * already decided; only a table that has never heard of the permission is changed.
 */
import type { Kysely } from 'kysely';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import { ROLES_BY_RANK } from '../../../src/domain/permissions.ts';

interface ConfigRow {
  id: string;
  body: string;
}

/** The config body with 'stock.manage' on the manager role, or undefined when some role already holds it. */
export function withStockForManagers(body: Record<string, unknown>, updatedAt: string): Record<string, unknown> | undefined {
  const permissions = typeof body['permissions'] === 'object' && body['permissions'] !== null ? (body['permissions'] as Record<string, unknown>) : {};
  const holds = (role: string) => Array.isArray(permissions[role]) && (permissions[role] as unknown[]).includes(PERMISSIONS.manageStock);
  if (ROLES_BY_RANK.some(holds)) return undefined;
  const manager = Array.isArray(permissions['manager']) ? (permissions['manager'] as unknown[]) : [];
  return { ...body, permissions: { ...permissions, manager: [...manager, PERMISSIONS.manageStock] }, updatedAt };
}

// Kysely<any>, as a migration must not depend on today's table types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function grantStockToManagers(db: Kysely<any>, now: Date = new Date()): Promise<number> {
  const updatedAt = now.toISOString();
  const rows: ConfigRow[] = await db.selectFrom('documents').select(['id', 'body']).where('collection', '=', 'config').execute();
  let granted = 0;
  for (const row of rows) {
    const body = withStockForManagers(JSON.parse(row.body) as Record<string, unknown>, updatedAt);
    if (body === undefined) continue;
    const counter = await db.updateTable('sequence_counter').set((eb) => ({ value: eb('value', '+', 1) })).where('name', '=', 'documents').returning('value').executeTakeFirstOrThrow();
    await db
      .updateTable('documents')
      .set({ body: JSON.stringify(body), seq: Number(counter.value), updated_at: updatedAt })
      .where('collection', '=', 'config')
      .where('id', '=', row.id)
      .execute();
    granted += 1;
  }
  return granted;
}
