/*
 * The back office's stock routes (issue 14), registered as one group behind the bearer token: the
 * operations (receiving, adjustments, counts), transfers between stores and the stock levels. Each route
 * checks 'stock.manage' itself (requirePermission).
 */
import type { FastifyPluginAsync } from 'fastify';
import stockLevelRoutes from './stock-levels.ts';
import stockOperationRoutes from './stock-operations.ts';
import stockTransferRoutes from './stock-transfers.ts';

const stockRoutes: FastifyPluginAsync = async (app) => {
  await app.register(stockOperationRoutes);
  await app.register(stockTransferRoutes);
  await app.register(stockLevelRoutes);
};

export default stockRoutes;
