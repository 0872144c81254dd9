/*
 * What every pushed document must be before anything recursive touches it, and the card numbers in it.
 *
 * `checkDocumentShape` walks a pushed state once, iteratively (an explicit stack: a document nested 10,000
 * deep cannot overflow the call stack, as the old recursive U+0000 scan and JSON.stringify did), and refuses
 * with a 400 that names the row and the path:
 *   - nesting deeper than MAX_DOCUMENT_DEPTH levels;
 *   - a document larger than MAX_DOCUMENT_CHARS characters of JSON (counted while walking, so a 1,000,000-
 *     element junk array is refused at the array, before its elements are visited);
 *   - U+0000 in a string or field name (PostgreSQL cannot store it in JSON, and no till types it);
 *   - a lone UTF-16 surrogate in a string or field name (not text: it cannot be written as UTF-8, so
 *     PostgreSQL, an export or another device would each read it differently).
 * It also notes the strings that hold 13 digits between two letters, the only ones that can hold a card number.
 *
 * `maskCardNumbersIn` then (after the schema check) masks every card number in those strings with the one
 * recogniser of app and server (src/domain/card-number.ts: first 6 and last 4 digits at most), copying only
 * the objects on the way to a changed string, and says which paths it changed so the push can flag the
 * document for the manager. A card number is masked, never refused: the sale happened, and losing it would
 * be worse. What is never a card number here: a value that is one of the document's gift-card ids (a gift
 * card tender's reference, a gift-card ledger entry's refId: the key of a balance), a value that is a receipt
 * number as a whole, and what card-number.ts already excludes (product codes, UUIDs, date-times).
 */
import { maskCardNumbers } from '../../../src/domain/card-number.ts';
import { parseReceiptNumber } from '../../../src/domain/receipt-number.ts';
import { HttpError } from '../http-error.ts';

/** Deepest nesting a document may have (a sale is 4 levels deep; an audit entry's details a few more). */
export const MAX_DOCUMENT_DEPTH = 32;
/**
 * Largest document, in characters of JSON. A sale of the most lines a till writes (1,000, with their stock
 * movements) is about 400,000 characters; anything much larger is junk another tablet would have to pull.
 */
export const MAX_DOCUMENT_CHARS = 1024 * 1024;

/** A value met in the walk, with the way back to the document's root (paths are built only when needed). */
interface Visit {
  readonly value: unknown;
  readonly parent: Visit | undefined;
  readonly key: string | number;
  readonly depth: number;
}

/** Where a string that may hold a card number sits: a value, or a field name of an object. */
export interface CardCandidate {
  readonly visit: Visit;
  readonly isFieldName: boolean;
}

export interface DocumentShape {
  /** Strings with 13 digits or more between two ASCII letters, in the order met. */
  readonly candidates: readonly CardCandidate[];
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MIN_CARD_DIGITS = 13;

/** The keys from the document's root to this value. */
function keysOf(visit: Visit): Array<string | number> {
  const keys: Array<string | number> = [];
  for (let at: Visit | undefined = visit; at?.parent !== undefined; at = at.parent) keys.push(at.key);
  return keys.reverse();
}

function pathOf(visit: Visit, where: string): string {
  return [where, ...keysOf(visit)].join('/');
}

/**
 * Whether the text has 13 digits with no ASCII letter between them, which any card number card-number.ts
 * finds has (a letter ends its digit runs). Cheap, and it spares the recogniser almost every id: a UUID's
 * hex letters break its digits up.
 */
function hasCardLength(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (++digits >= MIN_CARD_DIGITS) return true;
    } else if ((code | 32) >= 97 && (code | 32) <= 122) {
      digits = 0;
    }
  }
  return false;
}

/** Brackets and commas of a container of n values, with each value's first character, less its own first. */
function containerChars(n: number): number {
  return n === 0 ? 1 : 2 * n;
}

function refuse(message: string): never {
  throw new HttpError(400, 'invalid_document', message);
}

/** Refuses text that holds U+0000 (when asked to look) or a lone surrogate; `what` says where, for the message. */
function checkText(text: string, checkNul: boolean, what: () => string): void {
  if (checkNul && text.includes('\u0000')) refuse(`${what()} contains the character U+0000, which is not allowed in a document`);
  const lone = LONE_SURROGATE.exec(text);
  if (lone !== null) {
    const unit = lone[0].charCodeAt(0).toString(16).toUpperCase();
    refuse(`${what()} contains a lone surrogate (U+${unit}), which is not text`);
  }
}

/**
 * Checks a pushed state's depth, size and text (see the top of this file) without recursion; `where` is the
 * row's path in the request ("body/3/newDocumentState"). `checkNul` false skips the U+0000 scan when the
 * request body cannot contain one.
 */
