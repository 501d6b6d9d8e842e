import type { TaskType } from '@poolscope/core';
import { runnerMessages } from '../../messages.js';
import type { CpuProfile, ProfileWindow } from '../../profile/v8-cpuprofile.js';
import { faultFor, type InjectedFault } from '../faults.js';
import { finishMeasure, startMeasure } from './measure.js';
import { failed, type CellSpec, type ProfileOptions, type ProfileOutcome, type RepeatFailed, type RepeatOptions, type RepeatOutcome, type Target, type TargetSession } from '../target.js';
import { withTimeout } from './_timeout.js';
import { describeFailure, nodeRuntime, settle, startPool, v8ProfileOutcome, warmPool, wrongResults, type WorkerPool } from './_piscina.js';
import { nowUs, startThreadProfile, stopThreadProfile } from './_thread-profile.js';

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

/** A live pool of the session: its workers, and the task types they have all been warmed for. */
interface LivePool {
  readonly pool: WorkerPool;
  readonly threads: number;
  readonly warmed: Set<TaskType>;
}

/**
 * The most worker threads a session keeps alive across its pools. Idle workers block in
 * `Atomics.wait` and cost no CPU, only memory (about 10 MB each); beyond this, the least recently
 * used pool is closed.
 */
const MAX_POOLED_THREADS = 128;

class NodePoolSession implements TargetSession {
  readonly runtime = nodeRuntime();
  /** The session's pools by thread count, least recently used first. */
  readonly #pools = new Map<number, LivePool>();

  constructor(
    private readonly name: string,
    private readonly faults: readonly InjectedFault[],
  ) {}

  /**
   * The pool of `threads` workers, started if the session has none. Pools are kept across cells,
   * one per thread count: in rounds the cells of each thread count come in turn, and a pool that
   * is started anew for every visit costs seconds (8 workers take 2 to 3 s to start and warm on 2
   * cores) and times its first tasks on code V8 is still tiering up.
   */
  async #poolOf(threads: number, timeoutMs: number): Promise<LivePool> {
    const live = this.#pools.get(threads);
    if (live) {
      this.#pools.delete(threads);
      this.#pools.set(threads, live);
      return live;
    }
    let pooled = [...this.#pools.values()].reduce((sum, p) => sum + p.threads, 0);
    for (const old of [...this.#pools.values()]) {
      if (pooled + threads <= MAX_POOLED_THREADS) break;
      this.#pools.delete(old.threads);
      pooled -= old.threads;
      await old.pool.destroy();
    }
    const started: LivePool = { pool: await startPool(threads, timeoutMs), threads, warmed: new Set() };
    this.#pools.set(threads, started);
    return started;
  }

  /** Warms every worker of the pool for a task type, one warm request per worker. */
  async #warm(live: LivePool, type: TaskType, work: number, timeoutMs: number): Promise<WorkerPool> {
    if (!live.warmed.has(type)) {
      await warmPool(live.pool, live.threads, type, work, timeoutMs);
      live.warmed.add(type);
    }
    return live.pool;
  }

