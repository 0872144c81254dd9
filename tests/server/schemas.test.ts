import { describe, expect, it } from 'vitest';
import { collectionNames, collectionSchemas } from '../../src/data/schemas/index.ts';
import { createDocumentValidators, describeValidationErrors, toAjvSchema } from '../../sync-server/src/schemas.ts';

const sale = {
  id: '0190f3c2-7a1b-7cc0-9d2e-1f2a3b4c5d6e',
  kind: 'sale',
  storeId: 'store-q1',
  deviceId: 'tablet-1',
  number: 'Q1-T1-000042',
  createdAt: '2024-06-01T09:15:00.000Z',
  staffId: 'staff-lan',
  currency: 'VND',
  lines: [{ productId: 'p1', sku: 'SP000001', name: 'Sữa tươi', qty: 2000, unitPrice: 8000, discount: 0, taxRate: 800, total: 16000 }],
  tenders: [{ method: 'cash', amount: 20000 }],
  totals: { subtotal: 16000, discount: 0, tax: 1185, total: 16000 },
};

describe('the collection schemas on the server', () => {
  it('drop the keywords only RxDB understands and keep the collection schemas untouched', () => {
    for (const name of collectionNames) {
      const schema = toAjvSchema(collectionSchemas[name]);
      for (const keyword of ['version', 'primaryKey', 'indexes', 'encrypted', 'keyCompression']) {
        expect(schema).not.toHaveProperty(keyword);
      }
      expect(collectionSchemas[name]).toHaveProperty('primaryKey', 'id');
    }
  });

  it('accept a sale rung up at the counter and say exactly what is wrong with a broken one', () => {
    const validators = createDocumentValidators();
    expect(validators.sales(sale)).toBe(true);
    expect(validators.sales({ ...sale, lines: [{ ...sale.lines[0], qty: 1.5 }] })).toBe(false);
    expect(describeValidationErrors(validators.sales.errors)).toBe('lines/0/qty must be integer');
    expect(validators.sales({ ...sale, createdAt: 'yesterday' })).toBe(false);
    expect(describeValidationErrors(validators.sales.errors)).toBe('createdAt must match format "date-time"');
    expect(validators.products({ id: 'p1', colour: 'red' })).toBe(false);
    expect(describeValidationErrors(validators.products.errors, 'newDocumentState')).toMatch(/^newDocumentState must have required property/);
  });

  it('accept a card tender naming the terminal it was charged on (issue 17), and refuse an id over 64 characters', () => {
    const validators = createDocumentValidators();
    const byCard = (terminal: string) => ({ ...sale, tenders: [{ method: 'card', amount: 16000, reference: 'APPR 1', terminal }] });
    expect(validators.sales(byCard('vcb-1'))).toBe(true);
    expect(validators.sales(byCard('x'.repeat(65)))).toBe(false);
    expect(describeValidationErrors(validators.sales.errors)).toBe('tenders/0/terminal must NOT have more than 64 characters');
  });

  it('accept RxDB\'s _deleted flag only when asked to (documents as they arrive in a push)', () => {
    const audit = { id: 'a1', storeId: 's', deviceId: 'd', action: 'drawer.open', staffId: 'x', createdAt: '2024-06-01T09:15:00.000Z' };
    expect(createDocumentValidators().audit({ ...audit, _deleted: false })).toBe(false);
    expect(createDocumentValidators({ allowDeletedFlag: true }).audit({ ...audit, _deleted: false })).toBe(true);
  });
});
