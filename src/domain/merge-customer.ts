/*
 * The conflict policy of customers: both the counter and the server (online shop, other stores) edit them,
 * so whole-document "last write wins" would lose edits. This is a three-way, field-by-field merge:
 * base = the version the device last saw from the server, local = the device's edit, master = the server's
 * current version. A field only the device changed takes the device's value; a field only the server
 * changed keeps the server's; a field both changed to different values keeps the server's (its change is
 * the later one by server time) and is listed so the conflict can be shown. Identity and server-stamped
 * fields always come from the server.
 */
import { sameContent } from './canonical-json.ts';

export interface MergeResult<T> {
  merged: T;
  /** Fields both sides changed to different values; the server's value was kept. */
  conflictingFields: string[];
}

const SERVER_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'storeId']);

export function mergeCustomer<T extends Record<string, unknown>>(base: T | undefined, local: T, master: T): MergeResult<T> {
  const merged: Record<string, unknown> = { ...master };
  const conflictingFields: string[] = [];
  const fields = new Set([...Object.keys(local), ...Object.keys(master), ...Object.keys(base ?? {})]);
  for (const field of fields) {
    if (SERVER_FIELDS.has(field)) continue;
    const baseValue = base?.[field];
    const localValue = local[field];
    const masterValue = master[field];
    const deviceChanged = !sameContent(localValue, baseValue);
    if (!deviceChanged) continue;
    const serverChanged = !sameContent(masterValue, baseValue);
    if (!serverChanged || sameContent(localValue, masterValue)) {
      if (localValue === undefined) delete merged[field];
      else merged[field] = localValue;
    } else {
      conflictingFields.push(field);
    }
  }
  return { merged: merged as T, conflictingFields: conflictingFields.sort() };
}
