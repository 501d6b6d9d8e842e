import path from 'node:path';
import type { z } from 'zod';
import { ERROR_CODES, PoolscopeError, TASK_TYPES, type TaskType } from '@poolscope/core';
import { mergeFunctionTimes } from '../../profile/function-time.js';
import { HARNESS_SCRIPT } from './harness-files.js';
import {
  checkCell,
  positiveNumber,
  type PythonCell,
  type PythonHarnessOptions,
  type PythonInterpreterInfo,
  type PythonProfileOptions,
  type PythonProfileResult,
  type PythonRepeatResult,
  type PythonRequestFailed,
  type PythonRunRepeatOptions,
} from './harness-requests.js';
import { HarnessProcess, describeExit } from './harness-process.js';
import { runnerMessages } from '../../messages.js';
import { probeInterpreter, whyNotExecutable } from './probe.js';
import {
  calibrateResponseSchema,
  errorResponseSchema,
  helloSchema,
  profileResponseSchema,
  runResponseSchema,
  type Hello,
} from './protocol.js';

export type {
  HarnessFault,
  PythonCell,
  PythonHarnessOptions,
  PythonInterpreterInfo,
  PythonProfileOk,
  PythonProfileOptions,
  PythonProfileResult,
  PythonRepeatOk,
  PythonRepeatResult,
  PythonRequestFailed,
  PythonRunRepeatOptions,
} from './harness-requests.js';

/** Ten minutes: far beyond any sensible cell, short of forever. */
const DEFAULT_TIMEOUT_MS = 600_000;
const CALIBRATE_TIMEOUT_MS = 120_000;
const CLOSE_GRACE_MS = 2_000;

type Failure = Omit<PythonRequestFailed, 'warmup'>;
type Outcome<T> = { status: 'ok'; body: T } | Failure;

/**
 * A long-lived Python harness process for one interpreter: it runs one request at a time (calls
 * are queued) and survives tasks that raise. A timeout or a harness that dies ends that process;
 * the next request then starts a fresh one automatically (same interpreter, same environment), and
 * `restart()` does so explicitly. Spawned without a shell.
 */
export class PythonHarness {
  /** The interpreter path, as given (made absolute). */
  readonly path: string;
  readonly #env: NodeJS.ProcessEnv;
  readonly #target: string;
  readonly #startTimeoutMs: number;
  #process: HarnessProcess | null = null;
  #hello: Hello | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #nextId = 1;
  #closed = false;

  private constructor(interpreter: string, options: PythonHarnessOptions) {
    this.path = path.resolve(interpreter);
    this.#env = options.env ?? process.env;
    this.#target = options.target ?? `python:${this.path}`;
    this.#startTimeoutMs = options.startTimeoutMs ?? 20_000;
  }

  /**
   * Starts the harness on `interpreter` and waits for its hello. Throws E_RUNTIME, with a message
   * that says which, when the file is missing, not executable, not Python, or older than 3.8.
   */
  static async start(interpreter: string, options: PythonHarnessOptions = {}): Promise<PythonHarness> {
    const harness = new PythonHarness(interpreter, options);
    await harness.#launch();
    return harness;
  }

  /** The interpreter, as it reported itself at start. */
  get info(): PythonInterpreterInfo {
    const hello = this.#hello!;
    return {
      target: this.#target,
      implementation: hello.implementation,
      path: this.path,
      version: hello.version,
      free_threaded_build: hello.free_threaded_build,
      gil_enabled: hello.gil_enabled,
      runtime_version: hello.runtime_version,
      executable: hello.executable,
    };
  }

  /** The harness process id, or null between a lost process and the next request. */
  get pid(): number | null {
    return this.#process?.pid ?? null;
  }

