/*
 * SQLite in WAL mode appends every commit to the write-ahead log; a checkpoint copies the log back into the
 * database file and syncs it. By default the connection that commits runs that checkpoint itself once the
 * log passes 1,000 pages (4 MB), so a 2,000-sale push (about 5 MB of pages) paid for a whole checkpoint
 * inside its commit, on the server's only JavaScript thread: about 40 of the commit's 80 ms.
 *
 * Here a worker thread with its own connection checkpoints every quarter second instead. A PASSIVE
 * checkpoint never blocks the writer (it copies only frames already committed, while new ones are appended),
 * so the copying and the file sync happen on the other core while the server goes on answering. The
 * committing connection keeps a far higher automatic threshold as a backstop, so the log stays bounded even
 * if the worker stops. Durability is untouched: commits still sync the log (synchronous = FULL).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const CHECKPOINT_EVERY_MS = 250;
/** Pages (4 KiB) after which the committing connection checkpoints by itself: 64 MB. */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 16_384;

// Plain CommonJS evaluated in the worker: it loads better-sqlite3 from the path resolved here.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
let failures = 0;
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    failures = 0;
  } catch (error) {
    // SQLITE_BUSY now and then is expected (another checkpoint running); report only repeated failures.
    if (++failures === 20) parentPort.postMessage({ failed: String(error && error.message || error) });
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try { db.close(); } finally { parentPort.postMessage({ stopped: true }); parentPort.close(); }
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startSqliteCheckpointer(file: string, onProblem: (message: string) => void): Checkpointer {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, module, intervalMs: CHECKPOINT_EVERY_MS } });
  // The server may exit while the worker waits for its next tick.
  worker.unref();
  worker.on('error', (error) => onProblem(`the WAL checkpoint worker stopped: ${error.message}`));
  worker.on('message', (message: { failed?: string }) => {
    if (message.failed !== undefined) onProblem(`WAL checkpoints keep failing: ${message.failed}`);
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop() {
      // Waited for from here on: a short-lived process (the admin command) may close the store before the
      // worker has even started, and with nothing else to wait for Node would exit mid-close.
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}
