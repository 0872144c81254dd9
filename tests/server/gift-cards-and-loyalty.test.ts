/*
 * Issue 16: gift cards from sale to redemption, and loyalty points the server keeps exact. A card holds value
 * only once the sale line that sells or reloads it is paid (the server derives the load), is redeemed in part
 * on another tablet and reloaded; points are earned by the store's programme (categories that earn nothing,
 * tiers reached by chain-wide spend, decided by the server) and two tablets spending the same points offline
 * leave an overdraft recorded exactly and flagged. On SQLite and PostgreSQL.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDocument, StoreConfigDocument } from '../../src/data/schemas/types.ts';
import { attachCustomer, emptyCart, ringUpLine } from '../../src/domain/cart.ts';
import type { Cart, CartProduct, RingUpOptions } from '../../src/domain/cart.ts';
import { generateGiftCardNumber } from '../../src/domain/gift-card-number.ts';
import { loyaltyRules, offlineSpendCap, tierById } from '../../src/domain/loyalty.ts';
import type { LoyaltyRules } from '../../src/domain/loyalty.ts';
import { returnPolicyOf } from '../../src/domain/return-policy.ts';
import { purchaseOfSale } from '../../src/domain/returnable-purchase.ts';
import { buildSaleDocument } from '../../src/domain/sale-document.ts';
import type { SaleRules } from '../../src/domain/sale-document.ts';
import { buildSaleReturn } from '../../src/domain/sale-return.ts';
import { buildSaleReversal } from '../../src/domain/sale-reversal.ts';
import { VIETNAM_TAX_CLASSES } from '../../src/domain/tax-presets.ts';
import type { Tender } from '../../src/domain/tender.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { asNew, enroll, openShop, pullAll, push, serverWrites } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const giftCard: CartProduct = { id: 'p-giftcard', sku: 'THE-QT', name: 'Thẻ quà tặng', price: 0, taxClassId: 'exempt', weighed: false };
const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê hạt 1kg', price: 250_000, taxClassId: 'vat10', weighed: false };
const cigarettes: CartProduct = { id: 'p-cigarettes', sku: 'TL01', name: 'Thuốc lá (cây)', price: 300_000, taxClassId: 'vat10', weighed: false };
const tv: CartProduct = { id: 'p-tv', sku: 'TV55', name: 'Ti vi 55 inch', price: 6_000_000, taxClassId: 'vat10', weighed: false };

const LOYALTY = {
  enabled: true,
  earnAmountPerPoint: 10_000,
  pointValue: 100,
  minRedeemPoints: 1,
  maxRedeemBasisPoints: 10_000,
  offlineRedeemCapPoints: 500,
  nonEarningCategories: ['Thuốc lá'],
  tierPeriodDays: 365,
  tiers: [
    { id: 'silver', name: 'Bạc', minSpend: 5_000_000, multiplierBasisPoints: 12_500 },
    { id: 'gold', name: 'Vàng', minSpend: 20_000_000, multiplierBasisPoints: 15_000 },
  ],
  giftCardProductIds: ['p-giftcard'],
};

describe.each(DATABASE_KINDS)('gift cards and loyalty points, as the server derives them (%s)', (kind) => {
  let t: TestApp;
  let tillA: EnrolledDevice;
  let tillB: EnrolledDevice;
  let q3: EnrolledDevice;
  let rules: LoyaltyRules;
  let receipt = 0;

  beforeAll(async () => {
    t = await startTestApp(kind, 'gift-cards-loyalty');
    for (const [id, name, code] of [
      ['store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE'],
      ['store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE'],
    ] as const) {
      await openShop(t.store, id, name, code);
      const stored = await t.app.documents.get('config', id);
      const config = stored?.body as StoreConfigDocument;
      await serverWrites(t.store, [{ collection: 'config', id, storeId: id, body: { ...config, loyalty: LOYALTY, returnPolicy: { ...config.returnPolicy, refundMethods: ['original_tender', 'cash', 'store_credit', 'gift_card'] }, updatedAt: new Date().toISOString() } }]);
    }
    const at = new Date().toISOString();
    await serverWrites(
      t.store,
      [giftCard, coffee, cigarettes, tv].map((p) => ({
        collection: 'products' as const,
        id: p.id,
        storeId: null,
        body: { id: p.id, sku: p.sku, name: p.name, searchName: p.name.toLowerCase(), barcodes: [], price: p.price, taxClassId: p.taxClassId, unit: 'pcs', weighed: false, active: true, category: p === cigarettes ? 'Thuốc lá' : p === giftCard ? 'Thẻ' : 'Khác', updatedAt: at },
      })),
    );
    tillA = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 1');
    tillB = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 2');
    q3 = await enroll(t.app, 'Q3AA-BBCC-DDEE');
    const found = loyaltyRules({ loyalty: LOYALTY, store: { timeZone: 'Asia/Ho_Chi_Minh' } });
    if (found === undefined) throw new Error('no loyalty rules');
    rules = found;
  });
  afterAll(async () => t?.close());

  const categoryOf = (productId: string): string | undefined => (productId === 'p-cigarettes' ? 'Thuốc lá' : undefined);

  function context(device: EnrolledDevice) {
    receipt += 1;
    return { id: uuidv7(), storeId: device.storeId, deviceId: device.deviceId, number: `${device.storeId}-G${String(receipt).padStart(5, '0')}`, createdAt: new Date().toISOString(), staffId: `${device.storeId}-cashier`, currency: 'VND' };
  }

  function sale(device: EnrolledDevice, items: Array<[CartProduct, RingUpOptions]>, tenders: Tender[], customerId?: string, tier?: string): SaleDocument {
    let cart: Cart = emptyCart();
    for (const [product, options] of items) {
      const rung = ringUpLine(cart, product, options);
      if (!rung.ok) throw new Error(rung.detail);
      cart = rung.cart;
    }
    if (customerId !== undefined) cart = attachCustomer(cart, customerId);
    const tierOf = tierById(tier, rules);
    const saleRules: SaleRules = { taxClasses: VIETNAM_TAX_CLASSES, loyalty: { amountPerPoint: 10_000, rules, categoryOf, ...(tierOf === undefined ? {} : { tier: tierOf }) } };
    const built = buildSaleDocument(cart, tenders, context(device), saleRules);
    if (!built.ok) throw new Error(built.detail);
    return built.sale;
  }

  async function pushed(device: EnrolledDevice, docs: readonly SaleDocument[]): Promise<void> {
    const response = await push(t.app, device.token, 'sales', asNew(docs));
    expect(response.statusCode, response.body).toBe(200);
  }

  async function balance(device: EnrolledDevice, id: string): Promise<number | undefined> {
    return (await pullAll(t.app, device.token, 'balances')).find((b) => b.id === id)?.['value'] as number | undefined;
  }

  async function incident(kindOf: string, documentId: string): Promise<Record<string, unknown> | undefined> {
    const row = await t.store.db.selectFrom('incidents').select('detail').where('kind', '=', kindOf).where('document_id', '=', documentId).executeTakeFirst();
    return row === undefined ? undefined : (JSON.parse(row.detail) as Record<string, unknown>);
  }

  it('a card sold and paid holds its value, is redeemed in part on another tablet, and reloaded', async () => {
    const card = generateGiftCardNumber();
    const key = `giftcard:store-q1:${card}`;
    await pushed(tillA, [sale(tillA, [[giftCard, { giftCard: { id: card, amount: 500_000 } }]], [{ method: 'cash', amount: 500_000 }])]);
    expect(await balance(tillB, key)).toBe(500_000);
    await pushed(tillB, [sale(tillB, [[coffee, {}]], [{ method: 'gift_card', amount: 200_000, giftCardId: card }, { method: 'cash', amount: 50_000 }])]);
    expect(await balance(tillA, key)).toBe(300_000);
    await pushed(tillA, [sale(tillA, [[giftCard, { giftCard: { id: card, amount: 100_000 } }]], [{ method: 'card', amount: 100_000, reference: 'APPR 55' }])]);
    expect(await balance(tillB, key)).toBe(400_000);
  });

  it('a card whose sale is not paid, is paid in points, or is sold as another product holds nothing, and the manager sees why', async () => {
    const unpaidCard = generateGiftCardNumber();
    const paid = sale(tillA, [[giftCard, { giftCard: { id: unpaidCard, amount: 500_000 } }]], [{ method: 'cash', amount: 500_000 }]);
    const unpaid: SaleDocument = { ...paid, tenders: [{ method: 'cash', amount: 1_000 }] };
    await pushed(tillA, [unpaid]);
    expect(await balance(tillA, `giftcard:store-q1:${unpaidCard}`)).toBeUndefined();
    expect(await incident('sale-mismatch', unpaid.id)).toMatchObject({ ledgerProblems: [expect.stringMatching(/no gift card loaded/)] });

    const pointsCard = generateGiftCardNumber();
    const inPoints: SaleDocument = { ...sale(tillA, [[giftCard, { giftCard: { id: pointsCard, amount: 50_000 } }]], [{ method: 'cash', amount: 50_000 }]), customerId: 'cust-pts', tenders: [{ method: 'points', amount: 50_000, points: 500 }] };
    await pushed(tillA, [inPoints]);
    expect(await balance(tillA, `giftcard:store-q1:${pointsCard}`)).toBeUndefined();

    const coffeeCard = generateGiftCardNumber();
    const asCoffee = sale(tillA, [[coffee, { giftCard: { id: coffeeCard, amount: 250_000 } }]], [{ method: 'cash', amount: 250_000 }]);
    await pushed(tillA, [asCoffee]);
    expect(await balance(tillA, `giftcard:store-q1:${coffeeCard}`)).toBeUndefined();
    expect(await incident('sale-mismatch', asCoffee.id)).toMatchObject({ ledgerProblems: [expect.stringMatching(/not one of the store's gift-card products/)] });
  });

  it('a cancelled card sale takes the value back; a return refunded to a new card puts the goods’ value on it', async () => {
    const card = generateGiftCardNumber();
    const sold = sale(tillA, [[giftCard, { giftCard: { id: card, amount: 300_000 } }]], [{ method: 'cash', amount: 300_000 }]);
    await pushed(tillA, [sold]);
    const cancel = buildSaleReversal(sold, { id: uuidv7(), deviceId: tillA.deviceId, number: 'Q1-GV-1', createdAt: new Date().toISOString(), staffId: 'store-q1-manager', approverId: 'store-q1-supervisor' });
    if (!cancel.ok) throw new Error(cancel.detail);
    await pushed(tillA, [cancel.reversal]);
    expect(await balance(tillA, `giftcard:store-q1:${card}`)).toBe(0);

    const bought = sale(tillA, [[coffee, {}]], [{ method: 'cash', amount: 250_000 }]);
    await pushed(tillA, [bought]);
    const newCard = generateGiftCardNumber();
    const back = buildSaleReturn({ purchase: purchaseOfSale(bought), lines: [{ originalLine: 0, qty: 1000, reason: 'quà tặng trùng', condition: 'resellable' }], refund: { toOriginal: false, rest: { kind: 'gift_card', giftCardId: newCard } } }, context(tillA), { policy: returnPolicyOf({ refundMethods: ['gift_card'] }) });
    if (!back.ok) throw new Error(back.detail);
    await pushed(tillA, [back.document]);
    expect(await balance(tillA, `giftcard:store-q1:${newCard}`)).toBe(250_000);
  });

  it('two tablets spend the same points offline: the overdraft is recorded exactly and flagged', async () => {
    // 6,000,000 earns 600 points (a TV); both tills synced that balance, then lost the network.
    await pushed(tillA, [sale(tillA, [[tv, {}]], [{ method: 'cash', amount: 6_000_000 }], 'cust-twice')]);
    const key = 'points:store-q1:cust-twice';
    const synced = await balance(tillA, key);
    expect(synced).toBe(600);
    const capA = offlineSpendCap(synced ?? 0, [], rules.redeem?.offlineRedeemCapPoints ?? 0);
    const capB = offlineSpendCap(synced ?? 0, [], rules.redeem?.offlineRedeemCapPoints ?? 0);
    expect([capA, capB]).toEqual([500, 500]);
    // Each spends its cap on cigarettes (which earn nothing): 500 points = 50,000 VND.
    const onA = sale(tillA, [[cigarettes, {}]], [{ method: 'points', amount: 50_000, points: capA }, { method: 'cash', amount: 250_000 }], 'cust-twice');
    const onB = sale(tillB, [[cigarettes, {}]], [{ method: 'points', amount: 50_000, points: capB }, { method: 'cash', amount: 250_000 }], 'cust-twice');
    await pushed(tillA, [onA]);
    expect(await balance(tillA, key)).toBe(100);
    expect(await incident('balance-overdraft', key)).toBeUndefined();
    await pushed(tillB, [onB]);
    expect(await balance(tillB, key)).toBe(-400);
    expect(await incident('balance-overdraft', key)).toEqual({ kind: 'points', refId: 'cust-twice', before: 100, delta: -500, after: -400, ledgerEntries: [`${onB.id}-points-0`] });
    // Neither sale earned anything on the cigarettes, and neither is flagged for its arithmetic.
    expect(await incident('sale-mismatch', onA.id)).toBeUndefined();
    expect(await incident('sale-mismatch', onB.id)).toBeUndefined();
  });

  it('tiers: a customer whose chain-wide spend reached silver earns x1.25 in another store; a sale claiming gold earns silver and is flagged', async () => {
    await pushed(tillA, [sale(tillA, [[tv, {}]], [{ method: 'cash', amount: 6_000_000 }], 'cust-tier')]);
    expect(await balance(tillA, 'points:store-q1:cust-tier')).toBe(600);
    const silver = sale(q3, [[coffee, {}]], [{ method: 'cash', amount: 250_000 }], 'cust-tier', 'silver');
    expect(silver.ledger?.find((e) => e.reason === 'earn')?.delta).toBe(31);
    await pushed(q3, [silver]);
    expect(await balance(q3, 'points:store-q3:cust-tier')).toBe(31);
    expect(await incident('sale-mismatch', silver.id)).toBeUndefined();

    const gold = sale(q3, [[coffee, {}]], [{ method: 'cash', amount: 250_000 }], 'cust-tier', 'gold');
    expect(gold.ledger?.find((e) => e.reason === 'earn')?.delta).toBe(37);
    await pushed(q3, [gold]);
    expect(await balance(q3, 'points:store-q3:cust-tier')).toBe(62);
    expect(await incident('sale-mismatch', gold.id)).toMatchObject({ ledger: [expect.objectContaining({ why: expect.stringMatching(/derives points 31/) })] });

    // A new customer claiming silver has reached nothing: base earning, flagged.
    const newcomer = sale(q3, [[coffee, {}]], [{ method: 'cash', amount: 250_000 }], 'cust-new', 'silver');
    await pushed(q3, [newcomer]);
    expect(await balance(q3, 'points:store-q3:cust-new')).toBe(25);
  });
});
