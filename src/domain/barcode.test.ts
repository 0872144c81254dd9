// The counter's barcode parser as a cashier meets it: real pack codes, scale labels, GS1 strings, misreads,
// and the properties that make it safe to trust (check digits catch typos, labels round-trip, it never throws).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBarcode } from './barcode.ts';
import type { BarcodeRules, ParseResult } from './barcode.ts';
import { gtinCheckDigit, makeEan13 } from './gtin.ts';
import { compressUpcA, expandUpcE } from './barcode-upce.ts';
import { barcodeRuleFromLayout } from './barcode-rules.ts';
import { encodeVariableMeasure } from './barcode-variable.ts';

const GS = '\u001d';

/** The store in these stories: a meat counter scale printing prices, a produce scale printing weights. */
const STORE_RULES: BarcodeRules = [
  barcodeRuleFromLayout('21IIIIIWWWWWC'),
  barcodeRuleFromLayout('28IIIIVPPPPPC'),
  { prefix: '20', value: 'none', name: 'store-numbered goods' },
];

function withCheckDigit(body: string): string {
  return body + String(gtinCheckDigit(body));
}

function expectFailure(result: ParseResult, reason: string): void {
  expect(result).toMatchObject({ ok: false, reason });
  if (!result.ok) expect(result.detail.length).toBeGreaterThan(0);
}

describe('parseBarcode: retail product codes', () => {
  it('reads an EAN-13 from a European pack and a code with Vietnam prefix 893', () => {
    expect(parseBarcode('4006381333931')).toEqual({ ok: true, kind: 'ean13', gtin: '04006381333931' });
    expect(parseBarcode('8934588012228')).toEqual({ ok: true, kind: 'ean13', gtin: '08934588012228' });
  });

  it('reads an EAN-8 from a small pack', () => {
    expect(parseBarcode('96385074')).toEqual({ ok: true, kind: 'ean8', gtin: '00000096385074' });
  });

  it('reads a UPC-A from an imported American pack', () => {
    expect(parseBarcode('036000291452')).toEqual({ ok: true, kind: 'upca', gtin: '00036000291452' });
  });

  it('expands a UPC-E to the UPC-A the catalog knows it by', () => {
    // 0 425261 4: d6 = 1, so manufacturer 42100 and item 00526; the check digit 4 belongs to 04210000526.
    expect(gtinCheckDigit('04210000526')).toBe(4);
    expect(parseBarcode('04252614')).toEqual({ ok: true, kind: 'upce', gtin: '00042100005264' });
  });

  it('gives the same GTIN for a product whether its UPC-A or its UPC-E is scanned', () => {
    const upca = withCheckDigit('01234500006'); // manufacturer 12345, item 00006: compressible
    const upce = compressUpcA(upca);
    expect(upce).toBe('01234565');
    expect(parseBarcode(upce ?? '')).toMatchObject({ kind: 'upce', gtin: '00' + upca });
    expect(parseBarcode(upca)).toMatchObject({ kind: 'upca', gtin: '00' + upca });
  });

  it('reads an 8-digit code valid both ways as UPC-E, offering the EAN-8 reading as the alternative', () => {
    // Search for such a code rather than trusting one from memory.
    let both = '';
    for (let i = 0; i < 10_000 && both === ''; i++) {
      const first7 = '0' + String(i).padStart(6, '0');
      const ean8 = withCheckDigit(first7);
      const asUpce = parseBarcode(ean8);
      if (asUpce.ok && asUpce.kind === 'upce') both = ean8;
    }
    expect(both).not.toBe('');
    const result = parseBarcode(both);
    expect(result).toMatchObject({ ok: true, kind: 'upce', alternative: { kind: 'ean8', gtin: both.padStart(14, '0') } });
    // A scanner that sends symbology identifiers settles it.
    expect(parseBarcode(`]E4${both}`)).toEqual({ ok: true, kind: 'ean8', gtin: both.padStart(14, '0') });
    expect(parseBarcode(`]E0${both}`)).toMatchObject({ ok: true, kind: 'upce' });
  });

  it('ignores the Enter, line feed and spaces a scanner may add, and an EAN symbology identifier', () => {
    expect(parseBarcode(' 4006381333931\r\n')).toMatchObject({ ok: true, kind: 'ean13' });
    expect(parseBarcode(']E04006381333931')).toMatchObject({ ok: true, kind: 'ean13', gtin: '04006381333931' });
  });

  it('reads an ITF-14 from an outer case as the GTIN-14 it carries', () => {
    expect(parseBarcode('09506000134352')).toEqual({ ok: true, kind: 'gs1', ais: { '01': '09506000134352' }, gtin: '09506000134352' });
  });
});

