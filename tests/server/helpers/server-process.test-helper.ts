/*
 * The real server as a store runs it: `node --import tsx sync-server/src/main.ts` in a child process,
 * ready when it prints "POS server listening on http://localhost:<port>".
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../../sync-server/src/config.ts';

export interface ServerProcess {
  url: string;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: the process dies at once, mid-request or mid-transaction; resolves when it is gone. */
  kill(): Promise<void>;
}

const MAIN = path.join(repoRoot, 'sync-server', 'src', 'main.ts');
const LISTENING = /^POS server listening on (https?:\/\/localhost:\d+)$/m;

function run(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: repoRoot,
    env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

export async function startServerProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const { child, output, exited } = run(env);
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  for (;;) {
    const match = LISTENING.exec(output());
    if (match?.[1]) {
      const url = match[1];
      return {
        url,
        output,
        async stop() {
          child.kill('SIGTERM');
          return exited;
        },
        async kill() {
          child.kill('SIGKILL');
          await exited;
        },
      };
    }
    if (exitCode !== undefined) throw new Error(`The server exited with ${exitCode} before listening:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not print its URL within ${timeoutMs} ms:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
export async function runFailingServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { output, exited } = run(env);
  const code = await exited;
  return { code, output: output() };
}
