/*
 * The server's configuration, read once from the environment at start-up.
 * Every value is checked here so a typo in a store's start script stops the server with a message that
 * names the variable, instead of surfacing later as a confusing runtime error.
 * Reading is pure apart from checking that TLS files exist: creating the data directory is the store's job.
 */
import { pinProblem } from '../../src/domain/approval-proof.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './config-error.ts';
import { readIntegrationsConfig } from './integrations-config.ts';
import type { IntegrationsConfig } from './integrations-config.ts';

export { ConfigError } from './config-error.ts';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface DemoPins {
  cashier?: string;
  supervisor?: string;
  manager?: string;
}

export interface ServerConfig {
  port: number;
  host: string;
  /** Directory for the SQLite file and other local state; created on first start. */
  dataDir: string;
  database: DatabaseConfig;
  /** Enrollment code of the demo store from POS_ENROLLMENT_CODE; otherwise one is generated once and kept. */
  enrollmentCode: string | undefined;
  /** The built PWA (vite build output). */
  staticDir: string;
  /** Serve HTTPS when both files are given. */
  tls: { certFile: string; keyFile: string } | undefined;
  logLevel: LogLevel;
  /**
   * Whether the server seeds and keeps the demo store (POS_DEMO, "on" by default so `npm start` shows a
   * working shop; "off" for a real chain, whose stores the admin command creates).
   */
  demo: boolean;
  /** Catalog size of the demo seed. */
  demoProducts: number;
  /** Fixed demo staff PINs (POS_DEMO_*_PIN); missing ones are generated once. */
  demoPins: DemoPins;
  /**
   * Which proxies to trust for the client address (POS_TRUST_PROXY): false (default, the server faces
   * the tablets directly), true (whatever connects is a proxy), or a comma-separated list of the proxies'
   * addresses/CIDRs (e.g. 127.0.0.1 for a TLS proxy on the same machine).
   * Behind a TLS proxy it must be set, or every tablet shares the proxy's address in per-address limits.
   */
  trustProxy: boolean | string;
  /** How long a person is locked out after 5 wrong PINs (POS_PIN_LOCKOUT_MINUTES, default 5). */
  pinLockoutMs: number;
  /** Lifetime of a staff token (POS_STAFF_SESSION_MINUTES, default 15). */
  staffSessionMs: number;
  /**
   * Shared secret of the online orders webhook (POS_WEBHOOK_SECRET, at least 32 characters): the e-commerce
   * side signs each delivery with it (HMAC-SHA256). Unset, the webhook answers 503 and writes nothing.
   */
  webhookSecret: string | undefined;
  /** Interval of the keep-alive comment on the event stream (15 s; tests shorten it). */
  sseHeartbeatMs: number;
  /** Shop platforms and bank notifiers: webhook secrets, where notices go (integrations-config.ts). */
  integrations: IntegrationsConfig;
}

/** The repository root (two levels above sync-server/src). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const MAX_DEMO_PRODUCTS = 1_000_000;
const ENROLLMENT_CODE = /^[A-Za-z0-9-]{10,64}$/;
const PIN = /^\d{4,8}$/;

type Env = Record<string, string | undefined>;

/** Reads and checks the configuration; throws ConfigError naming the first bad variable. */
export function readServerConfig(env: Env = process.env, cwd: string = process.cwd()): ServerConfig {
  const dataDir = path.resolve(cwd, nonEmpty(env, 'POS_DATA_DIR') ?? './data');
  return {
    port: integerIn(env, 'PORT', 8080, 0, 65535),
    host: nonEmpty(env, 'HOST') ?? '0.0.0.0',
    dataDir,
    database: databaseFrom(env, dataDir),
    enrollmentCode: enrollmentCodeFrom(env),
    staticDir: path.resolve(cwd, nonEmpty(env, 'POS_STATIC_DIR') ?? path.join(repoRoot, 'dist')),
    tls: tlsFrom(env, cwd),
    logLevel: logLevelFrom(env),
    demo: onOff(env, 'POS_DEMO', true),
    demoProducts: integerIn(env, 'POS_DEMO_PRODUCTS', 2000, 1, MAX_DEMO_PRODUCTS),
    demoPins: {
      cashier: pinFrom(env, 'POS_DEMO_CASHIER_PIN', 'cashier'),
      supervisor: pinFrom(env, 'POS_DEMO_SUPERVISOR_PIN', 'supervisor'),
      manager: pinFrom(env, 'POS_DEMO_MANAGER_PIN', 'manager'),
    },
    trustProxy: trustProxyFrom(env),
    pinLockoutMs: integerIn(env, 'POS_PIN_LOCKOUT_MINUTES', 5, 1, 24 * 60) * 60_000,
    staffSessionMs: integerIn(env, 'POS_STAFF_SESSION_MINUTES', 15, 1, 12 * 60) * 60_000,
    webhookSecret: webhookSecretFrom(env),
    sseHeartbeatMs: 15_000,
    integrations: readIntegrationsConfig(env, webhookSecretFrom(env)),
  };
}

