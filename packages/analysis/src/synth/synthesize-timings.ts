import type { TaskType, TimingRecord } from '@poolscope/core';
import { normalDeviate, seededRandom } from '../stats/random.js';

/** A made-up target whose speedup follows the USL with known coefficients. */
export interface SyntheticTarget {
  target: string;
  /** Default 'synthetic'. */
  runtime?: string;
  /** Default null. */
  gil?: boolean | null;
  sigma: number;
  kappa: number;
  /** Seconds one task takes on one thread. */
  taskSeconds: number;
  /** Seconds every run pays whatever its size (pool start-up): makes small task counts scale worse. Default 0. */
  overheadSeconds?: number;
}

/** What to synthesize; every row is seeded, so the same spec gives the same rows. */
export interface SynthesisSpec {
  targets: readonly SyntheticTarget[];
  /** Default ['cpu']. */
  taskTypes?: readonly TaskType[];
  taskCounts: readonly number[];
  threads: readonly number[];
  repeats: number;
  /** Coefficient of variation of the wall time noise (normal, multiplicative). Default 0.02. */
  noise?: number;
  /** Share of rows that end with status 'error' (then 'timeout' for every tenth). Default 0. */
  failureRate?: number;
  /** Logical cores of the pretend machine: CPU time is wall time x min(threads, cores). Default 2. */
  cores?: number;
  /** Default 1. */
  seed?: number;
}

/**
 * Raw timing records whose medians follow T(N) = overhead + tasks x taskSeconds / S(N), with
 * S(N) = N / (1 + sigma (N - 1) + kappa N (N - 1)) the USL speedup, plus seeded noise: for tests,
 * examples, figure fixtures and benchmarks (a generator, so a million rows never sit in memory).
 */
export function* synthesizeTimings(spec: SynthesisSpec): Generator<TimingRecord> {
  const random = seededRandom(spec.seed ?? 1);
  const noise = spec.noise ?? 0.02;
  const cores = spec.cores ?? 2;
  const failureRate = spec.failureRate ?? 0;
  let row = 0;
  for (const t of spec.targets) {
    for (const taskType of spec.taskTypes ?? ['cpu']) {
      for (const numTasks of spec.taskCounts) {
        for (const threads of spec.threads) {
          const speedup = threads / (1 + t.sigma * (threads - 1) + t.kappa * threads * (threads - 1));
          const seconds = (t.overheadSeconds ?? 0) + (numTasks * t.taskSeconds) / speedup;
          for (let repeat = 0; repeat < spec.repeats; repeat++, row++) {
            const wall = Math.max(1, Math.round(seconds * 1e9 * Math.max(0.05, 1 + noise * normalDeviate(random))));
            const base = {
              run_id: 'synthetic',
              host_id: '000000000000',
              target: t.target,
              runtime: t.runtime ?? 'synthetic',
              runtime_version: '1',
              gil: t.gil ?? null,
              task_type: taskType,
              task_work: 1000,
              num_tasks: numTasks,
              num_threads: threads,
              repeat,
              started_at: new Date(Date.UTC(2026, 0, 1) + row * 1000).toISOString(),
            };
            if (failureRate > 0 && random() < failureRate) {
              const timeout = row % 10 === 0;
              yield { ...base, status: timeout ? 'timeout' : 'error', wall_ns: null, cpu_user_ns: null, cpu_sys_ns: null, max_rss_kb: null, error: timeout ? 'timed out' : 'synthetic failure' };
              continue;
            }
            const cpu = wall * Math.min(threads, cores) * (taskType === 'cpu' ? 0.95 : 0.05);
            yield { ...base, status: 'ok', wall_ns: wall, cpu_user_ns: Math.round(cpu * 0.9), cpu_sys_ns: Math.round(cpu * 0.1), max_rss_kb: 20000, error: '' };
          }
        }
      }
    }
  }
}

