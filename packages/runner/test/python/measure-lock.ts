import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

/** The lock every timing-sensitive run on this machine takes, so only one measures at a time. */
export const MEASURE_LOCK = '/tmp/poolscope-measure.lock';

/**
 * Runs `work` holding MEASURE_LOCK, as `flock /tmp/poolscope-measure.lock ...` would. flock(2) locks
 * belong to the open file: `flock -x 3` locks the descriptor this process opened and passes down, and
 * the lock stays with this process until the descriptor is closed. Without flock(1) (macOS) it runs
 * unlocked and says so.
 */
export async function withMeasureLock<T>(work: () => Promise<T>): Promise<T> {
  const fd = openSync(MEASURE_LOCK, 'a');
  try {
    const locked = await new Promise<boolean>((resolve) => {
      const child = spawn('flock', ['-x', '3'], { stdio: ['ignore', 'ignore', 'inherit', fd] });
      child.on('error', () => resolve(false));
      child.on('close', (code) => resolve(code === 0));
    });
    if (!locked) console.warn(`measuring without ${MEASURE_LOCK}: flock(1) is not available`);
    return await work();
  } finally {
    closeSync(fd);
  }
}