  /** The pool of the cell's thread count, started and warmed for its task; a failure if it cannot be. */
  async #prepare(cell: CellSpec, timeoutMs: number): Promise<WorkerPool | RepeatFailed> {
    try {
      const ready = this.#poolOf(cell.num_threads, timeoutMs).then((p) => this.#warm(p, cell.task_type, cell.task_work, timeoutMs));
      const started = await withTimeout(ready, timeoutMs);
      if (!started.done) return failed('timeout', runnerMessages.poolStartTimeout(cell.num_threads, timeoutMs));
      return started.value;
    } catch (error) {
      return failed('error', runnerMessages.poolStartFailed(cell.num_threads, describeFailure(error)));
    }
  }

  /** Submits the cell's tasks (task `i` gets `i`) and collects every result: the timed region. */
  #submit(pool: WorkerPool, cell: CellSpec): Promise<unknown[]> {
    const { task_type: type, task_work: work, num_tasks: count } = cell;
    const fault = faultFor(this.faults, this.name, cell);
    const pending = new Array<Promise<unknown>>(count);
    for (let index = 0; index < count; index++) {
      pending[index] = pool.run(
        fault?.task === index ? { kind: 'task', type, work, index, fault: fault.kind } : { kind: 'task', type, work, index },
      );
    }
    return Promise.all(pending);
  }

  async runRepeat(cell: CellSpec, options: RepeatOptions): Promise<RepeatOutcome> {
    const pool = await this.#prepare(cell, options.timeoutMs);
    if ('status' in pool) return pool;
    const start = startMeasure();
    const settled = await settle(this.#submit(pool, cell), options.timeoutMs);
    if (settled.status !== 'ok') return settled;
    const measured = finishMeasure(start);
    const wrong = wrongResults(settled.value, cell);
    if (wrong > 0) return { ...measured, status: 'error', error: runnerMessages.wrongResults(wrong, cell.num_tasks) };
    return { status: 'ok', ...measured };
  }

  /**
   * The cell once more under V8's profiler, on a fresh pool: every worker starts profiling itself
   * before it is warmed, then the main thread starts; the tasks run as in a repetition; then each
   * profile is stopped and reduced to the timed region. A fresh pool, profiled from before its
   * warm-up: once piscina's message handler is hot, V8 inlines the task into it, and code compiled
   * before profiling started carries no record of that, so a well-used pool would charge the task's
   * time to `onMessage` (we saw it take all of it).
   */
  async profile(cell: CellSpec, options: ProfileOptions): Promise<ProfileOutcome> {
    const threads = cell.num_threads;
    const { timeoutMs, intervalUs } = options;
    let pool: WorkerPool;
    try {
      const started = await withTimeout(startPool(threads, timeoutMs), timeoutMs);
      if (!started.done) return failed('timeout', runnerMessages.poolStartTimeout(threads, timeoutMs));
      pool = started.value;
    } catch (error) {
      return failed('error', runnerMessages.poolStartFailed(threads, describeFailure(error)));
    }
    const broadcast = (kind: 'profile-start' | 'profile-stop') => {
      const counter = new Int32Array(new SharedArrayBuffer(4));
      const request = { kind, counter, parties: threads, timeoutMs, intervalUs };
      return settle(Promise.all(Array.from({ length: threads }, () => pool.run(request) as Promise<CpuProfile | null>)), timeoutMs);
    };
    try {
      const started = await broadcast('profile-start');
      if (started.status !== 'ok') return started;
      const warmed = await settle(warmPool(pool, threads, cell.task_type, cell.task_work, timeoutMs), timeoutMs);
      if (warmed.status !== 'ok') return warmed;
      let main: CpuProfile | null = null;
      let window: ProfileWindow;
      await startThreadProfile(intervalUs);
      try {
        const startUs = nowUs();
        const settled = await settle(this.#submit(pool, cell), timeoutMs);
        window = { startUs, endUs: nowUs() };
        if (settled.status !== 'ok') return settled;
        const wrong = wrongResults(settled.value, cell);
        if (wrong > 0) return failed('error', runnerMessages.wrongResults(wrong, cell.num_tasks));
      } finally {
        main = await stopThreadProfile();
      }
      const stopped = await broadcast('profile-stop');
      if (stopped.status !== 'ok') return stopped;
      return v8ProfileOutcome(window, [
        // The main thread hands out the tasks, then its event loop idles until results come back;
        // a worker idles in Atomics.wait (lock) when it has no task.
        { thread: 'main', role: 'main', profile: main, idle: 'results' },
        ...stopped.value.map((profile, i) => ({ thread: `worker-${i + 1}`, role: 'worker' as const, profile })),
      ]);
    } finally {
      await pool.destroy();
    }
  }

  async calibrate(taskType: TaskType, targetUs: number): Promise<number> {
    if (taskType === 'io') return Math.max(1, Math.round(targetUs));
    const { pool } = await this.#poolOf(1, 60_000);
    return (await pool.run({ kind: 'calibrate', targetUs })) as number;
  }

  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((p) => p.pool.destroy()));
  }
}
