// The tablet must accept exactly the PINs the server hashed: the vector below was made the server's way
// (Node's crypto.pbkdf2Sync('482913', salt, 1000, 32, 'sha256'), base64 as in staff-pins.ts) and is
// checked here the browser's way (WebCrypto).
import { describe, expect, it } from 'vitest';
import { constantTimeEqual, pinMatches } from './verify-pin.ts';

function hashLikeTheServer(pin: string) {
  expect(pin).toBe('482913');
  return { pinHash: 'we6rVCj08GBfyRicSe+VTCVTsZ4UAzgnPccSNwg9x/o=', pinSalt: 'c2FsdC1mb3ItbGFuLTAwMQ==', pinIterations: 1_000 };
}

describe('checking a PIN on the tablet', () => {
  it('accepts the PIN the server hashed and refuses any other', async () => {
    const stored = hashLikeTheServer('482913');
    expect(await pinMatches('482913', stored)).toBe(true);
    expect(await pinMatches('482914', stored)).toBe(false);
    expect(await pinMatches('', stored)).toBe(false);
  });

  it('refuses everything when the stored hash is empty', async () => {
    expect(await pinMatches('1234', { pinHash: '', pinSalt: '', pinIterations: 1000 })).toBe(false);
  });

  it('compares bytes without stopping at the first difference', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
  });
});
