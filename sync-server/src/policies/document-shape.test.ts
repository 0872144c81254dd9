import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../http-error.ts';
import { MAX_DOCUMENT_CHARS, MAX_DOCUMENT_DEPTH, checkDocumentShape, maskCardNumbersIn } from './document-shape.ts';

const WHERE = 'body/0/newDocumentState';

function refusal(state: unknown): string {
  try {
    checkDocumentShape(state, WHERE, true);
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 400) return error.message;
    throw error;
  }
  throw new Error('expected a 400');
}

/** `depth` objects nested in one another, built without recursion. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 1; i < depth; i++) value = { x: value };
  return value;
}

/** A sale of `lines` lines as long as the counter writes them, with a stock movement per line. */
function bigSale(lines: number): Record<string, unknown> {
  const id = '0190f3c2-7a1b-7cc0-9d2e-1f2a3b4c5d6e';
  return {
    id,
    kind: 'sale',
    storeId: 'store-q1',
    deviceId: '0190f3c2-7a1b-7cc0-9d2e-000000000001',
    number: 'Q1-T1-000042',
    createdAt: '2024-06-01T09:15:00.000Z',
    lines: Array.from({ length: lines }, (_, i) => ({
      productId: `0190f3c2-7a1b-7cc0-9d2e-${String(i).padStart(12, '0')}`,
      sku: '8938505974194',
      name: 'Sữa tươi tiệt trùng Vinamilk có đường hộp giấy 1 lít, thùng 12 hộp (khuyến mãi)'.padEnd(120, '.'),
      qty: 1000,
      unitPrice: 389_000,
      discount: 0,
      taxRate: 800,
      total: 389_000,
      priceIncludesTax: true,
      unit: 'pcs',
      listPrice: 399_000,
      approvedBy: 'store-q1-manager',
    })),
    ledger: Array.from({ length: lines }, (_, i) => ({ id: `${id}-stock-${i}`, kind: 'stock', refId: `p-${i}`, delta: -1000, reason: 'sale' })),
  };
}

describe('the shape of a pushed document, walked without recursion', () => {
  it('refuses nesting deeper than the limit with the path where it goes too deep, even 100,000 levels down', () => {
    expect(() => checkDocumentShape(nested(MAX_DOCUMENT_DEPTH), WHERE, true)).not.toThrow();
    expect(refusal(nested(MAX_DOCUMENT_DEPTH + 1))).toBe(`${WHERE}${'/x'.repeat(MAX_DOCUMENT_DEPTH)} is nested deeper than 32 levels: a document may nest at most that deep`);
    expect(refusal({ details: nested(100_000) })).toMatch(/ is nested deeper than 32 levels/);
    expect(refusal({ list: Array.from({ length: 40 }).reduce<unknown>((inner) => [inner], 1) })).toMatch(/^body\/0\/newDocumentState\/list(\/0)+ is nested/);
  });

  it('refuses a document larger than the limit at the array, and keeps the largest sale a till writes', () => {
    expect(refusal({ junk: new Array<number>(1_000_000).fill(0) })).toBe(`${WHERE} is larger than ${MAX_DOCUMENT_CHARS} characters of JSON: a document holds at most that much`);
    expect(refusal({ text: 'a'.repeat(MAX_DOCUMENT_CHARS) })).toMatch(/is larger than/);
    const sale = bigSale(1000);
    expect(JSON.stringify(sale).length).toBeGreaterThan(256 * 1024);
    expect(JSON.stringify(sale).length).toBeLessThan(MAX_DOCUMENT_CHARS);
    expect(() => checkDocumentShape(sale, WHERE, true)).not.toThrow();
  });

  it('property: the size is the length of the JSON text, to the character (text that needs no escapes)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 5 }).filter((value) => !JSON.stringify(value).includes('\\')),
        fc.boolean(),
        (value, over) => {
          const base = JSON.stringify({ value, pad: '' }).length;
          const doc = { value, pad: 'p'.repeat(MAX_DOCUMENT_CHARS - base + (over ? 1 : 0)) };
          expect(JSON.stringify(doc).length).toBe(MAX_DOCUMENT_CHARS + (over ? 1 : 0));
          if (over) expect(refusal(doc)).toMatch(/is larger than/);
          else expect(() => checkDocumentShape(doc, WHERE, false)).not.toThrow();
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses U+0000 and lone surrogates in strings and field names, naming the path', () => {
    expect(refusal({ lines: [{ name: 'Sữa\u0000' }] })).toBe(`${WHERE}/lines/0/name contains the character U+0000, which is not allowed in a document`);
    expect(refusal({ lines: [{ name: 'Cà phê \ud83d' }] })).toBe(`${WHERE}/lines/0/name contains a lone surrogate (U+D83D), which is not text`);
    expect(refusal({ note: '\udc00x' })).toBe(`${WHERE}/note contains a lone surrogate (U+DC00), which is not text`);
    expect(refusal({ details: { ['k\ud800']: 1 } })).toBe(`${WHERE}/details has a field name that contains a lone surrogate (U+D800), which is not text`);
    expect(() => checkDocumentShape({ note: 'Phở 🍜 và cà phê ☕' }, WHERE, true)).not.toThrow();
    // U+0000 is looked for only when the request body could hold one.
    expect(() => checkDocumentShape({ note: 'a\u0000' }, WHERE, false)).not.toThrow();
  });
});

