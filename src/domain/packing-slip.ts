/*
 * Checking a packing slip's QR at the counter, offline: the slip packed with an online order carries the
 * order's summary signed by the server (sync-server/src/auth/order-signing.ts), so a tablet can trust the
 * lines and amounts of an order it has never pulled (a return of an online order from another store, or with
 * no network) without asking anyone.
 *
 * The QR text is "POSSLIP1.<base64url summary>.<base64url signature>": the summary is the canonical JSON the
 * server signed, as bytes, and the signature is Ed25519 over exactly those bytes. It is checked here over the
 * bytes as they arrived (never over a re-serialised copy), with WebCrypto's Ed25519 (Chromium and Node 20
 * have it), and only then read.
 *
 * Where the tablet gets the key: the server publishes its public key (raw 32 bytes, base64url) in every
 * store's config document as `store.orderSigningPublicKey` at start-up (plugins/order-signing.ts), and the
 * tablet pulls its config like any other; `slipKeyOfConfig` reads it. The private key never leaves the
 * server's database.
 *
 * Refusals say why, for the cashier: not a packing slip at all, no key on this tablet yet (sync once), a
 * signature that does not match (forged, or altered after signing: a changed total, line or order number),
 * or a signed summary this version cannot read.
 */

export const PACKING_SLIP_PREFIX = 'POSSLIP1';

/** What the server signs (sync-server/src/auth/order-signing.ts, PackingSlipSummary): the order as packed. */
export interface PackingSlipSummary {
  readonly v: 1;
  readonly orderId: string;
  readonly number: string;
  readonly storeId: string;
  readonly customerName: string;
  readonly currency: string;
  readonly total: number;
  readonly paid: boolean;
  readonly placedAt: string;
  readonly lines: ReadonlyArray<{
    readonly productId: string;
    readonly sku: string;
    readonly name: string;
    /** Thousandths of the unit, as in every line. */
    readonly qty: number;
    readonly unitPrice: number;
    readonly taxRate: number;
    readonly total: number;
  }>;
  readonly signedAt: string;
}

export type SlipRefusal =
  /** The text is not a packing slip's QR (another code was scanned, or it is cut short). */
  | 'not-a-slip'
  /** The tablet holds no usable public key: it has not synced its config since the server published one. */
  | 'no-key'
  /** The signature does not match: the slip was forged or altered after the server signed it. */
  | 'bad-signature'
  /** Signed by the server, but not a summary this version reads (a newer slip format). */
  | 'unreadable-summary';

export type SlipCheck =
  | { readonly ok: true; readonly summary: PackingSlipSummary }
  | { readonly ok: false; readonly reason: SlipRefusal; readonly detail: string };

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The server's public key as the store's config carries it (store.orderSigningPublicKey), or undefined. */
export function slipKeyOfConfig(config: { readonly store?: Readonly<Record<string, unknown>> } | undefined): string | undefined {
  const key = config?.store?.['orderSigningPublicKey'];
  return typeof key === 'string' && key !== '' ? key : undefined;
}

/** The public key (raw, base64url) as a WebCrypto key for checking slips; import it once and reuse it. */
export async function importSlipKey(publicKey: string): Promise<CryptoKey | undefined> {
  const raw = fromBase64Url(publicKey);
  if (raw === undefined || raw.length !== 32) return undefined;
  return crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
}

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

function readSummary(value: unknown): PackingSlipSummary | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Record<string, unknown>;
  if (s['v'] !== 1 || !isText(s['orderId'], 64) || !isText(s['number'], 40) || !isText(s['storeId'], 64) || !isText(s['customerName'], 200)) return undefined;
  if (!isText(s['currency'], 3) || !isWhole(s['total']) || typeof s['paid'] !== 'boolean' || !isText(s['placedAt'], 40) || !isText(s['signedAt'], 40)) return undefined;
  const lines = s['lines'];
  if (!Array.isArray(lines) || lines.length > 500) return undefined;
  for (const line of lines as unknown[]) {
    if (typeof line !== 'object' || line === null) return undefined;
    const l = line as Record<string, unknown>;
    if (!isText(l['productId'], 64) || !isText(l['sku'], 64) || !isText(l['name'], 200)) return undefined;
    if (!isWhole(l['qty']) || !isWhole(l['unitPrice']) || !isWhole(l['taxRate']) || !isWhole(l['total'])) return undefined;
  }
  return value as PackingSlipSummary;
}

/**
 * Checks a scanned packing-slip QR against the server's public key (a key from importSlipKey, or the
 * base64url text from the config) and returns the signed summary, or why it is refused.
 */
export async function verifyPackingSlip(qr: string, key: CryptoKey | string | undefined): Promise<SlipCheck> {
  const parts = qr.trim().split('.');
  const [prefix, payloadText, signatureText] = parts;
  if (parts.length !== 3 || prefix !== PACKING_SLIP_PREFIX || payloadText === undefined || signatureText === undefined) {
    return { ok: false, reason: 'not-a-slip', detail: `a packing slip's QR reads ${PACKING_SLIP_PREFIX}.<summary>.<signature>` };
  }
  const payload = fromBase64Url(payloadText);
  const signature = fromBase64Url(signatureText);
  if (payload === undefined || signature === undefined) return { ok: false, reason: 'not-a-slip', detail: 'the QR is not in base64url: it was cut short or misread' };
  const verifyKey = typeof key === 'string' ? await importSlipKey(key) : key;
  if (verifyKey === undefined) return { ok: false, reason: 'no-key', detail: "this tablet has no server key to check slips with: sync the store's settings once" };
  const valid = signature.length === 64 && (await crypto.subtle.verify({ name: 'Ed25519' }, verifyKey, signature, payload));
  if (!valid) return { ok: false, reason: 'bad-signature', detail: 'the signature does not match: this slip was not signed by the server or was changed after it was' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch (error) {
    return { ok: false, reason: 'unreadable-summary', detail: `the signed summary is not JSON (${(error as Error).message})` };
  }
  const summary = readSummary(parsed);
  if (summary === undefined) return { ok: false, reason: 'unreadable-summary', detail: 'the signed summary is not a version-1 order summary' };
  return { ok: true, summary };
}
