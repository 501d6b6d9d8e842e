import type { TaskType } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { faultFor } from './faults.js';
import { failed } from './measure.js';
import type { NodeTargetOptions } from './node-pool.js';
import type { CellSpec, RepeatOptions, RepeatOutcome, Target, TargetSession } from './target.js';
import type { EventLoopCellResult } from './_worker.js';
import { withTimeout } from './_timeout.js';
import { describeFailure, nodeRuntime, startPool, type WorkerPool } from './_piscina.js';

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

  async runRepeat(cell: CellSpec, options: RepeatOptions): Promise<RepeatOutcome> {
    let host: WorkerPool;
    try {
      const started = await withTimeout(this.#hostThread(options.timeoutMs), options.timeoutMs);
      if (!started.done) return failed('timeout', runnerMessages.poolStartTimeout(1, options.timeoutMs));
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
    } as const;
    let result: EventLoopCellResult;
    try {
      const settled = await withTimeout(host.run(request) as Promise<EventLoopCellResult>, options.timeoutMs);
      if (!settled.done) return failed('timeout', runnerMessages.repeatTimeout(options.timeoutMs));
      result = settled.value;
    } catch (error) {
      return failed('error', runnerMessages.taskFailed(describeFailure(error)));
    }
    const { wrong, ...measured } = result;
    if (wrong > 0) return { ...measured, status: 'error', error: runnerMessages.wrongResults(wrong, cell.num_tasks) };
    return { status: 'ok', ...measured };
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