  /**
   * Runs one repetition (or warm-up) of `cell`. Task failures and timeouts are results; only misuse
   * (a malformed cell: E_USAGE) and an interpreter that no longer starts (E_RUNTIME) reject.
   */
  async runRepeat(cell: PythonCell, options: PythonRunRepeatOptions = {}): Promise<PythonRepeatResult> {
    checkCell(cell);
    const warmup = options.warmup ?? false;
    return this.#serial(async () => {
      const request = { op: 'run', ...cell, warmup, fault: options.fault };
      const outcome = await this.#request(request, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, runResponseSchema);
      if (outcome.status !== 'ok') return { ...outcome, warmup };
      const { wall_ns, cpu_user_ns, cpu_sys_ns, max_rss_kb, gil_enabled } = outcome.body;
      return { status: 'ok', warmup, wall_ns, cpu_user_ns, cpu_sys_ns, max_rss_kb, gil: gil_enabled };
    });
  }

  /**
   * The `task_work` that makes one task of `taskType` take `targetUs` µs on one thread (cpu: timed
   * in the harness, fastest of three; io: the work unit is 1 µs of sleep). Throws E_RUNTIME if the
   * harness fails.
   */
  async calibrate(taskType: TaskType, targetUs: number): Promise<{ task_work: number; ns_per_unit: number }> {
    if (!(TASK_TYPES as readonly unknown[]).includes(taskType)) throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.badTaskType(taskType));
    positiveNumber('target_us', targetUs);
    return this.#serial(async () => {
      const request = { op: 'calibrate', task_type: taskType, target_us: targetUs };
      const outcome = await this.#request(request, CALIBRATE_TIMEOUT_MS, calibrateResponseSchema);
      if (outcome.status !== 'ok') {
        throw new PoolscopeError(ERROR_CODES.RUNTIME, runnerMessages.harnessRequestFailed('calibrate', outcome.error), {
          hint: runnerMessages.interpreterHint,
        });
      }
      return { task_work: outcome.body.task_work, ns_per_unit: outcome.body.ns_per_unit };
    });
  }

  /**
   * Runs `cell` once under a profiler. The sampler covers the main thread and every worker; cProfile
   * is refused (rejects with E_USAGE) on free-threaded builds, where it hung in trials.
   */
  async profile(cell: PythonCell, options: PythonProfileOptions = {}): Promise<PythonProfileResult> {
    checkCell(cell);
    const profiler = options.profiler ?? 'sampler';
    const intervalUs = options.intervalUs ?? 1000;
    positiveNumber('intervalUs', intervalUs);
    if (profiler === 'cprofile' && this.#hello?.free_threaded_build) {
      throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.cprofileRefused(this.path), { hint: runnerMessages.cprofileRefusedHint });
    }
    return this.#serial(async () => {
      const request = { op: 'profile', ...cell, profiler, interval_us: intervalUs, fault: options.fault };
      const outcome = await this.#request(request, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, profileResponseSchema);
      if (outcome.status !== 'ok') return outcome;
      const { threads, warnings, profiler: used, wall_ns, samples, interval_ns, gil_enabled } = outcome.body;
      return {
        status: 'ok',
        profiler: used,
        wall_ns,
        samples,
        interval_ns,
        gil_enabled,
        threads,
        functions: mergeFunctionTimes(threads.map((t) => t.functions)),
        warnings,
      };
    });
  }

  /** Ends the current harness process (if any) and starts a fresh one. */
  restart(): Promise<void> {
    return this.#serial(async () => {
      if (this.#closed) throw new PoolscopeError(ERROR_CODES.INTERNAL, runnerMessages.harnessClosed(this.path));
      await this.#process?.kill();
      this.#process = null;
      await this.#launch();
    });
  }

  /** Asks the harness to exit (kills it after 2 s) and refuses further requests. */
  close(): Promise<void> {
    this.#closed = true;
    return this.#serial(async () => {
      await this.#process?.close(CLOSE_GRACE_MS);
      this.#process = null;
    });
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #launch(): Promise<void> {
    const notExecutable = await whyNotExecutable(this.path);
    if (notExecutable) throw new PoolscopeError(ERROR_CODES.RUNTIME, notExecutable, { hint: runnerMessages.interpreterHint });
    const proc = new HarnessProcess(this.path, ['-B', HARNESS_SCRIPT], this.#env);
    const first = await proc.nextLine(this.#startTimeoutMs);
    if (first.kind === 'line') {
      let hello: ReturnType<typeof helloSchema.safeParse> | undefined;
      try {
        hello = helloSchema.safeParse(JSON.parse(first.line));
      } catch {
        hello = undefined;
      }
      if (hello?.success) {
        const before = this.#hello;
        if (before && before.version !== hello.data.version) {
          await proc.kill();
          throw new PoolscopeError(ERROR_CODES.RUNTIME, runnerMessages.interpreterChanged(this.path, before.runtime_version, hello.data.runtime_version));
        }
        this.#hello = hello.data;
        this.#process = proc;
        return;
      }
    }
    await proc.kill();
    if (first.kind === 'timeout') {
      throw new PoolscopeError(ERROR_CODES.RUNTIME, runnerMessages.startTimeout(this.path, this.#startTimeoutMs), { hint: runnerMessages.interpreterHint });
    }
    const said = first.kind === 'line' ? first.line : describeExit(first.exit);
    const stderr = proc.stderrSince();
    throw await this.#diagnose(stderr ? `${said}${runnerMessages.stderrTail(stderr)}` : said);
  }

  /** Why the harness did not start: the probe tells an old or non-Python interpreter from a broken harness. */
  async #diagnose(detail: string): Promise<PoolscopeError> {
    const probe = await probeInterpreter(this.path, { env: this.#env });
    const hint = { hint: runnerMessages.interpreterHint };
    if (probe.status === 'ok') return new PoolscopeError(ERROR_CODES.RUNTIME, runnerMessages.noHello(this.path, detail), hint);
    if (probe.runtime_version) return new PoolscopeError(ERROR_CODES.RUNTIME, runnerMessages.interpreterTooOld(this.path, probe.runtime_version), hint);
    return new PoolscopeError(ERROR_CODES.RUNTIME, runnerMessages.notPython(this.path, probe.reason), hint);
  }

  /**
   * Sends one request and reads its response: an ok body of the expected shape, the harness's own
   * error response (a task raised; the harness lives on), or a lost harness (timeout, death, or an
   * answer that is not a poolscope response), which is killed and reaped.
   */
  async #request<S extends z.ZodType>(request: Record<string, unknown>, timeoutMs: number, okSchema: S): Promise<Outcome<z.infer<S>>> {
    if (this.#closed) throw new PoolscopeError(ERROR_CODES.INTERNAL, runnerMessages.harnessClosed(this.path));
    if (!this.#process) await this.#launch();
    const proc = this.#process!;
    const id = this.#nextId++;
    const mark = proc.stderrMark;
    const lose = async (status: 'error' | 'timeout', error: string): Promise<Failure> => {
      await proc.kill();
      this.#process = null;
      const stderr = proc.stderrSince(mark);
      return { status, error: stderr ? `${error}${runnerMessages.stderrTail(stderr)}` : error, detail: stderr, wall_ns: null, harnessLost: true };
    };
    proc.send({ id, ...request });
    const next = await proc.nextLine(timeoutMs);
    if (next.kind === 'timeout') return lose('timeout', runnerMessages.cellTimeout(timeoutMs, proc.pid));
    if (next.kind === 'exit') return lose('error', runnerMessages.harnessDied(describeExit(next.exit)));
    let body: unknown;
    try {
      body = JSON.parse(next.line);
    } catch {
      return lose('error', runnerMessages.protocolBroken(next.line));
    }
    if ((body as { id?: unknown } | null)?.id === id) {
      const ok = okSchema.safeParse(body);
      if (ok.success) return { status: 'ok', body: ok.data };
      const failed = errorResponseSchema.safeParse(body);
      if (failed.success) {
        const { error, traceback, wall_ns } = failed.data;
        return { status: 'error', error, detail: traceback ?? '', wall_ns: wall_ns ?? null, harnessLost: false };
      }
    }
    return lose('error', runnerMessages.protocolBroken(next.line));
  }
}
