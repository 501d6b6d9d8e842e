// The shared measuring lock (HELPERS.md): a measurement holds /tmp/poolscope-measure.lock
// exclusively, test suites and builds hold it shared, so no measurement overlaps them.
import { spawn, spawnSync } from 'node:child_process';

export const LOCK_FILE = '/tmp/poolscope-measure.lock';

/** Whether flock(1) is there to take the lock with (not on macOS or in every CI image). */
export function flockAvailable() {
  return spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Takes the lock exclusively and resolves to a function that releases it. The lock is held by a
 * flock(1) child that waits on its stdin: if this process dies, the pipe closes and the lock goes.
 */
export function holdLock(file = LOCK_FILE) {
  return new Promise((resolve, reject) => {
    const holder = spawn('flock', [file, 'sh', '-c', 'echo held; cat >/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
    holder.on('error', reject);
    holder.stdout.setEncoding('utf8').once('data', () => {
      resolve(
        () =>
          new Promise((done) => {
            holder.once('close', () => done());
            holder.stdin.end();
          }),
      );
    });
  });
}

/** Runs `work` while holding the lock (when `enabled`), releasing it whatever happens. */
export async function locked(enabled, work) {
  if (!enabled) return work();
  const release = await holdLock();
  try {
    return await work();
  } finally {
    await release();
  }
}
