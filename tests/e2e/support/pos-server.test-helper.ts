/*
 * Starts the real sync server as its own process (the same `main.ts` that `npm run server` runs) on a
 * free port with a fresh data directory, and stops it. E2E tests talk to it over real HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningPosServer {
  url: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

const LISTENING = /POS server listening on (https?:\/\/\S+)/;

/**
 * The demo staff's PINs every test server starts with (POS_DEMO_*_PIN, one person per role in the seed), so
 * tests sign people in through the real PIN pad. A test may pass its own in `env`.
 */
export const DEMO_PINS = { cashier: '482913', supervisor: '715364', manager: '360258' } as const;

export interface StartOptions {
  env?: Record<string, string>;
  /** Reuse a data directory (a restart); it is then left in place on stop. */
  dataDir?: string;
}

export async function startPosServer(options: StartOptions = {}): Promise<RunningPosServer> {
  const env = options.env ?? {};
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pos-e2e-'));
  // POS_SERVER_CPU_PROFILE=<dir>: the server process writes a V8 CPU profile there when it stops (bench tuning).
  const profileDir = process.env['POS_SERVER_CPU_PROFILE'];
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'sync-server/src/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', POS_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...demoPinEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The POS server did not start within 60 s. Output:\n${output}`)), 60_000);
    const onData = () => {
      const match = LISTENING.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The POS server exited with code ${code} before listening. Output:\n${output}`));
    });
  });

  return {
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      await stopProcess(child);
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function demoPinEnv(): Record<string, string> {
  return { POS_DEMO_CASHIER_PIN: DEMO_PINS.cashier, POS_DEMO_SUPERVISOR_PIN: DEMO_PINS.supervisor, POS_DEMO_MANAGER_PIN: DEMO_PINS.manager };
}
