import type { InterpreterInfo, PoolscopeError, TaskType } from '@poolscope/core';
import type { ThreadProfile } from '../profile/function-time.js';

/** What one cell asks of a target: `num_tasks` tasks of one type and size on `num_threads` threads. */
export interface CellSpec {
  readonly task_type: TaskType;
  /** Loop iterations (cpu) or microseconds of waiting (io) per task. */
  readonly task_work: number;
  readonly num_tasks: number;
  readonly num_threads: number;
}

/** The measurements of one repetition, as the row records them. */
export interface Measurements {
  /** Wall time of the timed region, monotonic clock. */
  wall_ns: number;
  /** Process CPU time in user mode during the timed region, every thread of the process counted. */
  cpu_user_ns: number;
  /** Process CPU time in the kernel during the timed region. */
  cpu_sys_ns: number;
  /**
   * The process's peak resident set size so far (getrusage `ru_maxrss`), in KiB; null where the
   * runtime cannot tell (Python without the `resource` module).
   */
  max_rss_kb: number | null;
}

/** A repetition that completed and checked its results. */
export interface RepeatOk extends Measurements {
  readonly status: 'ok';
  /**
   * Whether the GIL was on during this repetition, for targets that can tell per repetition (on a
   * free-threaded build an extension module can turn it back on mid-run). When absent, the row
   * records the session's `runtime.gil`.
   */
  readonly gil?: boolean | null;
}

/**
 * A repetition that failed: a task threw, a worker died, or it ran past the time limit.
 * Measurements a target could still take are kept; the others are null.
 */
export interface RepeatFailed {
  readonly status: 'error' | 'timeout';
  /** What went wrong, for a person. */
  readonly error: string;
  /** As in `RepeatOk`. */
  readonly gil?: boolean | null;
  wall_ns: number | null;
  cpu_user_ns: number | null;
  cpu_sys_ns: number | null;
  max_rss_kb: number | null;
}

export type RepeatOutcome = RepeatOk | RepeatFailed;

/** A failed repetition without measurements. */
export function failed(status: RepeatFailed['status'], error: string): RepeatFailed {
  return { status, error, wall_ns: null, cpu_user_ns: null, cpu_sys_ns: null, max_rss_kb: null };
}

/** The runtime a session measures, as rows record it. */
export interface RuntimeInfo {
  /** The runtime family: `node`, `cpython`, ... */
  readonly runtime: string;
  readonly runtime_version: string;
  /** Whether the GIL is on; null where the question does not apply. */
  readonly gil: boolean | null;
  /** The interpreter, for host.json; absent for Node, which host.json describes already. */
  readonly interpreter?: InterpreterInfo;
}

/** Options of one repetition. */
export interface RepeatOptions {
  /** Give up after this long: the outcome is then `timeout` and the session must be restarted. */
  readonly timeoutMs: number;
  /** A warm-up repetition, which the runner does not record. */
  readonly warmup: boolean;
}

/** The profilers a Python target can use; the Node targets always use V8's sampling profiler. */
export const PYTHON_PROFILERS = ['sampler', 'cprofile'] as const;
export type PythonProfiler = (typeof PYTHON_PROFILERS)[number];

/** How to profile a cell. */
export interface ProfileOptions {
  /** Python targets: the call-stack sampler or deterministic cProfile. Node targets ignore it. */
  readonly profiler: PythonProfiler;
  /** Sampling interval of the samplers (Python's and V8's), in microseconds. */
  readonly intervalUs: number;
  /** Give up after this long: the outcome is then `timeout` and the session must be restarted. */
  readonly timeoutMs: number;
}

/** A cell run once under a profiler: per thread, the time of each function. */
export interface ProfileOk {
  readonly status: 'ok';
  /** The profiler that ran: `sampler` or `cprofile` (Python), `v8` (Node). */
  readonly profiler: string;
  /** Wall time of the profiled run, profiler overhead included. */
  readonly wall_ns: number;
  /** The main thread first, then the workers (cProfile on Python 3.12+: one entry for all threads). */
  readonly threads: readonly ThreadProfile[];
  /** Caveats of the profiler on this runtime, for a person. */
  readonly warnings: readonly string[];
}

export type ProfileOutcome = ProfileOk | RepeatFailed;

/**
 * A live connection to one target (a pool of workers, an interpreter process), kept across cells.
 * After a repetition that did not end `ok`, the runner closes the session and starts a new one, so a
 * session may assume it is never reused after a failure.
 */
export interface TargetSession {
  readonly runtime: RuntimeInfo;
  /** Runs one repetition of a cell: everything the timed region needs is prepared before timing. */
  runRepeat(cell: CellSpec, options: RepeatOptions): Promise<RepeatOutcome>;
  /**
   * The work per task for which one task of `taskType` takes `targetUs` microseconds on one thread
   * of this target.
   */
  calibrate(taskType: TaskType, targetUs: number): Promise<number>;
  /**
   * Runs the cell once more under a profiler, outside any timed repetition (`poolscope run
   * --profile`). Absent: the target cannot be profiled. After an outcome that is not `ok` the
   * runner replaces the session, as after a failed repetition.
   */
  profile?(cell: CellSpec, options: ProfileOptions): Promise<ProfileOutcome>;
  /**
   * Why this session cannot profile with `options` (cProfile on a free-threaded build), as the
   * error the run throws before measuring anything; undefined when it can.
   */
  profileRefusal?(options: ProfileOptions): PoolscopeError | undefined;
  /** Ends the session and everything it started, even in the middle of a repetition. */
  close(): Promise<void>;
}

/** Something poolscope can measure, by the name rows carry in `target`. */
export interface Target {
  readonly name: string;
  /** Starts a session; throws PoolscopeError (E_RUNTIME) when the target cannot be used. */
  start(): Promise<TargetSession>;
}

/** Turns target names (`--targets`) into targets. */
export interface TargetRegistry {
  /** The target of that name, or undefined if this registry does not know it. */
  resolve(name: string): Target | undefined;
  /** The names and name patterns it accepts, for error messages (`node-pool`, `python:PATH`). */
  readonly accepted: readonly string[];
}