describe('parseBarcode: store codes from the scale (prefix 20-29)', () => {
  it('reads a produce label: item code 12345 weighing 1.250 kg', () => {
    const label = withCheckDigit('211234501250');
    expect(parseBarcode(label, STORE_RULES)).toMatchObject({ ok: true, kind: 'variable', itemCode: '12345', weightGrams: 1250, gtin: label.padStart(14, '0') });
  });

  it('reads a meat counter label with a price check digit: item 1027 at 502 (German scale test vector)', () => {
    expect(parseBarcode('2810275005024', STORE_RULES)).toMatchObject({ ok: true, kind: 'variable', itemCode: '1027', price: 502 });
  });

  it('refuses a meat label whose price digits were altered and whose outer check digit was recomputed', () => {
    const forged = withCheckDigit('281027500902'); // price 00902 with the old price check digit 5
    expectFailure(parseBarcode(forged, STORE_RULES), 'bad-check-digit');
  });

  it('reads store-numbered goods (prefix 20) as plain EAN-13 codes', () => {
    const code = withCheckDigit('200000000123');
    expect(parseBarcode(code, STORE_RULES)).toEqual({ ok: true, kind: 'ean13', gtin: code.padStart(14, '0') });
  });

  it('refuses a store code when the store has not configured its scale layout, with or without rules', () => {
    const label = withCheckDigit('221234501250');
    expectFailure(parseBarcode(label), 'unknown-variable-layout');
    expectFailure(parseBarcode(label, []), 'unknown-variable-layout');
    expectFailure(parseBarcode(label, STORE_RULES), 'unknown-variable-layout');
  });

  it('reads a UPC-A random-weight label (number system 2) through a 02 rule', () => {
    const rules: BarcodeRules = [{ prefix: '02', value: 'price', itemCodeLength: 5, valueLength: 5 }];
    const label = withCheckDigit('21234500799'); // 12 digits on the pack
    expect(parseBarcode(label, rules)).toMatchObject({ ok: true, kind: 'variable', itemCode: '12345', price: 799 });
    expectFailure(parseBarcode(label), 'unknown-variable-layout');
  });

  it('scales a VND price printed in thousands back to dong', () => {
    const rules: BarcodeRules = [barcodeRuleFromLayout('23IIIIIPPPPPC', 1000)];
    const label = encodeVariableMeasure(rules[0] as never, '00042', 185_000);
    expect(parseBarcode(label, rules)).toMatchObject({ kind: 'variable', itemCode: '00042', price: 185_000 });
  });

  it('reports a broken store rule instead of guessing', () => {
    const rules = [{ prefix: '21', value: 'weight', itemCodeLength: 6, valueLength: 5 }] as unknown as BarcodeRules;
    expectFailure(parseBarcode(withCheckDigit('211234501250'), rules), 'bad-rule');
  });

  it('prefers the longest matching prefix', () => {
    const rules: BarcodeRules = [
      { prefix: '2', value: 'price', itemCodeLength: 6, valueLength: 5 },
      { prefix: '29', value: 'weight', itemCodeLength: 5, valueLength: 5 },
    ];
    expect(parseBarcode(withCheckDigit('291234500500'), rules)).toMatchObject({ itemCode: '12345', weightGrams: 500 });
    expect(parseBarcode(withCheckDigit('212345600500'), rules)).toMatchObject({ itemCode: '123456', price: 500 });
  });
});

describe('parseBarcode: GS1 element strings', () => {
  it('reads the printed form and the transmitted form of the same DataMatrix to the same result', () => {
    const printed = parseBarcode('(01)09506000134352(17)261231(10)ABC(3103)001250');
    const transmitted = parseBarcode(`]d2010950600013435217261231${'10ABC'}${GS}3103001250`);
    expect(printed).toEqual(transmitted);
    expect(printed).toEqual({
      ok: true,
      kind: 'gs1',
      gtin: '09506000134352',
      ais: { '01': '09506000134352', '17': '261231', '10': 'ABC', '3103': '001250' },
      weightGrams: 1250,
    });
  });

  it('reads GS1-128 with a serial number and a price in VND', () => {
    const result = parseBarcode(`]C10109506000134352${'21SN-42/7'}${GS}3920185000`);
    expect(result).toMatchObject({ ok: true, kind: 'gs1', ais: { '21': 'SN-42/7', '3920': '185000' }, price: 185000 });
  });

  it('reads a leading-AI element string even when the scanner sends no symbology identifier', () => {
    expect(parseBarcode('010950600013435217261231')).toMatchObject({ kind: 'gs1', ais: { '01': '09506000134352', '17': '261231' } });
    expect(parseBarcode(`010950600013435210LOT1${GS}17261231`)).toMatchObject({ kind: 'gs1', ais: { '10': 'LOT1', '17': '261231' } });
  });
});

