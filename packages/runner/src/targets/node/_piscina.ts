import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ERROR_CODES, PoolscopeError, type TaskType } from '@poolscope/core';
import { runnerMessages } from '../../messages.js';
import { reduceCpuProfile, type CpuProfile, type ProfileWindow } from '../../profile/v8-cpuprofile.js';
import type { ThreadProfile } from '../../profile/function-time.js';
import { nameIdleTime, type IdleMeaning } from '../../profile/idle-time.js';
import { expectedTaskResult } from '../../tasks/run-task.js';
import { failed, type CellSpec, type ProfileOk, type RepeatFailed, type RuntimeInfo } from '../target.js';
import { withTimeout } from './_timeout.js';
import type { WorkerRequest } from './_worker.js';

/**
 * The worker module's file URL. Workers need JavaScript, so when this package runs from its
 * TypeScript sources (its own tests) the built copy in dist/ is used.
 */
export function workerFile(): string {
  for (const candidate of ['./_worker.js', '../../../dist/targets/node/_worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url.href;
  }
  throw new PoolscopeError(ERROR_CODES.INTERNAL, runnerMessages.workerMissing, { hint: runnerMessages.workerMissingHint });
}

/** The Node runtime, as rows record it (no GIL question). */
export function nodeRuntime(): RuntimeInfo {
  return { runtime: 'node', runtime_version: process.versions.node, gil: null };
}

/** A piscina pool with exactly `threads` worker threads. */
export type WorkerPool = Piscina<WorkerRequest, unknown>;

/**
 * Creates a pool of exactly `threads` workers (min = max, never shut down when idle) and waits
 * until every one of them has started and loaded the task code: each runs one barrier task, and
 * the barrier opens only when all `threads` have arrived.
 */
export async function startPool(threads: number, timeoutMs: number): Promise<WorkerPool> {
  const pool: WorkerPool = new Piscina({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Infinity,
    concurrentTasksPerWorker: 1,
    // Piscina's per-task histograms would add work to the timed region; we time it ourselves.
    recordTiming: false,
  });
  // Uncaught errors of idle workers: the failing task's own promise reports what matters.
  pool.on('error', () => undefined);
  try {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const arrivals = Array.from({ length: threads }, () => pool.run({ kind: 'arrive', counter, parties: threads, timeoutMs }));
    await Promise.all(arrivals);
    return pool;
  } catch (error) {
    await pool.destroy();
    throw error;
  }
}

/** Warms every worker of a pool of `threads` for a task type and size: one warm request per worker (see `WarmRequest`). */
export async function warmPool(pool: WorkerPool, threads: number, type: TaskType, work: number, timeoutMs: number): Promise<void> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  await Promise.all(Array.from({ length: threads }, () => pool.run({ kind: 'warm', counter, parties: threads, timeoutMs, type, work })));
}

/** A failure inside a worker as one line: the error's message, or what the value was. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * What tasks of the Node targets settled to within `timeoutMs`: their values, or the failed
 * outcome (`timeout`, or `error` with the first task's failure).
 */
export async function settle<T>(work: Promise<T>, timeoutMs: number): Promise<{ status: 'ok'; value: T } | RepeatFailed> {
  try {
    const settled = await withTimeout(work, timeoutMs);
    if (!settled.done) return failed('timeout', runnerMessages.repeatTimeout(timeoutMs));
    return { status: 'ok', value: settled.value };
  } catch (error) {
    return failed('error', runnerMessages.taskFailed(describeFailure(error)));
  }
}

/** How many of a cell's task results differ from what its task must return. */
export function wrongResults(results: readonly unknown[], cell: CellSpec): number {
  const expected = expectedTaskResult(cell.task_type, cell.task_work);
  return results.filter((r) => r !== expected).length;
}

/** One thread's V8 profile, and what its idle event loop waits for inside the timed region (absent: nothing of the cell). */
export type ThreadCpuProfile = Pick<ThreadProfile, 'thread' | 'role'> & { readonly profile: CpuProfile | null; readonly idle?: IdleMeaning };

/**
 * The threads' V8 profiles, reduced to the timed region: the profile of a Node target's cell. A
 * thread's `(idle)` time is renamed for what it waits for (`idle`), so the categories count the
 * coordinating thread's wait for results as result time, as in Python (see `IdleMeaning`).
 */
export function v8ProfileOutcome(window: ProfileWindow, profiles: readonly ThreadCpuProfile[]): ProfileOk {
  const threads = profiles.flatMap(({ profile, idle, ...thread }) => {
    if (!profile) return [];
    const reduced = reduceCpuProfile(profile, thread, window);
    return [idle ? nameIdleTime(reduced, idle) : reduced];
  });
  const missing = profiles.filter((p) => !p.profile).map((p) => p.thread);
  return {
    status: 'ok',
    profiler: 'v8',
    wall_ns: Math.round((window.endUs - window.startUs) * 1000),
    threads,
    warnings: missing.length ? [runnerMessages.profileMissingThreads(missing)] : [],
  };
}