const PROXY_ENTRY = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;

function trustProxyFrom(env: Env): ServerConfig['trustProxy'] {
  const raw = nonEmpty(env, 'POS_TRUST_PROXY');
  if (raw === undefined || raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() === 'true') return true;
  const entries = raw.split(',').map((e) => e.trim());
  if (entries.some((e) => !PROXY_ENTRY.test(e))) {
    throw new ConfigError(
      `POS_TRUST_PROXY must be true, false or a comma-separated list of the proxies' addresses/CIDRs (e.g. 127.0.0.1), got "${raw}"`,
    );
  }
  return entries.join(',');
}

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integerIn(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const value = raw.toLowerCase();
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new ConfigError(`${name} must be "on" or "off", got "${raw}"`);
}

function databaseFrom(env: Env, dataDir: string): DatabaseConfig {
  const url = nonEmpty(env, 'DATABASE_URL');
  if (url === undefined) return { kind: 'sqlite', file: path.join(dataDir, 'pos.sqlite') };
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError(
      `DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for the embedded SQLite database), got "${redactUrl(url)}"`,
    );
  }
  try {
    new URL(url);
  } catch {
    throw new ConfigError(`DATABASE_URL is not a valid URL: "${redactUrl(url)}"`);
  }
  return { kind: 'postgres', url };
}

function enrollmentCodeFrom(env: Env): string | undefined {
  const code = nonEmpty(env, 'POS_ENROLLMENT_CODE');
  if (code !== undefined && !ENROLLMENT_CODE.test(code)) {
    throw new ConfigError('POS_ENROLLMENT_CODE must be 10 to 64 letters, digits or dashes (staff type it on the tablet)');
  }
  return code;
}

function tlsFrom(env: Env, cwd: string): ServerConfig['tls'] {
  const cert = nonEmpty(env, 'TLS_CERT');
  const key = nonEmpty(env, 'TLS_KEY');
  if (cert === undefined && key === undefined) return undefined;
  if (cert === undefined || key === undefined) {
    throw new ConfigError('TLS_CERT and TLS_KEY must be given together (paths to a PEM certificate and its private key)');
  }
  const certFile = path.resolve(cwd, cert);
  const keyFile = path.resolve(cwd, key);
  if (!existsSync(certFile)) throw new ConfigError(`TLS_CERT file not found: ${certFile}`);
  if (!existsSync(keyFile)) throw new ConfigError(`TLS_KEY file not found: ${keyFile}`);
  return { certFile, keyFile };
}

function logLevelFrom(env: Env): LogLevel {
  const raw = nonEmpty(env, 'LOG_LEVEL');
  if (raw === undefined) return 'info';
  const level = raw.toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
  return level;
}

const MIN_WEBHOOK_SECRET_LENGTH = 32;

function webhookSecretFrom(env: Env): string | undefined {
  const secret = nonEmpty(env, 'POS_WEBHOOK_SECRET');
  if (secret !== undefined && secret.length < MIN_WEBHOOK_SECRET_LENGTH) {
    throw new ConfigError(`POS_WEBHOOK_SECRET must be at least ${MIN_WEBHOOK_SECRET_LENGTH} characters (e.g. \`openssl rand -hex 32\`), got ${secret.length}`);
  }
  return secret;
}

function pinFrom(env: Env, name: string, role: string): string | undefined {
  const pin = nonEmpty(env, name);
  if (pin === undefined) return undefined;
  if (!PIN.test(pin)) throw new ConfigError(`${name} must be 4 to 8 digits`);
  const problem = pinProblem(pin, role);
  if (problem !== undefined) throw new ConfigError(`${name}: ${problem}`);
  return pin;
}

/** A database URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

/** A short description of where the data lives, for the start-up banner. */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.kind === 'sqlite') return `sqlite (${database.file})`;
  const url = new URL(database.url);
  return `postgres (${url.hostname}:${url.port || '5432'}${url.pathname})`;
}