export function checkDocumentShape(state: unknown, where: string, checkNul: boolean): DocumentShape {
  const candidates: CardCandidate[] = [];
  const stack: Visit[] = [{ value: state, parent: undefined, key: '', depth: 0 }];
  // Characters of JSON counted so far, exactly for text that needs no escapes. A container counts one
  // character per element up front (so a huge array is refused before its elements are pushed); each value
  // then adds the rest of its own size (the root's first character is counted here).
  let size = 1;
  const grow = (chars: number): void => {
    size += chars;
    if (size > MAX_DOCUMENT_CHARS) refuse(`${where} is larger than ${MAX_DOCUMENT_CHARS} characters of JSON: a document holds at most that much`);
  };
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { value, depth } = visit;
    const current = visit;
    if (typeof value === 'string') {
      grow(value.length + 1);
      checkText(value, checkNul, () => pathOf(current, where));
      if (hasCardLength(value)) candidates.push({ visit, isFieldName: false });
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_DOCUMENT_DEPTH) refuse(`${pathOf(visit, where)} is nested deeper than ${MAX_DOCUMENT_DEPTH} levels: a document may nest at most that deep`);
      if (Array.isArray(value)) {
        grow(containerChars(value.length));
        for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], parent: visit, key: i, depth: depth + 1 });
      } else {
        const keys = Object.keys(value);
        grow(containerChars(keys.length));
        for (let i = keys.length - 1; i >= 0; i--) {
          const key = keys[i]!;
          grow(key.length + 3);
          checkText(key, checkNul, () => `${pathOf(current, where)} has a field name that`);
          if (hasCardLength(key)) candidates.push({ visit: { value: key, parent: visit, key, depth: depth + 1 }, isFieldName: true });
          stack.push({ value: (value as Record<string, unknown>)[key], parent: visit, key, depth: depth + 1 });
        }
      }
    } else {
      grow(String(value).length - 1);
    }
  }
  return { candidates };
}

/** The gift-card ids a document names: its gift-card tenders' references and its gift-card ledger entries' refIds. */
function giftCardIds(document: Readonly<Record<string, unknown>>): Set<string> {
  const ids = new Set<string>();
  const records = (value: unknown): Array<Record<string, unknown>> =>
    Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object') : [];
  for (const tender of records(document['tenders'])) if (tender['method'] === 'gift_card' && typeof tender['reference'] === 'string') ids.add(tender['reference']);
  for (const entry of [document, ...records(document['ledger'])]) if (entry['kind'] === 'giftcard' && typeof entry['refId'] === 'string') ids.add(entry['refId']);
  return ids;
}

export interface MaskedDocument<T> {
  readonly document: T;
  /** Paths (from the document's root, "tenders/0/reference") whose card numbers were masked; empty if none. */
  readonly paths: readonly string[];
}

/**
 * The document with every card number in its candidate strings masked. Objects on the way to a masked
 * string are copied; the rest is shared with the input, which is not changed.
 */
export function maskCardNumbersIn<T extends object>(document: T, shape: DocumentShape): MaskedDocument<T> {
  if (shape.candidates.length === 0) return { document, paths: [] };
  const known = giftCardIds(document as Readonly<Record<string, unknown>>);
  const copies = new Set<object>();
  const root: Record<string | number, unknown> = { value: document };
  /** The container at `keys`, copied (once) along with every container on the way to it. */
  const copyOf = (keys: ReadonlyArray<string | number>): Record<string | number, unknown> => {
    let node = root;
    for (const key of ['value', ...keys]) {
      const child = node[key] as Record<string | number, unknown>;
      if (copies.has(child)) {
        node = child;
        continue;
      }
      const copy = (Array.isArray(child) ? [...(child as unknown[])] : { ...child }) as Record<string | number, unknown>;
      copies.add(copy);
      node[key] = copy;
      node = copy;
    }
    return node;
  };
  // Values first, then field names from the deepest out, so no masked name is on the way to a later change.
  const ordered = [...shape.candidates.filter((c) => !c.isFieldName), ...shape.candidates.filter((c) => c.isFieldName).reverse()];
  const paths: string[] = [];
  for (const { visit, isFieldName } of ordered) {
    const text = visit.value as string;
    if (known.has(text) || parseReceiptNumber(text).ok) continue;
    const masked = maskCardNumbers(text);
    if (masked.masked === 0) continue;
    const keys = keysOf(visit);
    const holder = copyOf(keys.slice(0, -1));
    const last = keys[keys.length - 1]!;
    if (isFieldName) {
      // Keep the field's place among its siblings' names: rebuild the object with the name masked.
      const entries = Object.entries(holder).map(([name, field]) => [name === text ? masked.text : name, field] as const);
      for (const name of Object.keys(holder)) delete holder[name];
      for (const [name, field] of entries) holder[name] = field;
    } else {
      holder[last] = masked.text;
    }
    // The path itself may run through a field named with a card number: it is masked too.
    paths.push(maskCardNumbers(isFieldName ? `${keys.slice(0, -1).join('/')} (a field name)` : keys.join('/')).text);
  }
  return { document: root['value'] as T, paths };
}
