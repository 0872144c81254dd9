/*
 * How the back office's incidents page reads an incident the server recorded (GET /api/v1/incidents,
 * sync-server/src/store/incidents-repository.ts): which document it concerns in the shop's words (the
 * order's or sale's number when the detail holds it) and its detail as labelled lines instead of JSON,
 * nested values flattened to "lines 1 · sku". Pure: the screen translates the keys and formats money.
 */

/** An incident as the server lists it. */
export interface Incident {
  id: string;
  kind: string;
  collection: string;
  documentId: string;
  detail: Record<string, unknown>;
  createdAt: string;
  handled?: { at: string; by: string; byName: string; note?: string };
}

/** The kinds about online orders, offered first (issue 15's pickup and shop platforms). */
export const ONLINE_ORDER_KINDS = ['order-flag', 'outbox-failing', 'order-unknown-product', 'pickup-payment', 'bank-notice-unmatched'] as const;

/** The other kinds the server records, as routes/incidents.ts accepts them. */
export const OTHER_KINDS = [
  'balance-overdraft',
  'unproven-approval',
  'return-excess',
  'return-rules',
  'sale-mismatch',
  'append-only-conflict',
  'card-number-masked',
  'implausible-date',
  'customer-duplicate',
  'customer-lookup',
] as const;

export const INCIDENT_KINDS: readonly string[] = [...ONLINE_ORDER_KINDS, ...OTHER_KINDS];

/** The document an incident concerns: an i18n key under incidents.document and its values. */
export interface IncidentDocument {
  key: 'order' | 'sale' | 'return' | 'transfer' | 'other';
  values: Record<string, string>;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined);

export function documentOf(incident: Pick<Incident, 'kind' | 'collection' | 'documentId' | 'detail'>): IncidentDocument {
  const number = text(incident.detail['number']);
  if (incident.kind === 'bank-notice-unmatched') {
    const note = text(incident.detail['note']);
    if (note !== undefined) return { key: 'transfer', values: { note } };
  }
  if (number !== undefined) {
    if (incident.kind === 'return-excess' || incident.kind === 'return-rules') return { key: 'return', values: { number } };
    if (incident.collection === 'orders') return { key: 'order', values: { number } };
    if (incident.collection === 'sales') return { key: 'sale', values: { number } };
  }
  return { key: 'other', values: { collection: incident.collection, id: incident.documentId } };
}

/** One line of the detail: its top-level key (for the label), the path below it, and the value. */
export interface DetailLine {
  key: string;
  path: string[];
  value: string | number | boolean | null;
  /** An amount in integer minor units, to be shown as money. */
  money?: { amount: number; currency: string };
}

const MONEY_KEYS = new Set(['amount', 'unpaidAmount', 'valueBack']);

/** Keys already shown as the document (or as money's currency), not repeated in the detail. */
function shownElsewhere(document: IncidentDocument): Set<string> {
  const skip = new Set<string>(['currency']);
  if (document.key === 'transfer') skip.add('note');
  else if (document.key !== 'other') skip.add('number');
  return skip;
}

function flatten(key: string, path: string[], value: unknown, into: DetailLine[], depth: number): void {
  if (value === undefined) return;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    into.push({ key, path, value });
    return;
  }
  if (depth >= 4) {
    into.push({ key, path, value: JSON.stringify(value) });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => flatten(key, [...path, String(index + 1)], item, into, depth + 1));
    return;
  }
  for (const [inner, item] of Object.entries(value)) flatten(key, [...path, inner], item, into, depth + 1);
}

/** The detail as lines, the first `limit` of them, and how many more there are. */
export function detailLines(incident: Pick<Incident, 'kind' | 'collection' | 'documentId' | 'detail'>, limit = 12): { lines: DetailLine[]; more: number } {
  const skip = shownElsewhere(documentOf(incident));
  const currency = text(incident.detail['currency']) ?? 'VND';
  const lines: DetailLine[] = [];
  for (const [key, value] of Object.entries(incident.detail)) {
    if (skip.has(key)) continue;
    if (MONEY_KEYS.has(key) && typeof value === 'number' && Number.isInteger(value)) {
      lines.push({ key, path: [], value, money: { amount: value, currency } });
      continue;
    }
    flatten(key, [], value, lines, 0);
  }
  return { lines: lines.slice(0, limit), more: Math.max(0, lines.length - limit) };
}
