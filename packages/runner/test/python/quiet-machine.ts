import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Busy and total clock ticks of the whole machine (/proc/stat, first line), or null off Linux. */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return null;
  }
}

/** utime + stime of a process, in clock ticks (/proc/PID/stat fields 14 and 15). */
function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/**
 * Runs `work` and returns, with its result, how many cores the rest of the machine kept busy
 * meanwhile (on average): everything but `pids` and this process. 0 where /proc is missing.
 * A speedup from 1 to 2 threads cannot show on a 2-core machine when others hold a core.
 */
export async function othersLoadDuring<T>(pids: readonly number[], work: () => Promise<T>): Promise<{ result: T; othersCores: number }> {
  const before = machineTicks();
  const ours0 = pids.reduce((sum, pid) => sum + processTicks(pid), 0);
  const self0 = process.cpuUsage();
  const result = await work();
  const after = machineTicks();
  if (!before || !after || after.total === before.total) return { result, othersCores: 0 };
  const ours = pids.reduce((sum, pid) => sum + processTicks(pid), 0) - ours0;
  const self = process.cpuUsage(self0);
  // USER_HZ is 100 on Linux: one tick is 10 ms of CPU.
  const selfTicks = (self.user + self.system) / 10_000;
  const others = after.busy - before.busy - ours - selfTicks;
  return { result, othersCores: Math.max(0, (others / (after.total - before.total)) * os.availableParallelism()) };
}
