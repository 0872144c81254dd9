/*
 * The conflict policy of customers: both the counter and the server (online shop, other stores) edit them,
 * so whole-document "last write wins" would lose edits. This is a three-way, field-by-field merge:
 * base = the version the device last saw from the server, local = the device's edit, master = the server's
 * current version. A field only the device changed takes the device's value; a field only the server
 * changed keeps the server's; a field both changed to different values keeps the server's (its change is
 * the later one by server time) and is listed so the conflict can be shown. Identity and server-stamped
 * fields always come from the server.
 * The server merges its CustomerDocuments (src/data/schemas/types.ts) with it: local and master are the
 * checked push and the stored document, both of that type, and so is the merge; base is whatever the device
 * says it last saw, only ever compared.
 */
import { sameContent } from './canonical-json.ts';

export interface MergeResult<T> {
  merged: T;
  /** Fields both sides changed to different values; the server's value was kept. */
  conflictingFields: string[];
}

const SERVER_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'storeId']);

/** A document's own fields by name, in their order. */
function fieldsOf(document: object | undefined): Map<string, unknown> {
  return new Map(document === undefined ? [] : Object.entries(document));
}

export function mergeCustomer<T extends object>(base: object | undefined, local: T, master: T): MergeResult<T> {
  const baseFields = fieldsOf(base);
  const localFields = fieldsOf(local);
  const masterFields = fieldsOf(master);
  const merged = new Map(masterFields);
  const conflictingFields: string[] = [];
  const fields = new Set([...localFields.keys(), ...masterFields.keys(), ...baseFields.keys()]);
  for (const field of fields) {
    if (SERVER_FIELDS.has(field)) continue;
    const baseValue = baseFields.get(field);
    const localValue = localFields.get(field);
    const masterValue = masterFields.get(field);
    const deviceChanged = !sameContent(localValue, baseValue);
    if (!deviceChanged) continue;
    const serverChanged = !sameContent(masterValue, baseValue);
    if (!serverChanged || sameContent(localValue, masterValue)) {
      if (localValue === undefined) merged.delete(field);
      else merged.set(field, localValue);
    } else {
      conflictingFields.push(field);
    }
  }
  // Every field comes from master or local, both a T, and the server-stamped ones from master.
  return { merged: Object.fromEntries(merged) as T, conflictingFields: conflictingFields.sort() };
}
