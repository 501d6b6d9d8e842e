import type { TaskType } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { expectedTaskResult } from '../tasks/run-task.js';
import { faultFor, type InjectedFault } from './faults.js';
import { failed, finishMeasure, startMeasure } from './measure.js';
import type { CellSpec, RepeatOptions, RepeatOutcome, Target, TargetSession } from './target.js';
import { withTimeout } from './_timeout.js';
import { describeFailure, nodeRuntime, startPool, type WorkerPool } from './_piscina.js';

/** Options of the Node targets. */
export interface NodeTargetOptions {
  /** Failures to inject, for tests of failure handling. Default none. */
  readonly faults?: readonly InjectedFault[];
}

/**
 * `node-pool`: a piscina pool of exactly `num_threads` worker threads, the Node counterpart of
 * `ThreadPoolExecutor(max_workers=num_threads)`. The pool is created, every worker started and
 * warmed (its JIT has compiled the task: see `warmUp`) before timing; the timed region submits
 * `num_tasks` tasks (task `i` gets `i`, as in `executor.map(task, range(num_tasks))`) and collects
 * every result.
 */
export class NodePoolTarget implements Target {
  readonly name = 'node-pool';
  constructor(private readonly options: NodeTargetOptions = {}) {}

  async start(): Promise<TargetSession> {
    return new NodePoolSession(this.name, this.options.faults ?? []);
  }
}

class NodePoolSession implements TargetSession {
  readonly runtime = nodeRuntime();
  #pool: WorkerPool | undefined;
  #threads = 0;
  /** Task types every worker of the current pool has been warmed for. */
  #warmed = new Set<TaskType>();

  constructor(
    private readonly name: string,
    private readonly faults: readonly InjectedFault[],
  ) {}

  /** The pool for `threads` workers, started anew when the thread count changes. */
  async #poolOf(threads: number, timeoutMs: number): Promise<WorkerPool> {
    if (this.#pool && this.#threads === threads) return this.#pool;
    await this.close();
    this.#pool = await startPool(threads, timeoutMs);
    this.#threads = threads;
    this.#warmed = new Set();
    return this.#pool;
  }

  /** Warms every worker of the pool for a task type, one warm request per worker. */
  async #warm(pool: WorkerPool, type: TaskType, work: number, timeoutMs: number): Promise<WorkerPool> {
    if (this.#warmed.has(type)) return pool;
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const parties = this.#threads;
    await Promise.all(Array.from({ length: parties }, () => pool.run({ kind: 'warm', counter, parties, timeoutMs, type, work })));
    this.#warmed.add(type);
    return pool;
  }

  async runRepeat(cell: CellSpec, options: RepeatOptions): Promise<RepeatOutcome> {
    const { task_type: type, task_work: work, num_tasks: count } = cell;
    let pool: WorkerPool;
    try {
      const ready = this.#poolOf(cell.num_threads, options.timeoutMs).then((p) => this.#warm(p, type, work, options.timeoutMs));
      const started = await withTimeout(ready, options.timeoutMs);
      if (!started.done) return failed('timeout', runnerMessages.poolStartTimeout(cell.num_threads, options.timeoutMs));
      pool = started.value;
    } catch (error) {
      return failed('error', runnerMessages.poolStartFailed(cell.num_threads, describeFailure(error)));
    }
    const fault = faultFor(this.faults, this.name, cell);

    const start = startMeasure();
    const pending = new Array<Promise<unknown>>(count);
    for (let index = 0; index < count; index++) {
      pending[index] = pool.run(
        fault?.task === index ? { kind: 'task', type, work, index, fault: fault.kind } : { kind: 'task', type, work, index },
      );
    }
    let results: unknown[];
    try {
      const settled = await withTimeout(Promise.all(pending), options.timeoutMs);
      if (!settled.done) return failed('timeout', runnerMessages.repeatTimeout(options.timeoutMs));
      results = settled.value;
    } catch (error) {
      return failed('error', runnerMessages.taskFailed(describeFailure(error)));
    }
    const measured = finishMeasure(start);

    const expected = expectedTaskResult(type, work);
    const wrong = results.filter((r) => r !== expected).length;
    if (wrong > 0) return { ...measured, status: 'error', error: runnerMessages.wrongResults(wrong, count) };
    return { status: 'ok', ...measured };
  }

  async calibrate(taskType: TaskType, targetUs: number): Promise<number> {
    if (taskType === 'io') return Math.max(1, Math.round(targetUs));
    const pool = await this.#poolOf(this.#threads || 1, 60_000);
    return (await pool.run({ kind: 'calibrate', targetUs })) as number;
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    this.#threads = 0;
    await pool?.destroy();
  }
}
