/*
 * A transfer of stock between two stores of the chain (issue 14): sent by store A (the goods leave A's
 * stock: 'transfer-out' entries), in transit while on the road, received by store B (they arrive in B's
 * stock: 'transfer-in' entries). Both halves carry the transfer's id as their source, so for any product
 * what A sent minus what B received is what is in transit, and once received the two halves sum to zero:
 * a transfer moves stock, it never makes or loses any (a short delivery is an adjustment at B).
 * Quantities are integer thousandths of the unit.
 */
import { STOCK_REASONS } from './stock-operations.ts';

export interface TransferredProduct {
  productId: string;
  quantity: number;
}

export interface StockMovement {
  storeId: string;
  productId: string;
  delta: number;
  reason: string;
}

export interface Transfer {
  fromStoreId: string;
  toStoreId: string;
  lines: readonly TransferredProduct[];
}

/** The entries of sending: every line leaves the sending store. */
export function sentMovements(transfer: Transfer): StockMovement[] {
  return transfer.lines.map((line) => ({ storeId: transfer.fromStoreId, productId: line.productId, delta: -line.quantity, reason: STOCK_REASONS.transferOut }));
}

/** The entries of receiving: every line arrives in the receiving store, as it was sent. */
export function receivedMovements(transfer: Transfer): StockMovement[] {
  return transfer.lines.map((line) => ({ storeId: transfer.toStoreId, productId: line.productId, delta: line.quantity, reason: STOCK_REASONS.transferIn }));
}

/**
 * What is in transit per product, from a transfer's ledger entries (either half, in any order): what left
 * the sending store minus what arrived. Products whose halves balance are left out.
 */
export function inTransit(entries: readonly Pick<StockMovement, 'productId' | 'delta' | 'reason'>[]): Map<string, number> {
  const onTheRoad = new Map<string, number>();
  for (const entry of entries) {
    if (entry.reason !== STOCK_REASONS.transferOut && entry.reason !== STOCK_REASONS.transferIn) continue;
    onTheRoad.set(entry.productId, (onTheRoad.get(entry.productId) ?? 0) - entry.delta);
  }
  for (const [productId, quantity] of onTheRoad) if (quantity === 0) onTheRoad.delete(productId);
  return onTheRoad;
}

/** The total quantity on the road (thousandths), all products together. */
export function inTransitTotal(entries: readonly Pick<StockMovement, 'productId' | 'delta' | 'reason'>[]): number {
  let total = 0;
  for (const quantity of inTransit(entries).values()) total += quantity;
  return total;
}
