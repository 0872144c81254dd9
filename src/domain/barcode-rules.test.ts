// Store barcode rules from the config document: layouts, the problems a settings screen reports, matching.
import { describe, expect, it } from 'vitest';
import { barcodeRuleFromLayout, barcodeRuleProblem, findBarcodeRule, isStoreCodeRange } from './barcode-rules.ts';
import type { BarcodeRules } from './barcode-rules.ts';

describe('store barcode rules', () => {
  it('turns the layouts scale manuals print into rules', () => {
    expect(barcodeRuleFromLayout('21IIIIIWWWWWC')).toEqual({ prefix: '21', value: 'weight', itemCodeLength: 5, valueLength: 5, valueCheckDigit: false });
    expect(barcodeRuleFromLayout('28IIIIVPPPPPC')).toEqual({ prefix: '28', value: 'price', itemCodeLength: 4, valueLength: 5, valueCheckDigit: true });
    expect(barcodeRuleFromLayout('2IIIIIIPPPPPC', 100)).toMatchObject({ prefix: '2', itemCodeLength: 6, valueUnit: 100 });
  });

  it('refuses layouts that cannot be a 13-digit store code', () => {
    expect(() => barcodeRuleFromLayout('21IIIIWWWWWC')).toThrow(/12 digits, not 13/);
    expect(() => barcodeRuleFromLayout('21IIIIVWWWWWWC')).toThrow(/check digit is defined only for 4- or 5-digit/);
    expect(() => barcodeRuleFromLayout('40IIIIIWWWWWC')).toThrow(/would capture real product codes/);
    expect(() => barcodeRuleFromLayout('21XXXXXWWWWWC')).toThrow(/not of the form/);
  });

  it('explains what is wrong with a rule arriving from the config document', () => {
    expect(barcodeRuleProblem(null)).toMatch(/object/);
    expect(barcodeRuleProblem({ prefix: 21, value: 'weight' })).toMatch(/prefix must be digits/);
    expect(barcodeRuleProblem({ prefix: '21', value: 'kg' })).toMatch(/value must be/);
    expect(barcodeRuleProblem({ prefix: '21', value: 'weight', itemCodeLength: 0, valueLength: 5 })).toMatch(/itemCodeLength/);
    expect(barcodeRuleProblem({ prefix: '21', value: 'weight', itemCodeLength: 5, valueLength: 5, valueUnit: 0.5 })).toMatch(/valueUnit/);
    expect(barcodeRuleProblem({ prefix: '21', value: 'weight', itemCodeLength: 5, valueLength: 5, valueCheckDigit: 'yes' })).toMatch(/true or false/);
    expect(barcodeRuleProblem({ prefix: '21', value: 'weight', itemCodeLength: 5, valueLength: 5 })).toBeNull();
    expect(barcodeRuleProblem({ prefix: '02', value: 'none' })).toBeNull();
  });

  it('knows the ranges GS1 leaves to stores', () => {
    expect(isStoreCodeRange('2112345012509')).toBe(true);
    expect(isStoreCodeRange('0212345007995')).toBe(true);
    expect(isStoreCodeRange('4006381333931')).toBe(false);
    expect(isStoreCodeRange('0036000291452')).toBe(false);
  });

  it('picks the longest matching prefix and ignores rules it cannot read', () => {
    const rules = [null, { prefix: 7 }, { prefix: '2', value: 'none' }, { prefix: '21', value: 'none' }] as unknown as BarcodeRules;
    expect(findBarcodeRule('2112345012509', rules)?.prefix).toBe('21');
    expect(findBarcodeRule('2212345012509', rules)?.prefix).toBe('2');
    expect(findBarcodeRule('2212345012509', { not: 'an array' } as unknown as BarcodeRules)).toBeUndefined();
  });
});