describe('card numbers in a pushed document are masked, the input left as it was', () => {
  const mask = (doc: Record<string, unknown>) => maskCardNumbersIn(doc, checkDocumentShape(doc, WHERE, true));

  it('masks every string that holds one, copying only the way to it, and says where', () => {
    const doc = {
      id: '0190f3c2-7a1b-7cc0-9d2e-1f2a3b4c5d6e',
      tenders: [{ method: 'card', amount: 1, reference: '4111.1111.1111.1111' }, { method: 'cash', amount: 2 }],
      lines: [{ name: 'x' }],
      details: { ['4111111111111111']: 'key', nested: { deep: ['ok', 'thẻ 5555 5555 5555 4444'] } },
    };
    const before = structuredClone(doc);
    const { document, paths } = mask(doc);
    expect(doc).toEqual(before);
    expect(document.tenders).toEqual([{ method: 'card', amount: 1, reference: '411111******1111' }, { method: 'cash', amount: 2 }]);
    expect(document.lines).toBe(doc.lines);
    expect(document.details).toEqual({ ['411111******1111']: 'key', nested: { deep: ['ok', 'thẻ 555555******4444'] } });
    expect(paths).toEqual(['tenders/0/reference', 'details/nested/deep/1', 'details (a field name)']);
    expect(paths.join(' ')).not.toMatch(/\d{7}/);
  });

  it('leaves ids, receipt numbers, product codes, dates and the gift-card ids the document names', () => {
    const giftCard = '6011111111111117';
    const doc = {
      id: '41111111-1111-1111-1111-000000000000',
      number: '4021-123456-000042',
      createdAt: '2024-06-01T09:15:00.000Z',
      lines: [{ productId: '4006381333931', sku: '04006381333931' }],
      tenders: [{ method: 'gift_card', amount: 1, reference: giftCard }],
      ledger: [{ id: '41111111-1111-1111-1111-000000000000-giftcard-0', kind: 'giftcard', refId: giftCard, delta: -1, reason: 'redeem' }],
    };
    const { document, paths } = mask(doc);
    expect(document).toBe(doc);
    expect(paths).toEqual([]);
    // The same digits as a card tender's reference are a card number.
    expect(mask({ ...doc, tenders: [{ method: 'card', amount: 1, reference: giftCard }], ledger: [] }).paths).toEqual(['tenders/0/reference']);
  });

  it('property: after masking, no string of the document holds a card number', () => {
    const pan = fc.constantFrom('4111111111111111', '5555555555554444', '378282246310005', '9704000000000018', '6200000000000005');
    const separator = fc.constantFrom('', ' ', '-', '.', '/', '_');
    fc.assert(
      fc.property(pan, separator, fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), (digits, sep, before, after) => {
        const written = digits.match(/.{1,4}/g)!.join(sep);
        const text = `${before.replace(/\d/g, '')} ${written} ${after.replace(/\d/g, '')}`;
        const { document } = mask({ note: text, list: [text, { deeper: text }] });
        expect(JSON.stringify(document)).not.toContain(digits);
        expect(JSON.stringify(document).replace(/\D/g, '')).not.toContain(digits);
      }),
    );
  });
});
