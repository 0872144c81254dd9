/*
 * The admin command's verbs and their arguments (`npm run admin -- <verb> [--option value ...]`), read
 * into a typed command or refused with a UsageError that says what is wrong (the CLI exits 2 and prints
 * the usage). Values are checked here as far as they can be without the database: a store's currency must
 * be one the POS knows, its time zone one the runtime knows, a PIN digits only.
 */
import { parseArgs } from 'node:util';
import { isKnownCurrency } from '../../../src/domain/currency.ts';
import type { PlatformSource } from '../integrations-config.ts';

export const ADMIN_USAGE = `Usage: npm run admin -- <verb> [options]

The chain's stores and their first managers, on the server's database (POS_DATA_DIR or DATABASE_URL, as
for npm run server). Safe while the server runs.

  create-store --name <name> [--address <text>] [--phone <text>] [--tax-code <code>]
               [--time-zone <IANA zone>] [--currency <ISO code>] [--locale <tag>]
      Creates a store (defaults: Asia/Ho_Chi_Minh, VND, vi-VN, Vietnam's VAT classes) and prints its id
      and enrollment code.
  edit-store --store <id or name> [--name <name>] [--address ...] [--phone ...] [--tax-code ...]
             [--time-zone ...] [--currency ...] [--locale ...]
      Renames a store or changes its details; tablets get the new config through sync.
  list-stores
      Every store with its id.
  enrollment-code --store <id or name> [--rotate]
      Prints the code tablets join the store with; --rotate replaces it (the old one stops working,
      enrolled tablets keep working).
  add-manager --store <id or name> --name <name> [--pin <6-8 digits>]
      Adds a manager to the store's staff. Without --pin the PIN is asked for (or read from the first
      line of standard input), so it stays out of the shell's history.
  online-locations --store <id or name> [--shopify <keys>] [--woocommerce <keys>] [--haravan <keys>]
      Which shop platform orders the store takes in a chain of several stores: each platform's location
      keys, comma-separated (a Shopify or Haravan location id, a Shopify pickup point's name, a WooCommerce
      pickup location's name or local_pickup:<instance id>); "" clears a platform's list. Orders that
      waited unrouted are tried again. Without a platform option, prints what the store lists.
  help
      This text.

Exit codes: 0 done, 2 wrong arguments (the message says which), 1 anything else (e.g. no database).`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface StoreDetails {
  name?: string;
  address?: string;
  phone?: string;
  taxCode?: string;
  timeZone?: string;
  currency?: string;
  locale?: string;
}

export type AdminCommand =
  | { verb: 'help' }
  | { verb: 'create-store'; details: StoreDetails & { name: string } }
  | { verb: 'edit-store'; store: string; details: StoreDetails }
  | { verb: 'list-stores' }
  | { verb: 'enrollment-code'; store: string; rotate: boolean }
  | { verb: 'add-manager'; store: string; name: string; pin: string | undefined }
  | { verb: 'online-locations'; store: string; locations: Partial<Record<PlatformSource, string[]>> };

const DETAIL_OPTIONS = {
  name: { type: 'string' },
  address: { type: 'string' },
  phone: { type: 'string' },
  'tax-code': { type: 'string' },
  'time-zone': { type: 'string' },
  currency: { type: 'string' },
  locale: { type: 'string' },
} as const;

const LIMITS = { name: 200, address: 400, phone: 40, taxCode: 40, locationKey: 200, locationKeys: 50 } as const;
const PLATFORMS: readonly PlatformSource[] = ['shopify', 'woocommerce', 'haravan'];

