/*
 * What a return receipt says beyond a sale receipt (issue 16), worded in the receipt's language by the words
 * the caller passes (the "receipt" texts of src/i18n): under each returned line, why it came back and in what
 * state (resellable, damaged); the way(s) the money went back; who approved the return, if anyone did.
 * Pure, from the stored return document alone, so the first print, a reprint and the screen say the same.
 * A reason the texts do not know (a store's own, typed) is printed as it was typed.
 */
import type { TenderMethod } from './documents.ts';

export interface ReturnReceiptWords {
  readonly returnLine: string;
  readonly returnReason: Readonly<Record<string, string>>;
  readonly condition: { readonly resellable: string; readonly damaged: string };
  readonly tender: Readonly<Record<TenderMethod, string>>;
}

export interface ReturnedLineFacts {
  readonly qty: number;
  readonly returnReason?: unknown;
  readonly condition?: unknown;
}

export interface ReturnFacts {
  readonly kind: 'sale' | 'return';
  readonly reason?: string;
  readonly lines: readonly ReturnedLineFacts[];
  readonly tenders: ReadonlyArray<{ readonly method: TenderMethod; readonly amount: number }>;
}

export interface ReturnReceiptDetails {
  /** Per line of the document: "Wrong size, resellable" under a returned line, undefined under any other. */
  readonly lineNotes: ReadonlyArray<string | undefined>;
  /** The ways the money went back, in the order the refund took them ("Cash, Store credit"); none when nothing went back. */
  readonly refundedBy?: string;
}

function fillIn(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => values[name] ?? match);
}

/** The note under one returned line, or undefined for a line that is not a returned one. */
export function returnLineNote(line: ReturnedLineFacts, words: ReturnReceiptWords): string | undefined {
  if (line.qty >= 0 || typeof line.returnReason !== 'string' || line.returnReason.trim() === '') return undefined;
  const code = line.returnReason.trim();
  const reason = Object.hasOwn(words.returnReason, code) ? words.returnReason[code]! : code;
  const condition = line.condition === 'damaged' ? words.condition.damaged : line.condition === 'resellable' ? words.condition.resellable : undefined;
  return condition === undefined ? reason : fillIn(words.returnLine, { reason, condition });
}

/** The return's details (see the file header); a sale or a cancellation has none. */
export function returnReceiptDetails(doc: ReturnFacts, words: ReturnReceiptWords): ReturnReceiptDetails {
  if (doc.kind !== 'return' || doc.reason === 'void') return { lineNotes: doc.lines.map(() => undefined) };
  const methods = [...new Set(doc.tenders.filter((tender) => tender.amount < 0).map((tender) => tender.method))];
  return {
    lineNotes: doc.lines.map((line) => returnLineNote(line, words)),
    ...(methods.length === 0 ? {} : { refundedBy: methods.map((method) => words.tender[method]).join(', ') }),
  };
}
