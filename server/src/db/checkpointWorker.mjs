// The checkpointing thread (see checkpointer.ts). Plain JavaScript, so it starts the same way
// under tsx, vitest or plain Node: it only needs better-sqlite3.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma(`synchronous = ${workerData.synchronous}`);
// PASSIVE never waits for the writer; if another checkpoint holds the lock, try next time.
db.pragma('busy_timeout = 0');

function checkpoint() {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    if (!String(error).includes('SQLITE_BUSY')) throw error;
  }
}

const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
