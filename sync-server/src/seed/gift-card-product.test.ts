import { describe, expect, it } from 'vitest';
import { giftCardProductIds } from '../../../src/domain/gift-card-sale.ts';
import { demoGiftCardProductId, FIRST_COUNTER_GOOD, generateProduct } from './catalog.ts';
import { COUNTER_GOODS, GIFT_CARD_GOOD } from './catalog-data.ts';
import { buildStoreConfig } from './store-config.ts';

describe('the demo store sells gift cards', () => {
  it('its catalog of 2,000 has the gift card among the counter goods, sold at the amount typed and without VAT', () => {
    const index = FIRST_COUNTER_GOOD + GIFT_CARD_GOOD;
    expect(index).toBeLessThan(2000);
    const card = generateProduct(index, '2026-01-01T00:00:00.000Z');
    expect(card).toMatchObject({ id: demoGiftCardProductId(), name: 'Thẻ quà tặng', price: 0, taxClassId: 'exempt', weighed: false, barcodes: [] });
    expect(COUNTER_GOODS[GIFT_CARD_GOOD]?.name).toBe('Thẻ quà tặng');
  });

  it('its config names that product in loyalty.giftCardProductIds, as the counter and the server read it', () => {
    const config = buildStoreConfig('store-demo', [], '2026-01-01T00:00:00.000Z');
    expect([...giftCardProductIds(config.loyalty)]).toEqual([demoGiftCardProductId()]);
  });
});