describe('parseBarcode: garbage in, reasons out', () => {
  const cases: Array<[string, string, string]> = [
    ['nothing', '', 'empty'],
    ['only a carriage return', '\r\n', 'empty'],
    ['only a symbology identifier', ']E0', 'empty'],
    ['a shop label in Code 128', 'SKU-00042', 'not-digits'],
    ['a label starting with a bracket, not a symbology identifier', ']-12345678', 'not-digits'],
    ['Vietnamese text typed by mistake', 'cà phê', 'not-digits'],
    ['eleven digits', '40063813339', 'bad-length'],
    ['a mistyped EAN-13', '4006381333932', 'bad-check-digit'],
    ['a mistyped EAN-8', '96385075', 'bad-check-digit'],
    ['a mistyped UPC-A', '036000291453', 'bad-check-digit'],
    ['a mistyped ITF-14', '09506000134353', 'bad-check-digit'],
    ['a GTIN with a wrong check digit inside GS1', '(01)09506000134353', 'bad-ai-value'],
    ['an impossible expiry date', '(01)09506000134352(17)261331', 'bad-ai-value'],
    ['a 30 February', '(17)260230', 'bad-ai-value'],
    ['a lot too long (missing GS)', `]C110${'A'.repeat(21)}`, 'bad-ai-value'],
    ['a lot with a space', '(10)AB C', 'bad-ai-value'],
    ['an unknown AI', '(01)09506000134352(89)X', 'unknown-ai'],
    ['a 310 without its decimals digit', '(310)001250', 'unknown-ai'],
    ['text before the first AI', 'x(01)09506000134352', 'not-digits'],
    ['an AI written twice with different values', '(10)A(10)B', 'bad-gs1'],
    ['two net weights', '(3102)000125(3103)001250', 'bad-gs1'],
    ['a price with more decimals than VND has', '(3922)1999', 'bad-ai-value'],
    ['a GS1 identifier with no AI', ']C1ABC', 'bad-gs1'],
    ['a truncated GTIN', ']C1010950600013', 'bad-ai-value'],
  ];
  it.each(cases)('%s -> %s', (_story, raw, reason) => {
    expectFailure(parseBarcode(raw, STORE_RULES), reason);
  });
});

// ---- properties ------------------------------------------------------------------------------------

const digitString = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
/** EAN-13 bodies outside the store ranges, so they read as plain EAN-13. */
const ean13Body = digitString(12).filter((d) => !d.startsWith('2') && !d.startsWith('02'));
const upcaBody = digitString(11).filter((d) => !d.startsWith('2'));
const ean8Body = fc.tuple(fc.constantFrom(...'3456789'), digitString(6)).map(([a, b]) => a + b);

function replaceAt(code: string, position: number, digit: string): string {
  return code.slice(0, position) + digit + code.slice(position + 1);
}

function swapAt(code: string, position: number): string {
  return code.slice(0, position) + code.charAt(position + 1) + code.charAt(position) + code.slice(position + 2);
}

