/** What a harness is asked (a cell, options, faults to inject) and what it answers, checked before sending. */
import { ERROR_CODES, PoolscopeError, TASK_TYPES, type InterpreterInfo, type TaskType } from '@poolscope/core';
import type { FunctionTime, ThreadProfile } from '../../profile/function-time.js';
import { runnerMessages } from '../../messages.js';

/** One cell of the matrix, as the harness runs it. */
export interface PythonCell {
  task_type: TaskType;
  /** Loop iterations (cpu) or microseconds of sleep (io) per task. */
  task_work: number;
  num_tasks: number;
  num_threads: number;
}

/**
 * Makes task number `task` (default 0) misbehave, for tests of the error paths: the kinds of the
 * Node targets' injected faults (`throw`: raise; `hang`: never return; `crash`: `os._exit`, the
 * harness dies), and `print` (to stdout and fd 1, which must not reach the protocol).
 */
export interface HarnessFault {
  kind: 'throw' | 'hang' | 'crash' | 'print';
  task?: number;
  /** The exit code for `crash`. Default 70, as the Node targets' crash. */
  code?: number;
}

/** The interpreter behind a harness: core's InterpreterInfo plus what rows need. */
export interface PythonInterpreterInfo extends InterpreterInfo {
  /** `3.13.5`: what goes into the `runtime_version` column. */
  runtime_version: string;
  /** `sys.executable` as the interpreter reports it. */
  executable: string;
}

export interface PythonHarnessOptions {
  /** The interpreter's environment; PYTHON_GIL and the like pass through. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** The target name `info.target` carries. Default: `python:<path>`. */
  target?: string;
  /** How long the interpreter may take to start the harness. Default: 20 000 ms. */
  startTimeoutMs?: number;
}

export interface PythonRunRepeatOptions {
  /** Longest a repetition may take; then the harness is killed and the result is a timeout. Default: 600 000 ms. */
  timeoutMs?: number;
  /** A warm-up repetition: run exactly like a measured one; the flag comes back in the result. Default: false. */
  warmup?: boolean;
  fault?: HarnessFault;
}

export interface PythonProfileOptions {
  /** `sampler` (default): the call-stack sampler, everywhere. `cprofile`: deterministic, never on free-threaded builds. */
  profiler?: 'sampler' | 'cprofile';
  /** Sampling interval in µs. Default: 1000 (1 ms, as the issue asks). */
  intervalUs?: number;
  /** Longest the profiled run may take. Default: 600 000 ms. */
  timeoutMs?: number;
  fault?: HarnessFault;
}

/** A repetition that completed. `max_rss_kb` is null only where the platform cannot tell (Windows). */
export interface PythonRepeatOk {
  status: 'ok';
  warmup: boolean;
  wall_ns: number;
  cpu_user_ns: number;
  cpu_sys_ns: number;
  max_rss_kb: number | null;
  /** Whether the GIL was on after the cell (an extension module can turn it back on in 3.13t): the row's `gil`. */
  gil: boolean | null;
}

/**
 * A repetition (or profile) that failed: a task raised (`error`, harness alive), the harness died
 * (`error`), or the time ran out (`timeout`, harness killed). `harnessLost` says the process is gone:
 * the next request starts a fresh one.
 */
export interface PythonRequestFailed {
  status: 'error' | 'timeout';
  warmup: boolean;
  error: string;
  /** The Python traceback, or the end of the harness's stderr. */
  detail: string;
  /** How long the cell ran before it failed, where the harness could tell. */
  wall_ns: number | null;
  harnessLost: boolean;
}

export type PythonRepeatResult = PythonRepeatOk | PythonRequestFailed;

export interface PythonProfileOk {
  status: 'ok';
  profiler: 'sampler' | 'cprofile';
  /** Wall time of the profiled run (profiler overhead included). */
  wall_ns: number;
  /** Samples taken (sampler only). */
  samples: number | null;
  interval_ns: number | null;
  gil_enabled: boolean | null;
  /** Per thread: the main thread first, then the pool's workers. */
  threads: ThreadProfile[];
  /** All threads merged per function: what profile.csv gets. */
  functions: FunctionTime[];
  /** Caveats of the profiler on this interpreter (cProfile's shared call stack on 3.12+). */
  warnings: string[];
}

export type PythonProfileResult = PythonProfileOk | Omit<PythonRequestFailed, 'warmup'>;

function positiveInt(field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.badCellValue(field, value));
  }
}

/** Refuses a malformed cell before it reaches the harness (E_USAGE, naming the field). */
export function checkCell(cell: PythonCell): void {
  if (!(TASK_TYPES as readonly unknown[]).includes(cell.task_type)) {
    throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.badTaskType(cell.task_type));
  }
  positiveInt('task_work', cell.task_work);
  positiveInt('num_tasks', cell.num_tasks);
  positiveInt('num_threads', cell.num_threads);
}

/** Refuses a setting that is not a positive number (E_USAGE, naming it). */
export function positiveNumber(field: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.badPositive(field, value));
}
