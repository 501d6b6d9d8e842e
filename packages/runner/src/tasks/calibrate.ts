import { cpuTask } from './cpu-task.js';

/** Options of `calibrateCpuWork`. */
export interface CalibrateOptions {
  /**
   * Times one task of `work` iterations, in nanoseconds. Default: runs `cpuTask(work)` on the
   * calling thread and counts the CPU time it took (see `cpuTimeOfTask`). Tests pass a model of a
   * machine instead.
   */
  timeNs?: (work: number) => number;
  /**
   * The shortest sample worth trusting, in ns: the work doubles until one task takes this long,
   * so timer resolution and call overhead are negligible. Default 2 ms.
   */
  minSampleNs?: number;
  /**
   * Sampling stops once this many samples in a row have not beaten the fastest so far by more
   * than 2%. Default 5.
   */
  rounds?: number;
  /**
   * Samples taken at the final size at least, so the JIT reaches its last tier first (see
   * `warmUp`: an intermediate tier runs about 50% slower for a few calls). Default 15.
   */
  minSamples?: number;
  /** Sampling stops after this many samples at the latest. Default 200 (under a second at 2 ms). */
  maxSamples?: number;
}

/**
 * The CPU time one `cpuTask(work)` takes, in ns. CPU time rather than wall time, so that other
 * processes taking turns on the core (a busy machine, a noisy neighbour on a VM) do not make the
 * task look longer than it is: that error would size every task of the run too small.
 * `process.cpuUsage()` counts the whole process, which is idle apart from this thread while it
 * calibrates.
 */
export function cpuTimeOfTask(work: number): number {
  const start = process.cpuUsage();
  cpuTask(work);
  const used = process.cpuUsage(start);
  return (used.user + used.system) * 1000;
}

/**
 * The number of loop iterations for which one cpu task takes `targetUs` microseconds on the
 * calling thread.
 *
 * The loop's cost is linear in its length, so one long sample gives the rate. Samples are taken
 * (`minSamples` at least) until the fastest has not improved for `rounds` samples in a row: the JIT compiles the loop
 * while it runs (concurrently, so on a busy machine the optimized code may come late), and a
 * calibration taken before that would be many times too small. The fastest sample is the estimate
 * least disturbed by other processes, as in Python's `timeit`. Whenever the loop gets faster
 * than `minSampleNs`, the work doubles again.
 */
export function calibrateCpuWork(targetUs: number, options: CalibrateOptions = {}): number {
  const timeNs = options.timeNs ?? cpuTimeOfTask;
  const minSampleNs = options.minSampleNs ?? 2_000_000;
  const rounds = options.rounds ?? 5;
  const maxSamples = options.maxSamples ?? 200;
  const minSamples = options.minSamples ?? 15;
  let work = 1024;
  let fastest = Infinity;
  let stale = 0;
  let atSize = 0;
  for (let samples = 0; samples < maxSamples && (stale < rounds || atSize < minSamples); samples++) {
    const ns = Math.max(timeNs(work), 1);
    if (ns < minSampleNs && work < 2 ** 40) {
      work *= 2;
      fastest = Infinity;
      stale = 0;
      atSize = 0;
      continue;
    }
    atSize += 1;
    const perIteration = ns / work;
    stale = perIteration < fastest * 0.98 ? 0 : stale + 1;
    fastest = Math.min(fastest, perIteration);
  }
  return Math.max(1, Math.round((targetUs * 1000) / fastest));
}
