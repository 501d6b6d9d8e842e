import { ERROR_CODES, PoolscopeError, type TaskType } from '@poolscope/core';
import { runnerMessages } from '../../messages.js';
import { faultFor, type InjectedFault } from '../faults.js';
import type {
  CellSpec,
  ProfileOptions,
  ProfileOutcome,
  RepeatFailed,
  RepeatOptions,
  RepeatOutcome,
  RuntimeInfo,
  Target,
  TargetSession,
} from '../target.js';
import { PythonHarness } from './harness.js';
import type { HarnessFault, PythonRequestFailed } from './harness-requests.js';

/** Options of the Python targets. */
export interface PythonTargetOptions {
  /** Failures to inject (the Node targets' kinds: throw, hang, crash), for tests of failure handling. Default none. */
  readonly faults?: readonly InjectedFault[];
  /** The interpreter's environment; PYTHON_GIL and the like pass through. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * A Python interpreter as a target (`python3.13`, `python3.13t`, `python:PATH`): a session is one
 * long-lived harness process (`PythonHarness`), which runs each repetition exactly as the RCA
 * did, pool creation and shutdown inside the timed region. `locate` names the interpreter; it is
 * asked on every start, so a registry can look interpreters up once, lazily.
 */
export class PythonTarget implements Target {
  constructor(
    readonly name: string,
    private readonly locate: () => Promise<string>,
    private readonly options: PythonTargetOptions = {},
  ) {}

  async start(): Promise<TargetSession> {
    const path = await this.locate();
    const harness = await PythonHarness.start(path, { target: this.name, ...(this.options.env ? { env: this.options.env } : {}) });
    return new PythonSession(this.name, harness, this.options.faults ?? []);
  }
}

/** A failed request as the run records it: a task that raised, or a harness that died or hung. */
function failedOutcome(result: Pick<PythonRequestFailed, 'status' | 'error' | 'wall_ns' | 'harnessLost'>): RepeatFailed {
  return {
    status: result.status,
    error: result.harnessLost ? result.error : runnerMessages.taskFailed(result.error),
    wall_ns: result.wall_ns,
    cpu_user_ns: null,
    cpu_sys_ns: null,
    max_rss_kb: null,
  };
}

class PythonSession implements TargetSession {
  readonly runtime: RuntimeInfo;

  constructor(
    private readonly name: string,
    private readonly harness: PythonHarness,
    private readonly faults: readonly InjectedFault[],
  ) {
    const { target, implementation, path, version, free_threaded_build, gil_enabled, runtime_version } = harness.info;
    this.runtime = {
      runtime: implementation,
      runtime_version,
      gil: gil_enabled,
      interpreter: { target, implementation, path, version, free_threaded_build, gil_enabled },
    };
  }

  #fault(cell: CellSpec): HarnessFault | undefined {
    const fault = faultFor(this.faults, this.name, cell);
    return fault && { kind: fault.kind, task: fault.task };
  }

  async runRepeat(cell: CellSpec, options: RepeatOptions): Promise<RepeatOutcome> {
    const fault = this.#fault(cell);
    const result = await this.harness.runRepeat(cell, { timeoutMs: options.timeoutMs, warmup: options.warmup, ...(fault ? { fault } : {}) });
    if (result.status !== 'ok') return failedOutcome(result);
    const { wall_ns, cpu_user_ns, cpu_sys_ns, max_rss_kb, gil } = result;
    return { status: 'ok', wall_ns, cpu_user_ns, cpu_sys_ns, max_rss_kb, gil };
  }

  async calibrate(taskType: TaskType, targetUs: number): Promise<number> {
    return (await this.harness.calibrate(taskType, targetUs)).task_work;
  }

  profileRefusal(options: ProfileOptions): PoolscopeError | undefined {
    if (options.profiler === 'cprofile' && this.harness.info.free_threaded_build)
      return new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.cprofileRefusedFor(this.name, this.harness.path), { hint: runnerMessages.cprofileRefusedHint });
    return undefined;
  }

  async profile(cell: CellSpec, options: ProfileOptions): Promise<ProfileOutcome> {
    const fault = this.#fault(cell);
    const result = await this.harness.profile(cell, {
      profiler: options.profiler,
      intervalUs: options.intervalUs,
      timeoutMs: options.timeoutMs,
      ...(fault ? { fault } : {}),
    });
    if (result.status !== 'ok') return failedOutcome(result);
    return { status: 'ok', profiler: result.profiler, wall_ns: result.wall_ns, threads: result.threads, warnings: result.warnings };
  }

  close(): Promise<void> {
    return this.harness.close();
  }
}
