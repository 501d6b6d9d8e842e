/* global process, setTimeout */
// What the machine was doing while a sample ran (Linux /proc; elsewhere nothing is recorded), and
// the commit measured.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * Clock ticks of the whole machine (busy, total, stolen by the hypervisor) and of this process
 * with the children it has waited for (utime, stime, cutime, cstime), or null off Linux.
 */
export function ticks() {
  try {
    // cpu user nice system idle iowait irq softirq steal (proc(5)).
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const busy = f[0] + f[1] + f[2] + f[5] + f[6] + f[7];
    const steal = f[7] ?? 0;
    const self = readFileSync('/proc/self/stat', 'utf8');
    const s = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number);
    // Fields 14-17 of /proc/self/stat, counted from the state field (3).
    return { busy, steal, total: busy + f[3] + f[4], own: s[11] + s[12] + s[13] + s[14] };
  } catch {
    return null;
  }
}

/**
 * Between two `ticks()`: how many cores processes other than this one and its children kept busy
 * on average, and the share of the machine's time the hypervisor stole. Children still running
 * at `b` are not yet counted as ours, so take `b` after they exit.
 */
export function machineLoad(a, b) {
  if (!a || !b || b.total <= a.total) return { others_cores: null, steal_share: null };
  const total = b.total - a.total;
  const others = Math.max(0, b.busy - a.busy - (b.steal - a.steal) - (b.own - a.own));
  return { others_cores: (others / total) * availableParallelism(), steal_share: (b.steal - a.steal) / total };
}

/**
 * Waits until processes other than this one keep fewer than `threshold` cores busy over
 * `sampleMs`, for at most `maxMs` (HELPERS.md: the machine is shared; the lock keeps other
 * measurements and test suites away, not editors and compilers). Resolves to the seconds waited.
 */
export async function waitForQuiet({ threshold = 0.3, sampleMs = 1000, maxMs = 5_000 } = {}) {
  const start = Date.now();
  for (;;) {
    const a = ticks();
    if (!a) return 0;
    await new Promise((resolve) => setTimeout(resolve, sampleMs));
    const { others_cores } = machineLoad(a, ticks());
    if (others_cores === null || others_cores < threshold || Date.now() - start >= maxMs) return (Date.now() - start) / 1000;
  }
}

/** The commit measured, with `-dirty` when the worktree has uncommitted changes; null outside git. */
export function gitCommit(cwd) {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}-dirty` : head;
  } catch {
    return null;
  }
}

/** The load average, as a coarse sign of how busy the machine was when the suite started. */
export function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return null;
  }
}

export const cores = availableParallelism;
export const nodeVersion = () => process.version;
