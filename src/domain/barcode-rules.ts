/*
 * How a store's scale lays out the labels it prints: the barcode rules kept in the store's config
 * document (config.barcodeRules) and checked here, because that document is written elsewhere and is
 * only loosely validated (additionalProperties: true).
 *
 * GS1 leaves EAN-13 codes starting with 2 (20-29), and UPC-A codes of number system 2 (02 in 13-digit
 * form), to each store or region. Scales use them to print the product's item code (PLU) with the weight
 * or the price of the pack. Nothing in the code says which digits are which: only the store knows, so
 * every such prefix needs a rule. Layout of one 13-digit label, left to right:
 *
 *   prefix | item code | [price/weight check digit] | value | EAN-13 check digit
 *   '21'   | 5 digits  |                            | 5     | 1      -> '21IIIIIWWWWWC'
 *   '28'   | 4 digits  | 1                          | 5     | 1      -> '28IIIIVPPPPPC'
 *
 * A store that numbers fixed-price goods itself in the same range says so with value 'none': the whole
 * code is then looked up like any EAN-13.
 */

/** A label with a weight or a price inside it. */
export interface VariableMeasureRule {
  /** Leading digits of the 13-digit code: '2', '21', '28', or '02' for UPC-A number system 2. Longest match wins. */
  readonly prefix: string;
  /** 'weight': the value is a net weight; 'price': the value is the label's price. */
  readonly value: 'weight' | 'price';
  /** Digits after the prefix that name the product: its PLU (products.plu). */
  readonly itemCodeLength: number;
  /** Digits of the weight or price. */
  readonly valueLength: number;
  /** A price/weight check digit (GS1 algorithm for 4 or 5 digits) sits just before the value. */
  readonly valueCheckDigit?: boolean;
  /**
   * Grams (weight) or minor currency units (price) one printed unit stands for. 1 by default; 10 for a
   * scale printing decagrams; 100 or 1000 for a scale printing VND prices in hundreds or thousands,
   * which is how a 5-digit price field holds prices above 99,999 VND.
   */
  readonly valueUnit?: number;
  /** Shown in settings, e.g. "Meat counter scale". */
  readonly name?: string;
}

/** Store-numbered goods with nothing embedded: the code is the product's barcode as it stands. */
export interface StoreCodeRule {
  readonly prefix: string;
  readonly value: 'none';
  readonly name?: string;
}

export type BarcodeRule = VariableMeasureRule | StoreCodeRule;
export type BarcodeRules = readonly BarcodeRule[];

/** Total digits of an EAN-13, the form every store code is matched in. */
export const STORE_CODE_LENGTH = 13;
/** Largest multiplier accepted, so value * unit always stays a safe integer. */
const MAX_VALUE_UNIT = 1_000_000;

/** True when a 13-digit code lies in a range GS1 leaves to stores: 20-29, or UPC-A number system 2. */
export function isStoreCodeRange(code13: string): boolean {
  return code13.startsWith('2') || code13.startsWith('02');
}

/**
 * What is wrong with a rule, in English for the settings screen's log, or null when it is usable.
 * Takes unknown because rules arrive in a loosely validated config document.
 */
export function barcodeRuleProblem(rule: unknown): string | null {
  if (typeof rule !== 'object' || rule === null) return 'a barcode rule must be an object';
  const r = rule as Record<string, unknown>;
  const prefix = r['prefix'];
  if (typeof prefix !== 'string' || !/^\d+$/.test(prefix)) return 'prefix must be digits, e.g. "21"';
  if (!prefix.startsWith('2') && !prefix.startsWith('02')) {
    return `prefix "${prefix}" is outside the store ranges 20-29 and 02: it would capture real product codes`;
  }
  if (r['value'] === 'none') return null;
  if (r['value'] !== 'weight' && r['value'] !== 'price') return 'value must be "weight", "price" or "none"';
  const itemCodeLength = r['itemCodeLength'];
  const valueLength = r['valueLength'];
  if (!isWholeNumberIn(itemCodeLength, 1, 10)) return 'itemCodeLength must be a whole number from 1 to 10';
  if (!isWholeNumberIn(valueLength, 1, 10)) return 'valueLength must be a whole number from 1 to 10';
  const valueCheckDigit = r['valueCheckDigit'];
  if (valueCheckDigit !== undefined && typeof valueCheckDigit !== 'boolean') return 'valueCheckDigit must be true or false';
  if (valueCheckDigit === true && valueLength !== 4 && valueLength !== 5) {
    return 'a price/weight check digit is defined only for 4- or 5-digit values';
  }
  const valueUnit = r['valueUnit'];
  if (valueUnit !== undefined && !isWholeNumberIn(valueUnit, 1, MAX_VALUE_UNIT)) {
    return `valueUnit must be a whole number from 1 to ${MAX_VALUE_UNIT}`;
  }
  const total = prefix.length + itemCodeLength + (valueCheckDigit === true ? 1 : 0) + valueLength + 1;
  if (total !== STORE_CODE_LENGTH) {
    return `prefix, item code, ${valueCheckDigit === true ? 'value check digit, ' : ''}value and check digit make ${total} digits, not 13`;
  }
  return null;
}

/** The rule with the longest prefix matching a 13-digit code, if any. Rules without a usable prefix never match. */
export function findBarcodeRule(code13: string, rules: BarcodeRules | undefined): BarcodeRule | undefined {
  let best: BarcodeRule | undefined;
  // The rules come from a synced document: anything but an array is treated as "no rules".
  for (const rule of Array.isArray(rules) ? rules : []) {
    const prefix: unknown = (rule as { prefix?: unknown } | null)?.prefix;
    if (typeof prefix !== 'string' || prefix === '' || !code13.startsWith(prefix)) continue;
    if (best === undefined || prefix.length > best.prefix.length) best = rule;
  }
  return best;
}

/**
 * A rule from the layout string a scale manual prints, e.g. '21IIIIIWWWWWC' or '28IIIIVPPPPPC':
 * leading digits are the prefix, I the item code, V the price/weight check digit, W weight (grams) or
 * P price (minor units), C the EAN-13 check digit. Throws on a layout that is not of that shape,
 * because it is typed by a developer or an admin and must be fixed, not guessed.
 */
export function barcodeRuleFromLayout(layout: string, valueUnit?: number): VariableMeasureRule {
  const match = /^(\d+)(I+)(V?)(W+|P+)C$/.exec(layout);
  if (match === null) throw new Error(`Barcode layout "${layout}" is not of the form 21IIIIIWWWWWC / 28IIIIVPPPPPC`);
  const [, prefix = '', item = '', check = '', value = ''] = match;
  const rule: VariableMeasureRule = {
    prefix,
    value: value.startsWith('W') ? 'weight' : 'price',
    itemCodeLength: item.length,
    valueLength: value.length,
    valueCheckDigit: check === 'V',
    ...(valueUnit === undefined ? {} : { valueUnit }),
  };
  const problem = barcodeRuleProblem(rule);
  if (problem !== null) throw new Error(`Barcode layout "${layout}": ${problem}`);
  return rule;
}

function isWholeNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
