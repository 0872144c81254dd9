// GS1 element strings: every AI in the table in both spellings, weight and price conversion, malformed input.
import { describe, expect, it } from 'vitest';
import { GS, parseGs1ElementString } from './barcode-gs1.ts';
import { GS1_AI_TABLE, lookupAi } from './barcode-gs1-ais.ts';
import type { AiSpec } from './barcode-gs1-ais.ts';
import { gtinCheckDigit } from './gtin.ts';

/** A valid value of the longest length for an AI: what a label printer could put there. */
function sampleValue(spec: AiSpec): string {
  if (spec.date === true) return '261231';
  // Whole amounts: a 392n price with more decimals than VND has is rightly refused.
  if (spec.decimals === true) return '1'.padEnd(spec.maxLength, '0');
  if (spec.charset === 'X') return 'AB-1/'.repeat(20).slice(0, spec.maxLength);
  const body = '1234567890'.repeat(3).slice(0, spec.maxLength - 1);
  return spec.checkDigit === true ? body + String(gtinCheckDigit(body)) : body + '7';
}

/** The AIs of the table as written on a label (310 -> 3103). */
const everyAi = [...GS1_AI_TABLE.entries()].map(([key, spec]) => ({ ai: spec.decimals === true ? key + '3' : key, spec }));

describe('GS1 Application Identifier table', () => {
  it('has no AI that is the start of another, so element strings split one way only', () => {
    const keys = [...GS1_AI_TABLE.keys()];
    const clashes = keys.filter((a) => keys.some((b) => a !== b && b.startsWith(a)));
    expect(clashes).toEqual([]);
  });

  it('resolves 2-, 3- and 4-digit AIs and the decimals digit of 310n and 392n', () => {
    expect(lookupAi('01')).toMatchObject({ ai: '01', predefinedLength: true });
    expect(lookupAi('10')).toMatchObject({ ai: '10', predefinedLength: false });
    expect(lookupAi('3103')).toMatchObject({ ai: '3103', decimalPlaces: 3, predefinedLength: true });
    expect(lookupAi('3922')).toMatchObject({ ai: '3922', decimalPlaces: 2, predefinedLength: false });
    expect(lookupAi('8020')).toMatchObject({ ai: '8020' });
    expect(lookupAi('310')).toBeNull();
    expect(lookupAi('89')).toBeNull();
    expect(lookupAi('AB')).toBeNull();
  });

  it.each(everyAi)('reads ($ai) alone, printed and transmitted, with a full-length value', ({ ai, spec }) => {
    const value = sampleValue(spec);
    const printed = parseGs1ElementString(`(${ai})${value}`);
    expect(printed).toMatchObject({ ok: true, ais: { [ai]: value } });
    expect(parseGs1ElementString(`${ai}${value}`)).toEqual(printed);
    // Followed by another element: a GS after variable-length values, none after predefined ones.
    const separator = lookupAi(ai)?.predefinedLength === true ? '' : GS;
    expect(parseGs1ElementString(`${ai}${value}${separator}21S1`)).toEqual(parseGs1ElementString(`(${ai})${value}(21)S1`));
  });
});

describe('GS1 element strings', () => {
  it('turns net weight in kilograms with n decimals into whole grams', () => {
    const grams = (ai: string, value: string) => {
      const result = parseGs1ElementString(`(${ai})${value}`);
      return result.ok ? result.weightGrams : result.reason;
    };
    expect(grams('3100', '000002')).toBe(2000);
    expect(grams('3101', '000015')).toBe(1500);
    expect(grams('3102', '000125')).toBe(1250);
    expect(grams('3103', '001250')).toBe(1250);
    expect(grams('3104', '012345')).toBe(1235); // 1.2345 kg: half a gram rounds up
    expect(grams('3105', '123449')).toBe(1234);
  });

  it('turns a 392n price into minor units of the store currency', () => {
    const price = (text: string, currencyExponent?: number) => parseGs1ElementString(text, { currencyExponent });
    expect(price('(3920)185000')).toMatchObject({ price: 185000 });
    expect(price('(3922)18500000')).toMatchObject({ price: 185000 });
    expect(price('(3922)1999', 2)).toMatchObject({ price: 1999 });
    expect(price('(3921)1999', 2)).toMatchObject({ price: 19990 });
    expect(price('(3922)1999')).toMatchObject({ ok: false, reason: 'bad-ai-value' });
    expect(price('(3920)999999999999999', 2)).toMatchObject({ ok: false, reason: 'bad-ai-value' }); // beyond safe integers
    expect(price('(3920)1', 1.5)).toMatchObject({ ok: false, reason: 'bad-rule' });
  });

  it('keeps 393n (price with ISO currency) as data without converting it', () => {
    expect(parseGs1ElementString('(3932)70412500')).toEqual({ ok: true, kind: 'gs1', ais: { '3932': '70412500' } });
  });

  it('accepts end-of-month day 00, leap days in leap years only', () => {
    expect(parseGs1ElementString('(17)260200')).toMatchObject({ ok: true });
    expect(parseGs1ElementString('(17)280229')).toMatchObject({ ok: true });
    expect(parseGs1ElementString('(17)270229')).toMatchObject({ ok: false, reason: 'bad-ai-value' });
    expect(parseGs1ElementString('(17)260431')).toMatchObject({ ok: false, reason: 'bad-ai-value' });
  });

  it('tolerates a GS at the start, a doubled GS and spaces around printed values', () => {
    const expected = parseGs1ElementString('(01)09506000134352(10)ABC(21)7');
    expect(parseGs1ElementString(`${GS}0109506000134352${GS}10ABC${GS}${GS}217`)).toEqual(expected);
    expect(parseGs1ElementString('(01) 09506000134352 (10) ABC (21) 7')).toEqual(expected);
  });

  it('allows an AI twice with the same value, not with different ones', () => {
    expect(parseGs1ElementString('(10)A(10)A')).toMatchObject({ ok: true, ais: { '10': 'A' } });
    expect(parseGs1ElementString('(10)A(10)B')).toMatchObject({ ok: false, reason: 'bad-gs1' });
  });
});
