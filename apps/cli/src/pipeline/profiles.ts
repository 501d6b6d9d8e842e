import type { RunRequest } from '@poolscope/runner';

/** The named matrices `poolscope pipeline --profile NAME` can run. */
export const PIPELINE_PROFILES = ['default', 'rca'] as const;
export type PipelineProfileName = (typeof PIPELINE_PROFILES)[number];

/** A profile: the run it asks for (targets are chosen apart, from the interpreters found). */
export interface PipelineProfile {
  readonly name: PipelineProfileName;
  /** The matrix, without targets. */
  readonly request: Omit<RunRequest, 'targets'>;
  /** Whether each cell is also run once under a call-stack profiler (Experiment 3). */
  readonly callStacks: boolean;
}

/** 1, 2, 4, ... up to `limit` (inclusive when it is a power of two). */
export function powersOfTwoUpTo(limit: number): number[] {
  const counts: number[] = [];
  for (let n = 1; n <= limit; n *= 2) counts.push(n);
  return counts;
}

/**
 * The default profile's task sizes, in microseconds per task on one thread.
 *
 * The budget is 3 minutes for the whole pipeline on 2 cores. The matrix is 4 targets x 2 task types
 * x task counts 100, 1000, 10000 x threads 1, 2, 4 x 3 repeats: 11,100 tasks per thread count and
 * repetition of each (target, task type). What that costs, measured on this repository's 2-core
 * machine (Node 20.20, CPython 3.13.5 and 3.13.5t; 151 s of timed repetitions in all):
 * - node-main io cannot wait less than one event-loop timer tick (about 1.1 ms, whatever it asks),
 *   so it alone takes 11,100 x 1.1 ms x (1 + 1/2 + 1/4) = 21 s per repetition: 70 s of the 151;
 * - node-pool costs about 200 us per task of its own with one thread (message passing to the
 *   worker), 100 us with two, whatever the task: 34 s for its cpu and io cells;
 * - the four Python (target, type) pairs and node-main cpu share the rest, about 47 s, which allows
 *   about 50 us of work per task once the thread counts' speedups are counted.
 * With the interpreter search, calibration and the runner's own work between repetitions, the
 * pipeline took 2 min 49 s and 2 min 55 s (the second with the machine's load average above 3).
 * So cpu tasks are calibrated to 50 us, and io tasks wait 50 us: sub-millisecond waits are honoured
 * by node-pool (`Atomics.wait`) and by Python (`time.sleep`), while on node-main the wait is one
 * timer tick (the row's task_work still says what was asked; the report's limitations say so).
 */
export const DEFAULT_TASK_US = { cpu: 50, io: 50 } as const;

/**
 * The RCA's own sizes are not known; the runner's defaults are used: cpu tasks of 200 us keep the
 * pool's per-task overhead small beside the task, and io waits of 1 ms are one event-loop tick.
 */
export const RCA_TASK_US = { cpu: 200, io: 1000 } as const;

/** The RCA's task counts (Experiment 1 went up to 100,000 tasks). */
export const RCA_TASKS = [100, 1000, 10000, 100000] as const;

/** The RCA measured up to 12 threads; a bigger machine goes up to its own core count. */
export function rcaThreads(cores: number): number[] {
  const limit = Math.max(12, cores);
  const counts = powersOfTwoUpTo(limit);
  if (counts.at(-1) !== limit) counts.push(limit);
  return counts;
}

/**
 * The profile of that name for a machine with `cores` logical cores.
 * - `default`: cpu and io; 100, 1000, 10000 tasks; threads 1, 2, 4, ... up to 2 x cores (beyond the
 *   cores, to show oversubscription); 3 repeats and no warm-up repetition (each target warms itself
 *   before timing: node-pool warms every worker, calibration warms node-main and the Python
 *   harness; a median of 3 is not moved by one cold repetition); sizes {@link DEFAULT_TASK_US}.
 * - `rca`: the RCA's matrix: 100 to 100,000 tasks; threads powers of two up to max(12, cores) and
 *   that count itself; 5 repeats after 1 warm-up; call-stack profiles; sizes {@link RCA_TASK_US}.
 */
export function pipelineProfile(name: PipelineProfileName, cores: number): PipelineProfile {
  if (name === 'rca') {
    return {
      name,
      request: { taskTypes: ['cpu', 'io'], tasks: [...RCA_TASKS], threads: rcaThreads(cores), repeats: 5, warmup: 1, taskUs: { ...RCA_TASK_US } },
      callStacks: true,
    };
  }
  return {
    name,
    request: { taskTypes: ['cpu', 'io'], tasks: [100, 1000, 10000], threads: powersOfTwoUpTo(2 * cores), repeats: 3, warmup: 0, taskUs: { ...DEFAULT_TASK_US } },
    callStacks: false,
  };
}
