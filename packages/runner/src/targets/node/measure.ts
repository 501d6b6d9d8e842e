import type { Measurements } from '../target.js';

/** Where a timed region started. */
export interface MeasureStart {
  readonly wall: bigint;
  readonly cpu: NodeJS.CpuUsage;
}

/** Starts timing: the monotonic clock and the process's CPU time (all threads, getrusage). */
export function startMeasure(): MeasureStart {
  return { cpu: process.cpuUsage(), wall: process.hrtime.bigint() };
}

/** Stops timing and returns what the region cost. */
export function finishMeasure(start: MeasureStart): Measurements {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage(start.cpu);
  return {
    wall_ns: Number(wall - start.wall),
    // process.cpuUsage() reports microseconds.
    cpu_user_ns: cpu.user * 1000,
    cpu_sys_ns: cpu.system * 1000,
    // process.resourceUsage().maxRSS is getrusage's ru_maxrss, in kilobytes.
    max_rss_kb: process.resourceUsage().maxRSS,
  };
}
