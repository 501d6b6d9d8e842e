import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import type { RuntimeInfo } from './target.js';
import type { WorkerRequest } from './_worker.js';

/**
 * The worker module's file URL. Workers need JavaScript, so when this package runs from its
 * TypeScript sources (its own tests) the built copy in dist/ is used.
 */
export function workerFile(): string {
  for (const candidate of ['./_worker.js', '../../dist/targets/_worker.js']) {
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

/** A failure inside a worker as one line: the error's message, or what the value was. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