describe('parseBarcode properties', () => {
  it('reads any valid EAN-13, UPC-A and EAN-8 with the right GTIN', () => {
    fc.assert(fc.property(ean13Body, (body) => {
      const code = makeEan13(body);
      expect(parseBarcode(code)).toEqual({ ok: true, kind: 'ean13', gtin: '0' + code });
    }));
    fc.assert(fc.property(upcaBody, (body) => {
      const code = withCheckDigit(body);
      expect(parseBarcode(code)).toEqual({ ok: true, kind: 'upca', gtin: '00' + code });
    }));
    fc.assert(fc.property(ean8Body, (body) => {
      const code = withCheckDigit(body);
      expect(parseBarcode(code)).toEqual({ ok: true, kind: 'ean8', gtin: '000000' + code });
    }));
  });

  it('rejects any single mistyped digit', () => {
    const mistype = (body: fc.Arbitrary<string>, length: number, prefix = '') =>
      fc.property(body, fc.nat(length - 1), fc.integer({ min: 1, max: 9 }), (b, position, shift) => {
        const code = withCheckDigit(b);
        const wrong = replaceAt(code, position, String((Number(code[position]) + shift) % 10));
        expectFailure(parseBarcode(prefix + wrong, STORE_RULES), 'bad-check-digit');
      });
    fc.assert(mistype(ean13Body, 13));
    fc.assert(mistype(upcaBody, 12));
    // An altered EAN-8 could happen to be a valid UPC-E; the EAN-8 symbology identifier rules that out.
    fc.assert(mistype(ean8Body, 8, ']E4'));
  });

  it('rejects swapped neighbouring digits unless they differ by 5, which weights 3 and 1 cannot see', () => {
    const swap = (body: fc.Arbitrary<string>, length: number, prefix = '') =>
      fc.property(body, fc.nat(length - 2), (b, position) => {
        const code = withCheckDigit(b);
        const [x, y] = [Number(code[position]), Number(code[position + 1])];
        const swapped = swapAt(code, position);
        const result = parseBarcode(prefix + swapped);
        if (x === y) return;
        if (Math.abs(x - y) === 5) expect(result.ok || result.reason !== 'bad-check-digit').toBe(true);
        else expectFailure(result, 'bad-check-digit');
      });
    fc.assert(swap(ean13Body, 13));
    fc.assert(swap(upcaBody, 12));
    fc.assert(swap(ean8Body, 8, ']E4'));
  });

  it('reads a UPC-E and the UPC-A it compresses to as the same product', () => {
    // Every UPC-A with zeros to spare is the expansion of some UPC-E: generate it from that side.
    fc.assert(fc.property(fc.constantFrom('0', '1'), digitString(6), (ns, data) => {
      const upca = withCheckDigit((expandUpcE(`${ns}${data}0`) ?? '').slice(0, 11));
      const upce = compressUpcA(upca);
      expect(upce).not.toBeNull();
      expect(parseBarcode(`]E0${upce}`)).toEqual({ ok: true, kind: 'upce', gtin: '00' + upca });
      expect(parseBarcode(upca)).toEqual({ ok: true, kind: 'upca', gtin: '00' + upca });
    }));
  });

  it('gives back the weight or price a scale printed with any valid layout', () => {
    const layout = fc
      .record({
        prefix: fc.constantFrom('2', '20', '21', '25', '29', '02', '021'),
        value: fc.constantFrom('weight' as const, 'price' as const),
        valueCheckDigit: fc.boolean(),
        valueUnit: fc.constantFrom(1, 10, 100, 1000),
        valueLength: fc.integer({ min: 1, max: 7 }),
      })
      .map((r) => {
        const valueCheckDigit = r.valueCheckDigit && (r.valueLength === 4 || r.valueLength === 5);
        return { ...r, valueCheckDigit, itemCodeLength: 12 - r.prefix.length - r.valueLength - (valueCheckDigit ? 1 : 0) };
      })
      .filter((r) => r.itemCodeLength >= 1);
    const scene = layout.chain((rule) =>
      fc.tuple(fc.constant(rule), digitString(rule.itemCodeLength), fc.nat(10 ** rule.valueLength - 1)),
    );
    fc.assert(fc.property(scene, ([rule, itemCode, printed]) => {
      const amount = printed * rule.valueUnit;
      const label = encodeVariableMeasure(rule, itemCode, amount);
      expect(label).toHaveLength(13);
      const scanned = label.startsWith('0') ? label.slice(1) : label; // a UPC-A label carries 12 digits
      const expected = rule.value === 'weight' ? { weightGrams: amount } : { price: amount };
      expect(parseBarcode(scanned, [rule])).toMatchObject({ ok: true, kind: 'variable', itemCode, ...expected });
    }));
  });

  it('reads any element string the same in its printed and transmitted forms', () => {
    const lot = fc.string({ unit: fc.constantFrom(...'ABCXYZabc0189-./_'), minLength: 1, maxLength: 20 });
    const date = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 28 }))
      .map(([y, m, d]) => [y, m, d].map((part) => String(part).padStart(2, '0')).join(''));
    const gtin = digitString(13).map(withCheckDigit);
    const weight = fc.tuple(fc.integer({ min: 0, max: 3 }), digitString(6));
    const price = fc.tuple(fc.constant(0), fc.nat(10_000_000));
    fc.assert(fc.property(gtin, date, lot, lot, weight, price, (g, d, l, s, [places, w], [pricePlaces, p]) => {
      // Variable-length values need a GS after them unless last; fixed ones never do.
      const transmitted = `]C101${g}17${d}10${l}${GS}21${s}${GS}310${places}${w}392${pricePlaces}${p}`;
      const printed = `(01)${g}(17)${d}(10)${l}(21)${s}(310${places})${w}(392${pricePlaces})${p}`;
      const a = parseBarcode(transmitted);
      expect(a).toEqual(parseBarcode(printed));
      expect(a).toMatchObject({ ok: true, gtin: g, weightGrams: Number(w) * 10 ** (3 - places), price: p });
    }));
  });

  it('never throws, whatever arrives', () => {
    const scannerish = fc.string({ unit: fc.constantFrom(...'0123456789()]CdEQ2e0AB-', GS, ' ', '\r'), maxLength: 60 });
    const anything = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), scannerish);
    const rules = fc.oneof(fc.constant(STORE_RULES), fc.anything() as fc.Arbitrary<unknown>);
    fc.assert(fc.property(anything, rules, (raw, r) => {
      const result = parseBarcode(raw, r as BarcodeRules);
      expect(typeof result.ok).toBe('boolean');
    }), { numRuns: 2000 });
    // 2,000 runs of arbitrary rules take 1-2 s alone and over 6 s on a machine busy with other test projects.
  }, 30_000);
});
