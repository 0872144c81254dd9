/**
 * The camera sees the same barcode on every frame while it is in view. A code counts once, then again
 * only after it has been out of sight for `quietMs`: holding a box in front of the camera adds it once,
 * taking it away and showing it again adds it again.
 * A code may also need several sightings before it counts: a blurred, tilted EAN-13 can be misread as
 * another code with a valid check digit (seen with the ZXing reader), and the same misread on two
 * different frames is far less likely. Pure: time comes from the caller.
 */
export interface RepeatGuard {
  /** true when `code`, seen at `now` (ms), is a new reading; `needed`: sightings it takes (default 1). */
  accept(code: string, now: number, needed?: number): boolean;
}

export const CAMERA_REPEAT_QUIET_MS = 1500;

interface Sighting {
  count: number;
  lastSeen: number;
  reported: boolean;
}

export function createRepeatGuard(quietMs: number = CAMERA_REPEAT_QUIET_MS): RepeatGuard {
  const sightings = new Map<string, Sighting>();
  return {
    accept(code, now, needed = 1) {
      for (const [seenCode, seen] of sightings) if (now - seen.lastSeen > quietMs) sightings.delete(seenCode);
      const seen = sightings.get(code) ?? { count: 0, lastSeen: now, reported: false };
      seen.count += 1;
      seen.lastSeen = now;
      sightings.set(code, seen);
      if (seen.reported || seen.count < needed) return false;
      seen.reported = true;
      return true;
    },
  };
}
