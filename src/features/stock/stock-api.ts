/*
 * The server calls of the back office's stock screens (README "Stock"): with the staff token of a short
 * staff session (src/sync/staff-api.ts), kept by the screen in React state only. Online only: nothing is
 * queued; each operation carries an id made once per submission, so a retry after a lost answer is
 * applied once by the server. Quantities are thousandths of the unit, as the server keeps them.
 */
import { apiUrl } from '../../sync/sync-api.ts';
import { staffApiFetch, staffApiRefusal } from '../../sync/staff-api.ts';
import type { AdjustmentReason } from '../../domain/stock-operations.ts';

export interface StockLevel {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  weighed: boolean;
  stock: number;
  updatedAt: string | null;
}

export interface CountLineAnswer {
  sku: string;
  productId: string;
  name: string;
  expected: number;
  counted: number;
  variance: number;
}

export interface CountAnswer {
  lines: CountLineAnswer[];
  summary: { products: number; off: number; net: number; missing: number };
}

export interface TransferAnswer {
  id: string;
  fromStoreId: string;
  toStoreId: string;
  fromStoreName: string;
  toStoreName: string;
  status: 'in-transit' | 'received';
  lines: Array<{ sku: string; name: string; quantity: number; stock: number }>;
  sentAt: string;
  receivedAt?: string;
}

export interface TransfersAnswer {
  transfers: TransferAnswer[];
  inTransit: { outgoing: number; incoming: number };
}

export interface StockLineError {
  line: number;
  field: string;
  message: string;
}

/** A request refused for its lines (422): nothing was written; each problem at its line. */
export class StockLinesRefused extends Error {
  constructor(readonly errors: StockLineError[]) {
    super(`${errors.length} problem(s) in the lines`);
    this.name = 'StockLinesRefused';
  }
}

const TIMEOUT_MS = 60_000;

export interface StockApi {
  serverUrl: string;
  staffToken: string;
}

async function call<T>(api: StockApi, path: string, init: { method: 'GET' | 'POST'; body?: object }): Promise<T> {
  const response = await staffApiFetch(
    apiUrl(api.serverUrl, path),
    {
      method: init.method,
      headers: { authorization: `Bearer ${api.staffToken}`, accept: 'application/json', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    },
    TIMEOUT_MS,
  );
  if (response.status === 422) throw new StockLinesRefused(((await response.json()) as { errors: StockLineError[] }).errors);
  if (!response.ok) throw await staffApiRefusal(response, path);
  return (await response.json()) as T;
}

export const stockApi = {
  /** Stock per product in `storeId` (absent: the session's own store), the first 200 or those `search` finds. */
  levels: (api: StockApi, search: string, storeId?: string) =>
    call<{ levels: StockLevel[] }>(api, `/stock/levels?${new URLSearchParams({ ...(search.trim() === '' ? { limit: '200' } : { q: search.trim() }), ...(storeId === undefined ? {} : { storeId }) })}`, { method: 'GET' }),
  stores: (api: StockApi) => call<{ stores: Array<{ id: string; name: string }> }>(api, '/stock/stores', { method: 'GET' }),
  previewCount: (api: StockApi, lines: Array<{ sku: string; counted: number }>) => call<CountAnswer>(api, '/stock/counts/preview', { method: 'POST', body: { lines } }),
  applyCount: (api: StockApi, id: string, lines: Array<{ sku: string; counted: number }>) => call<CountAnswer>(api, '/stock/counts', { method: 'POST', body: { id, lines } }),
  receive: (api: StockApi, id: string, supplier: string, lines: Array<{ sku: string; quantity: number; unitCost: number }>) =>
    call<{ totalCost: number }>(api, '/stock/receivings', { method: 'POST', body: { id, supplier, lines } }),
  adjust: (api: StockApi, id: string, reason: AdjustmentReason, lines: Array<{ sku: string; delta: number }>) => call<object>(api, '/stock/adjustments', { method: 'POST', body: { id, reason, lines } }),
  transfers: (api: StockApi) => call<TransfersAnswer>(api, '/stock/transfers', { method: 'GET' }),
  send: (api: StockApi, id: string, toStoreId: string, lines: Array<{ sku: string; quantity: number }>) => call<TransferAnswer>(api, '/stock/transfers', { method: 'POST', body: { id, toStoreId, lines } }),
  receiveTransfer: (api: StockApi, id: string) => call<TransferAnswer>(api, `/stock/transfers/${encodeURIComponent(id)}/receive`, { method: 'POST' }),
};
