// Scale labels printed and read back through a store's layout.
import { describe, expect, it } from 'vitest';
import { encodeVariableMeasure, readStoreCode } from './barcode-variable.ts';
import { barcodeRuleFromLayout } from './barcode-rules.ts';

const produce = barcodeRuleFromLayout('21IIIIIWWWWWC');
const meat = barcodeRuleFromLayout('28IIIIVPPPPPC');

describe('store scale labels', () => {
  it('prints the label a scale would: item, value check digit, value, check digit', () => {
    expect(encodeVariableMeasure(meat, '1027', 502)).toBe('2810275005024');
    expect(encodeVariableMeasure(produce, '12345', 1250)).toBe('2112345012506');
  });

  it('reads the label back to item code and amount', () => {
    expect(readStoreCode('2810275005024', 'ean13', [meat])).toMatchObject({ kind: 'variable', itemCode: '1027', price: 502 });
    expect(readStoreCode('2112345012506', 'ean13', [produce])).toMatchObject({ kind: 'variable', itemCode: '12345', weightGrams: 1250 });
  });

  it('refuses to print what the layout cannot hold', () => {
    expect(() => encodeVariableMeasure(produce, '1234', 1250)).toThrow(/exactly 5 digits/);
    expect(() => encodeVariableMeasure(produce, '12345', 100_000)).toThrow(/does not fit/);
    expect(() => encodeVariableMeasure(produce, '12345', 12.5)).toThrow(/whole multiple/);
    expect(() => encodeVariableMeasure({ ...produce, valueUnit: 10 }, '12345', 1255)).toThrow(/whole multiple of 10/);
  });
});
