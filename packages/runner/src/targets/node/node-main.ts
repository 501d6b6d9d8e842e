import type { TaskType } from '@poolscope/core';
import { runnerMessages } from '../../messages.js';
import { faultFor } from '../faults.js';
import type { NodeTargetOptions } from './node-pool.js';
import type { CpuProfile } from '../../profile/v8-cpuprofile.js';
import { failed, type CellSpec, type ProfileOptions, type ProfileOutcome, type RepeatFailed, type RepeatOptions, type RepeatOutcome, type Target, type TargetSession } from '../target.js';
import type { EventLoopCellResult } from './_worker.js';
import { withTimeout } from './_timeout.js';
import { describeFailure, nodeRuntime, settle, startPool, v8ProfileOutcome, type WorkerPool } from './_piscina.js';
import { startThreadProfile, stopThreadProfile } from './_thread-profile.js';

/**
 * `node-main`: the same tasks on one event loop with at most `num_threads` in flight and no other
 * thread running tasks: cpu tasks cannot overlap (the Node analogue of the GIL), waits can.
 *
 * The event loop is that of one dedicated worker thread rather than the CLI's own: a task that
 * never returns would otherwise hang poolscope itself, while a worker can be stopped when the
 * repetition times out. The worker times the cell itself; `process.cpuUsage()` there counts the
 * CPU time of the whole process, as for `node-pool`.
 */
export class NodeMainTarget implements Target {
  readonly name = 'node-main';
  constructor(private readonly options: NodeTargetOptions = {}) {}

  async start(): Promise<TargetSession> {
    return new NodeMainSession(this.name, this.options);
  }
}

class NodeMainSession implements TargetSession {
  readonly runtime = nodeRuntime();
  #host: WorkerPool | undefined;

  constructor(
    private readonly name: string,
    private readonly options: NodeTargetOptions,
  ) {}

  async #hostThread(timeoutMs: number): Promise<WorkerPool> {
    this.#host ??= await startPool(1, timeoutMs);
    return this.#host;
  }

  /** Runs the cell on the event loop of `host`, the session's own thread unless given (under V8's profiler with `profileUs`). */
  async #runCell(cell: CellSpec, timeoutMs: number, profile?: { readonly host: WorkerPool; readonly intervalUs: number }): Promise<EventLoopCellResult | RepeatFailed> {
    let host: WorkerPool;
    try {
      const started = await withTimeout(profile ? Promise.resolve(profile.host) : this.#hostThread(timeoutMs), timeoutMs);
      if (!started.done) return failed('timeout', runnerMessages.poolStartTimeout(1, timeoutMs));
      host = started.value;
    } catch (error) {
      return failed('error', runnerMessages.poolStartFailed(1, describeFailure(error)));
    }
    const fault = faultFor(this.options.faults ?? [], this.name, cell);
    const request = {
      kind: 'event-loop-cell',
      type: cell.task_type,
      work: cell.task_work,
      count: cell.num_tasks,
      limit: cell.num_threads,
      ...(fault ? { fault: { kind: fault.kind, task: fault.task } } : {}),
      ...(profile ? { profileUs: profile.intervalUs } : {}),
    } as const;
    const settled = await settle(host.run(request) as Promise<EventLoopCellResult>, timeoutMs);
    return settled.status === 'ok' ? settled.value : settled;
  }

  async runRepeat(cell: CellSpec, options: RepeatOptions): Promise<RepeatOutcome> {
    const result = await this.#runCell(cell, options.timeoutMs);
    if ('status' in result) return result;
    const { wall_ns, cpu_user_ns, cpu_sys_ns, max_rss_kb, wrong } = result;
    if (wrong > 0) return { wall_ns, cpu_user_ns, cpu_sys_ns, max_rss_kb, status: 'error', error: runnerMessages.wrongResults(wrong, cell.num_tasks) };
    return { status: 'ok', wall_ns, cpu_user_ns, cpu_sys_ns, max_rss_kb };
  }

  /**
   * The cell once more under V8's profiler, on the event loop of a fresh thread and on the main
   * thread, which waits for it. A fresh thread, profiled from before its warm-up: V8 inlines the
   * task into the loop that calls it once that loop is hot, and code compiled before profiling
   * started carries no record of it, so a session's well-used thread would charge the task's time
   * to the loop (we saw `lane` take all of it). The profiles are clipped to the timed region.
   */
  async profile(cell: CellSpec, options: ProfileOptions): Promise<ProfileOutcome> {
    let host: WorkerPool;
    try {
      const started = await withTimeout(startPool(1, options.timeoutMs), options.timeoutMs);
      if (!started.done) return failed('timeout', runnerMessages.poolStartTimeout(1, options.timeoutMs));
      host = started.value;
    } catch (error) {
      return failed('error', runnerMessages.poolStartFailed(1, describeFailure(error)));
    }
    let main: CpuProfile | null = null;
    let result: EventLoopCellResult | RepeatFailed;
    try {
      await startThreadProfile(options.intervalUs);
      try {
        result = await this.#runCell(cell, options.timeoutMs, { host, intervalUs: options.intervalUs });
      } finally {
        main = await stopThreadProfile();
      }
    } finally {
      await host.destroy();
    }
    if ('status' in result) return result;
    if (result.wrong > 0) return failed('error', runnerMessages.wrongResults(result.wrong, cell.num_tasks));
    const { profile, window } = result.profile!;
    return v8ProfileOutcome(window, [
      // The main thread only waits for the event-loop thread's results. That thread's loop idles
      // in an io cell while every task in flight awaits its timer: the io task's wait; cpu tasks
      // leave it nothing to wait for, so any idle time there stays idle.
      { thread: 'main', role: 'main', profile: main, idle: 'results' },
      { thread: 'event-loop', role: 'worker', profile, ...(cell.task_type === 'io' ? { idle: 'timers' as const } : {}) },
    ]);
  }

  async calibrate(taskType: TaskType, targetUs: number): Promise<number> {
    if (taskType === 'io') return Math.max(1, Math.round(targetUs));
    const host = await this.#hostThread(60_000);
    return (await host.run({ kind: 'calibrate', targetUs })) as number;
  }

  async close(): Promise<void> {
    const host = this.#host;
    this.#host = undefined;
    await host?.destroy();
  }
}
