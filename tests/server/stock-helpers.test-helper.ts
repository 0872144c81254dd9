// Shared by the stock stories (tests/server/stock-*.test.ts): a chain of two stores, Quận 1 and Quận 3, whose
// catalog a manager imported (milk, noodles, beef by the kg) with Quận 1's opening stock.
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { makeEan13 } from '../../src/domain/gtin.ts';
import type { StoreKind } from '../../sync-server/src/store/open-store.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, enroll, openShop, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

export const MILK = makeEan13('893467312345');
export const CATALOG = [
  'sku,name,barcodes,price,taxClass,unit,weighed,category,stock',
  `SUA-180,Sữa tươi Vinamilk 180ml,${MILK},8500,vat8,pcs,no,Sữa,48`,
  'MI-HH,Mì Hảo Hảo tôm chua cay,,4500,vat8,pcs,,Mì gói,120',
  'THIT-BO,Thịt bò thăn,,289000,vat5,kg,yes,Thịt,12.5',
].join('\n');

export interface StockChain {
  t: TestApp;
  q1Till: EnrolledDevice;
  q3Till: EnrolledDevice;
  q1Manager: string;
  q3Manager: string;
  q1Cashier: string;
  productIds: Map<string, string>;
}

export async function openStockChain(kind: StoreKind, label: string): Promise<StockChain> {
  const t = await startTestApp(kind, label);
  await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
  await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
  const q1Till = await enroll(t.app, 'Q1AA-BBCC-DDEE');
  const q3Till = await enroll(t.app, 'Q3AA-BBCC-DDEE');
  const q1Manager = await signIn(t.app, q1Till, 'store-q1-manager', '999999');
  const q3Manager = await signIn(t.app, q3Till, 'store-q3-manager', '999999');
  const q1Cashier = await signIn(t.app, q1Till, 'store-q1-cashier', '1111');
  const imported = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/import', headers: { ...bearer(q1Manager), 'content-type': 'text/csv' }, payload: CATALOG });
  if (imported.statusCode !== 200) throw new Error(`the catalog import answered ${imported.statusCode}: ${imported.body}`);
  const levels = await stockLevels(t.app, q1Manager);
  return { t, q1Till, q3Till, q1Manager, q3Manager, q1Cashier, productIds: new Map(levels.map((l) => [l.sku, l.productId])) };
}

export interface Level {
  productId: string;
  sku: string;
  stock: number;
}

export async function stockLevels(app: FastifyInstance, token: string, query = ''): Promise<Level[]> {
  const answer = await app.inject({ method: 'GET', url: `/api/v1/stock/levels${query}`, headers: bearer(token) });
  if (answer.statusCode !== 200) throw new Error(`stock levels answered ${answer.statusCode}: ${answer.body}`);
  return answer.json<{ levels: Level[] }>().levels;
}

/** Stock per SKU (thousandths) of a store, as the back office reads it. */
export async function stockBySku(app: FastifyInstance, token: string, storeId?: string): Promise<Record<string, number>> {
  const levels = await stockLevels(app, token, storeId === undefined ? '' : `?storeId=${storeId}`);
  return Object.fromEntries(levels.map((l) => [l.sku, l.stock]));
}

export function postStock(app: FastifyInstance, token: string | undefined, path: string, payload?: object) {
  return app.inject({ method: 'POST', url: `/api/v1/stock/${path}`, headers: token === undefined ? {} : bearer(token), ...(payload === undefined ? {} : { payload }) });
}

export const newId = (): string => uuidv7();
