/*
 * Reading and printing store codes: EAN-13s in the ranges GS1 leaves to stores (20-29, and 02 for UPC-A
 * number system 2), laid out by the store's rules (barcode-rules.ts). A scale label gives the product's
 * item code and a weight or price; a store-numbered code ('none' rule) is an ordinary product code.
 *
 * A code in these ranges with no rule is refused rather than guessed: read as a plain EAN-13 it would
 * never match a product (every label differs), and guessing a layout could put a price where a weight
 * is. The cashier sees "configure the scale's barcode layout" instead, and the store fixes it once.
 */

import { gtinCheckDigit } from './gtin.ts';
import { priceCheckDigit } from './barcode-price-check.ts';
import { barcodeFailure } from './barcode-result.ts';
import type { ParseResult } from './barcode-result.ts';
import { barcodeRuleProblem, findBarcodeRule, STORE_CODE_LENGTH } from './barcode-rules.ts';
import type { BarcodeRules, VariableMeasureRule } from './barcode-rules.ts';

/**
 * Reads a 13-digit code in a store range whose own check digit is already known to be right.
 * `scannedAs` is what a 'none' rule reports it as: the symbol it came from.
 */
export function readStoreCode(code13: string, scannedAs: 'ean13' | 'upca', rules: BarcodeRules | undefined): ParseResult {
  const gtin = code13.padStart(14, '0');
  const rule = findBarcodeRule(code13, rules);
  if (rule === undefined) {
    return barcodeFailure(
      'unknown-variable-layout',
      `${code13} is a store code (prefix ${code13.startsWith('02') ? '02' : code13.slice(0, 2)}) and no barcode rule matches it: ` +
        'configure the scale label layout for this prefix (or mark the prefix as store-numbered goods) in Settings',
    );
  }
  const problem = barcodeRuleProblem(rule);
  if (problem !== null) return barcodeFailure('bad-rule', `barcode rule for prefix "${rule.prefix}": ${problem}`);
  if (rule.value === 'none') return { ok: true, kind: scannedAs, gtin };

  const itemStart = rule.prefix.length;
  const itemCode = code13.slice(itemStart, itemStart + rule.itemCodeLength);
  const valueStart = STORE_CODE_LENGTH - 1 - rule.valueLength;
  const digits = code13.slice(valueStart, STORE_CODE_LENGTH - 1);
  if (rule.valueCheckDigit === true) {
    const printed = code13.charCodeAt(valueStart - 1) - 48;
    const expected = priceCheckDigit(digits);
    if (printed !== expected) {
      return barcodeFailure('bad-check-digit', `${code13}: the ${rule.value} check digit is ${printed}, ${digits} needs ${expected}`);
    }
  }
  // At most 10 digits times a unit of at most 1,000,000: always a safe integer, no floats involved.
  const amount = Number(digits) * (rule.valueUnit ?? 1);
  return {
    ok: true,
    kind: 'variable',
    gtin,
    itemCode,
    rule,
    ...(rule.value === 'weight' ? { weightGrams: amount } : { price: amount }),
  };
}

/**
 * The 13-digit label a scale following `rule` prints for an item code and an amount (grams for a weight
 * rule, minor units for a price rule). Throws when they do not fit the layout: label printing and tests
 * call this with values they control, so a misfit is a bug to surface, not a scan to reject.
 */
export function encodeVariableMeasure(rule: VariableMeasureRule, itemCode: string, amount: number): string {
  const problem = barcodeRuleProblem(rule);
  if (problem !== null) throw new Error(`Cannot print with this barcode rule: ${problem}`);
  if (!new RegExp(`^\\d{${rule.itemCodeLength}}$`).test(itemCode)) {
    throw new Error(`Item code "${itemCode}" must be exactly ${rule.itemCodeLength} digits for prefix ${rule.prefix}`);
  }
  const unit = rule.valueUnit ?? 1;
  if (!Number.isSafeInteger(amount) || amount < 0 || amount % unit !== 0) {
    throw new Error(`${rule.value} ${amount} must be a non-negative whole multiple of ${unit}`);
  }
  const digits = String(amount / unit).padStart(rule.valueLength, '0');
  if (digits.length > rule.valueLength) throw new Error(`${rule.value} ${amount} does not fit in ${rule.valueLength} digits`);
  const valueCheck = rule.valueCheckDigit === true ? String(priceCheckDigit(digits)) : '';
  const body = rule.prefix + itemCode + valueCheck + digits;
  return body + String(gtinCheckDigit(body));
}
