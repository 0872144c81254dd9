// The shift open on this till, live: recomputed whenever the till's shift events change.
import { useEffect, useState } from 'react';
import type { PosDatabase } from '../../data/database.ts';
import type { ShiftCash } from '../../domain/shift-cash.ts';
import { OPEN_SHIFT_DAYS, tillShiftNow } from './shift-writes.ts';

/** undefined while reading, null when no shift is open. */
export function useTillShift(database: PosDatabase, deviceId: string): ShiftCash | null | undefined {
  const [shift, setShift] = useState<ShiftCash | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const since = new Date(Date.now() - OPEN_SHIFT_DAYS * 86_400_000).toISOString();
    const subscription = database.shifts.find({ selector: { createdAt: { $gte: since }, deviceId } }).$.subscribe({
      next: () => {
        tillShiftNow(database, deviceId).then(
          (current) => live && setShift(current ?? null),
          (error: unknown) => console.error('Reading the open shift failed', { deviceId, error }),
        );
      },
      error: (error: unknown) => console.error('Watching the till shift events failed', { deviceId, error }),
    });
    return () => {
      live = false;
      subscription.unsubscribe();
    };
  }, [database, deviceId]);
  return shift;
}
