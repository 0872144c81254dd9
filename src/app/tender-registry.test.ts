import { describe, expect, it } from 'vitest';
import type { TenderForm } from '../ui/tender-form.ts';
import { buildTenderRegistry, tenderForms } from './tender-registry.ts';

const form = (id: string, order: number): TenderForm => ({ id, order, method: 'cash', Form: () => null });

describe('the pay panel offers the tenders the features register', () => {
  it('gathers every feature’s tender forms in tab order, whichever file they come from', () => {
    const forms = buildTenderRegistry({
      '../features/sale/tenders.ts': { tenderForms: [form('cash', 10), form('card', 20)] },
      '../features/giftcards/tenders.ts': { tenderForms: [form('gift_card_sale', 15)] },
    });
    expect(forms.map((each) => each.id)).toEqual(['cash', 'gift_card_sale', 'card']);
  });

  it('refuses two forms with one id, naming both files', () => {
    expect(() => buildTenderRegistry({ a: { tenderForms: [form('cash', 10)] }, b: { tenderForms: [form('cash', 20)] } })).toThrow(/cash: a and b/);
  });

  it('finds the sale feature’s six tenders in the app, cash first, loading them once', async () => {
    const loaded = await tenderForms.load();
    expect(loaded.map((each) => each.id)).toEqual(['cash', 'card', 'bank_qr', 'gift_card', 'points', 'store_credit']);
    expect(tenderForms.loaded()).toBe(loaded);
    expect(await tenderForms.load()).toBe(loaded);
  });
});
