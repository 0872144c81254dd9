/*
 * The store's external card terminals (config `store.cardTerminals`: [{id, name}]) and which one a card
 * tender is charged on. A tablet is paired with one of them (a device setting, src/devices/card-terminal);
 * the counter's card form starts at that one and offers the others when the store has several; the sale's
 * card tender names it (`terminal`, the terminal's id) so that the Z report splits card by terminal
 * (day-report.ts). A store that names no terminal takes card tenders as before, without the field.
 */

export interface CardTerminal {
  readonly id: string;
  readonly name: string;
}

/** The longest terminal id a sale's tender may carry (sales.json tenders[].terminal). */
export const CARD_TERMINAL_ID_MAX_LENGTH = 64;

function isCardTerminal(value: unknown): value is CardTerminal {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name } = value as Record<string, unknown>;
  return typeof id === 'string' && id.trim() !== '' && id.length <= CARD_TERMINAL_ID_MAX_LENGTH && typeof name === 'string' && name.trim() !== '';
}

/**
 * The card terminals of a store config's `store` object, in the order the store lists them. An entry of
 * another shape, or a second entry with an id already listed, is left out (the config schema refuses the
 * first; the second would make a tender ambiguous).
 */
export function cardTerminalsOf(store: Readonly<Record<string, unknown>>): readonly CardTerminal[] {
  const listed = store['cardTerminals'];
  if (!Array.isArray(listed)) return [];
  const seen = new Set<string>();
  const terminals: CardTerminal[] = [];
  for (const entry of listed as readonly unknown[]) {
    if (!isCardTerminal(entry) || seen.has(entry.id)) continue;
    seen.add(entry.id);
    terminals.push({ id: entry.id, name: entry.name });
  }
  return terminals;
}

/**
 * The terminal a new card tender starts at: the tablet's paired one while the store still lists it, else
 * the store's first; undefined when the store names none (the tender then carries no terminal).
 */
export function defaultCardTerminal(terminals: readonly CardTerminal[], pairedId: string | undefined): CardTerminal | undefined {
  return terminals.find((terminal) => terminal.id === pairedId) ?? terminals[0];
}
