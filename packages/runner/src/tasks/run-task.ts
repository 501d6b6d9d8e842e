import type { TaskType } from '@poolscope/core';
import { cpuTask, cpuTaskResult } from './cpu-task.js';
import { ioTaskAsync, ioTaskBlocking } from './io-task.js';

/**
 * Runs one task on a thread of its own (a pool worker): the cpu loop, or a blocking wait.
 * Returns what the task computed, so the caller can check it ran.
 */
export function runTaskBlocking(type: TaskType, work: number): number {
  return type === 'cpu' ? cpuTask(work) : ioTaskBlocking(work);
}

/**
 * Runs one task on an event loop: the cpu loop holds the loop for its whole duration (nothing
 * else can run, as under a GIL), the wait hands the loop to other tasks.
 */
export function runTaskAsync(type: TaskType, work: number): number | Promise<number> {
  return type === 'cpu' ? cpuTask(work) : ioTaskAsync(work);
}

/** What every task of a type and size returns: the loop's sum, or the microseconds waited. */
export function expectedTaskResult(type: TaskType, work: number): number {
  return type === 'cpu' ? cpuTaskResult(work) : work;
}
