/*
 * React access to the sync controller (sync-controller.ts), for the enrolment screen.
 */
import { createContext, useContext } from 'react';
import type { SyncController } from './sync-controller.ts';

export const SyncControllerContext = createContext<SyncController | null>(null);

export function useSyncController(): SyncController {
  const controller = useContext(SyncControllerContext);
  if (!controller) throw new Error('useSyncController must be used inside <SyncControllerContext>');
  return controller;
}
