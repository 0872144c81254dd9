/*
 * Who gets the next scan. The counter turns a scan into a cart line; while a form that expects a code is on
 * screen (a gift card number at payment), that form claims scans instead, so the card is read into the form
 * and never rung up as a product. The newest claim wins; releasing it gives scans back to whoever had them.
 */
import { useEffect, useEffectEvent } from 'react';

type ScanHandler = (code: string) => void;

const claims: Array<{ readonly handler: ScanHandler }> = [];

/** Hands the scan to the newest claim and returns true, or returns false when nobody claims scans. */
export function deliverToClaim(code: string): boolean {
  const newest = claims[claims.length - 1];
  if (newest === undefined) return false;
  newest.handler(code);
  return true;
}

/** Claims scans until the returned function is called. */
export function claimScans(handler: ScanHandler): () => void {
  const claim = { handler };
  claims.push(claim);
  return () => {
    const index = claims.indexOf(claim);
    if (index >= 0) claims.splice(index, 1);
  };
}

/** Claims scans while the calling component is mounted and `enabled` holds. */
export function useScanClaim(handler: ScanHandler, enabled = true): void {
  const handle = useEffectEvent(handler);
  useEffect(() => (enabled ? claimScans((code) => handle(code)) : undefined), [enabled]);
}