export function parseAdminArgs(argv: readonly string[]): AdminCommand {
  const [verb, ...rest] = argv;
  switch (verb) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { verb: 'help' };
    case 'create-store': {
      const values = options(verb, rest, DETAIL_OPTIONS);
      const details = storeDetails(values);
      if (details.name === undefined) throw new UsageError('create-store needs --name <the store\'s name>');
      return { verb, details: { ...details, name: details.name } };
    }
    case 'edit-store': {
      const values = options(verb, rest, { ...DETAIL_OPTIONS, store: { type: 'string' } });
      const details = storeDetails(values);
      if (Object.keys(details).length === 0) throw new UsageError('edit-store needs at least one of --name, --address, --phone, --tax-code, --time-zone, --currency, --locale');
      return { verb, store: required(verb, values, 'store'), details };
    }
    case 'list-stores':
      options(verb, rest, {});
      return { verb };
    case 'enrollment-code': {
      const values = options(verb, rest, { store: { type: 'string' }, rotate: { type: 'boolean' } });
      return { verb, store: required(verb, values, 'store'), rotate: values['rotate'] === true };
    }
    case 'add-manager': {
      const values = options(verb, rest, { store: { type: 'string' }, name: { type: 'string' }, pin: { type: 'string' } });
      const store = required(verb, values, 'store');
      const name = text('--name', required(verb, values, 'name'), LIMITS.name);
      const pin = values['pin'];
      return { verb, store, name, pin: typeof pin === 'string' ? pin : undefined };
    }
    case 'online-locations': {
      const values = options(verb, rest, { store: { type: 'string' }, shopify: { type: 'string' }, woocommerce: { type: 'string' }, haravan: { type: 'string' } });
      const locations: Partial<Record<PlatformSource, string[]>> = {};
      for (const platform of PLATFORMS) {
        const given = values[platform];
        if (typeof given === 'string') locations[platform] = locationKeys(`--${platform}`, given);
      }
      return { verb, store: required(verb, values, 'store'), locations };
    }
    default:
      throw new UsageError(`Unknown verb "${verb}": use create-store, edit-store, list-stores, enrollment-code, add-manager, online-locations or help`);
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

function options(verb: string, args: readonly string[], spec: OptionSpec): Record<string, string | boolean | undefined> {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: spec, strict: true, allowPositionals: true });
    if (positionals.length > 0) throw new UsageError(`${verb} takes options only; "${positionals[0]}" is not one (quote a value with spaces: --name "Cửa hàng Quận 1")`);
    return values as Record<string, string | boolean | undefined>;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${verb}: ${(error as Error).message}`);
  }
}

function required(verb: string, values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${verb} needs --${name}`);
  return value.trim();
}

function text(option: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new UsageError(`${option} must not be empty`);
  if (trimmed.length > max) throw new UsageError(`${option} is at most ${max} characters, got ${trimmed.length}`);
  return trimmed;
}

/** A comma-separated list of location keys, each kept once, in the order given ("" is none). */
function locationKeys(option: string, value: string): string[] {
  const keys = [...new Set(value.split(',').map((key) => key.trim()).filter((key) => key !== ''))];
  const long = keys.find((key) => key.length > LIMITS.locationKey);
  if (long !== undefined) throw new UsageError(`${option}: "${long.slice(0, 40)}…" is longer than ${LIMITS.locationKey} characters; a location key is an id or a pickup point's name`);
  if (keys.length > LIMITS.locationKeys) throw new UsageError(`${option} lists ${keys.length} keys; at most ${LIMITS.locationKeys}`);
  return keys;
}

function storeDetails(values: Record<string, string | boolean | undefined>): StoreDetails {
  const details: StoreDetails = {};
  const given = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const name = given('name');
  if (name !== undefined) details.name = text('--name', name, LIMITS.name);
  const address = given('address');
  if (address !== undefined) details.address = text('--address', address, LIMITS.address);
  const phone = given('phone');
  if (phone !== undefined) details.phone = text('--phone', phone, LIMITS.phone);
  const taxCode = given('tax-code');
  if (taxCode !== undefined) {
    details.taxCode = text('--tax-code', taxCode, LIMITS.taxCode);
    if (!/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/.test(details.taxCode)) throw new UsageError(`--tax-code "${taxCode}" may hold only letters, digits, spaces, dots, dashes and slashes (e.g. 0312345678 or 0312345678-001)`);
  }
  const timeZone = given('time-zone');
  if (timeZone !== undefined) details.timeZone = checkTimeZone(timeZone.trim());
  const currency = given('currency');
  if (currency !== undefined) {
    const code = currency.trim().toUpperCase();
    if (!isKnownCurrency(code)) throw new UsageError(`--currency "${currency}" is not a currency the POS knows (ISO 4217, e.g. VND, USD; see src/domain/currency.ts)`);
    details.currency = code;
  }
  const locale = given('locale');
  if (locale !== undefined) details.locale = checkLocale(locale.trim());
  return details;
}

function checkTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(`--time-zone "${zone}" is not a time zone (an IANA name such as Asia/Ho_Chi_Minh)`);
  }
}

function checkLocale(tag: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (canonical !== undefined && canonical.length <= 16) return canonical;
  } catch {
    // Reported below with what to write.
  }
  throw new UsageError(`--locale "${tag}" is not a language tag (e.g. vi-VN or en-US)`);
}
