/*
 * The conflict policy of facts (sales, ledger entries, shift events, audit entries): they are written once
 * and never changed. A device that retries a push sends the same document again; that must change nothing.
 * The same id with different content is a real problem (a bug, or a forged document): the first version is
 * kept and the incident is reported, never silently overwritten.
 */
import { sameContent } from './canonical-json.ts';

export type AppendOnlyDecision =
  /** Not seen before: store it. */
  | { kind: 'insert' }
  /** Seen before with the same content: a retry, nothing to do. */
  | { kind: 'duplicate' }
  /** Seen before with other content: keep the stored one, report the incoming one. */
  | { kind: 'conflict' };

/** Server-managed fields (stamped on arrival) are ignored when comparing a re-push with what is stored. */
export function decideAppendOnly(stored: object | undefined, incoming: object, ignoredFields: readonly string[] = []): AppendOnlyDecision {
  if (stored === undefined) return { kind: 'insert' };
  return sameContent(withoutFields(stored, ignoredFields), withoutFields(incoming, ignoredFields)) ? { kind: 'duplicate' } : { kind: 'conflict' };
}

function withoutFields(document: object, fields: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...(document as Record<string, unknown>) };
  for (const field of fields) delete copy[field];
  return copy;
}
