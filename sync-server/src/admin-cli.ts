/*
 * `npm run admin -- <verb> [options]`: the chain's admin command (stores, enrollment codes, first managers),
 * on the database the server uses (POS_DATA_DIR / DATABASE_URL). The work is in admin/run-admin.ts; this
 * file wires it to the process: arguments, output, the PIN prompt and the exit code.
 */
import { createInterface } from 'node:readline';
import { runAdmin } from './admin/run-admin.ts';

/** A PIN typed on a terminal without echo, or the first line of standard input when it is not a terminal. */
async function readPin(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const lines = createInterface({ input, terminal: false });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return '';
  }
  process.stdout.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let pin = '';
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(pin);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        if (char === '\u007f' || char === '\b') pin = pin.slice(0, -1);
        else pin += char;
      }
    };
    const finish = (): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stdout.write('\n');
    };
    input.on('data', onData);
  });
}

runAdmin(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  readPin,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('The admin command failed:', error);
    process.exit(1);
  },
);
