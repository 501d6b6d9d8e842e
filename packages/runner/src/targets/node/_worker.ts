/**
 * The code the Node targets run inside their worker threads (piscina's worker module). Every
 * piece of work is a plain function of `../tasks`, so tests can call it on the main thread too.
 */
import type { TaskType } from '@poolscope/core';
import type { CpuProfile, ProfileWindow } from '../../profile/v8-cpuprofile.js';
import { calibrateCpuWork } from '../../tasks/calibrate.js';
import { runOnEventLoop } from '../../tasks/event-loop.js';
import { warmUp } from '../../tasks/warm-up.js';
import { expectedTaskResult, runTaskAsync, runTaskBlocking } from '../../tasks/run-task.js';
import { triggerFault, type FaultKind, type InjectedFault } from '../faults.js';
import { finishMeasure, startMeasure } from './measure.js';
import type { Measurements } from '../target.js';
import { nowUs, startThreadProfile, stopThreadProfile } from './_thread-profile.js';

/** One task of a `node-pool` cell. `index` is the task's argument, as in `executor.map(task, range(n))`. */
export interface TaskRequest {
  readonly kind: 'task';
  readonly type: TaskType;
  readonly work: number;
  readonly index: number;
  readonly fault?: FaultKind;
}

/** A barrier: returns once `parties` workers have arrived, so each worker of a new pool has started. */
export interface ArriveRequest {
  readonly kind: 'arrive';
  readonly counter: Int32Array;
  readonly parties: number;
  readonly timeoutMs: number;
}

/**
 * Warms one pool worker for a task type and size: a barrier first (so each of the pool's
 * `parties` workers gets exactly one of these), then calls of the task until the JIT has compiled it.
 */
export interface WarmRequest {
  readonly kind: 'warm';
  readonly counter: Int32Array;
  readonly parties: number;
  readonly timeoutMs: number;
  readonly type: TaskType;
  readonly work: number;
}

/** Calibrates the cpu task on this thread. */
export interface CalibrateRequest {
  readonly kind: 'calibrate';
  readonly targetUs: number;
}

/**
 * A whole `node-main` cell, run on this worker's event loop and timed here; with `profileUs`, under
 * V8's profiler sampling every `profileUs` microseconds.
 */
export interface EventLoopCellRequest {
  readonly kind: 'event-loop-cell';
  readonly type: TaskType;
  readonly work: number;
  readonly count: number;
  readonly limit: number;
  readonly fault?: Pick<InjectedFault, 'kind' | 'task'>;
  readonly profileUs?: number;
}

/**
 * Starts (`profile-start`) or stops and returns (`profile-stop`) V8's profiler on one pool worker:
 * the profiler starts before the barrier and stops after it, so each of the pool's `parties`
 * workers gets exactly one of these (see `ArriveRequest`).
 */
export interface ProfileRequest {
  readonly kind: 'profile-start' | 'profile-stop';
  readonly counter: Int32Array;
  readonly parties: number;
  readonly timeoutMs: number;
  readonly intervalUs: number;
}

export type WorkerRequest = TaskRequest | ArriveRequest | WarmRequest | CalibrateRequest | EventLoopCellRequest | ProfileRequest;

/** What an event-loop cell measured, and how many of its tasks returned a wrong result. */
export interface EventLoopCellResult extends Measurements {
  readonly wrong: number;
  /** The worker's profile, when asked for, and the timed region on the profile's clock. */
  readonly profile?: { readonly profile: CpuProfile | null; readonly window: ProfileWindow };
}

/** Waits at a barrier of `parties` threads (Atomics on a shared counter). */
export function arrive(counter: Int32Array, parties: number, timeoutMs: number): number {
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const arrived = Atomics.load(counter, 0);
    if (arrived >= parties) return arrived;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`only ${arrived} of ${parties} pool threads started within ${timeoutMs} ms`);
    Atomics.wait(counter, 0, arrived, left);
  }
}

const warmedTypes = new Set<TaskType>();

/**
 * Makes sure this thread has run the task of `type` until it was compiled; io tasks need no
 * warming (there is nothing to compile in a wait). Returns the calls made (0 if already warm).
 */
export function warmTask(type: TaskType, work: number): number {
  if (type === 'io' || warmedTypes.has(type)) return 0;
  warmedTypes.add(type);
  return warmUp(() => runTaskBlocking(type, work));
}

/** Times `count` tasks on this thread's event loop, at most `limit` in flight. */
async function timeEventLoopCell(request: Omit<EventLoopCellRequest, 'kind'>): Promise<{ result: EventLoopCellResult; window: ProfileWindow }> {
  const { type, work, count, limit, fault } = request;
  const task = fault ? (i: number) => (i === fault.task ? triggerFault(fault.kind, i) : runTaskAsync(type, work)) : () => runTaskAsync(type, work);
  const startUs = nowUs();
  const start = startMeasure();
  const results = await runOnEventLoop(count, limit, task);
  const measured = finishMeasure(start);
  const window = { startUs, endUs: nowUs() };
  const expected = expectedTaskResult(type, work);
  return { result: { ...measured, wrong: results.filter((r) => r !== expected).length }, window };
}

/**
 * Runs a `node-main` cell on the calling thread's event loop and times it (warmed first); with
 * `profileUs`, under V8's profiler, started before the warm-up and stopped after the timed region.
 */
export async function runEventLoopCell(request: Omit<EventLoopCellRequest, 'kind'>): Promise<EventLoopCellResult> {
  if (request.profileUs === undefined) {
    warmTask(request.type, request.work);
    return (await timeEventLoopCell(request)).result;
  }
  // Profiling first, then warming: code compiled while V8 profiles records where it inlined what,
  // so the task's time is not charged to the function its loop was inlined into (see NodeMainTarget.profile).
  await startThreadProfile(request.profileUs);
  warmTask(request.type, request.work);
  let timed: Awaited<ReturnType<typeof timeEventLoopCell>>;
  let profile: CpuProfile | null = null;
  try {
    timed = await timeEventLoopCell(request);
  } finally {
    profile = await stopThreadProfile();
  }
  return { ...timed.result, profile: { profile, window: timed.window } };
}

/** Starts or stops this pool worker's profiler, meeting the pool's other workers at a barrier. */
export async function profileWorker(request: ProfileRequest): Promise<CpuProfile | null> {
  if (request.kind === 'profile-start') {
    await startThreadProfile(request.intervalUs);
    arrive(request.counter, request.parties, request.timeoutMs);
    return null;
  }
  arrive(request.counter, request.parties, request.timeoutMs);
  return stopThreadProfile();
}

/** piscina's entry point: one request in, its result out. */
export default function handle(request: WorkerRequest): number | Promise<EventLoopCellResult> | Promise<CpuProfile | null> {
  switch (request.kind) {
    case 'task':
      return request.fault ? triggerFault(request.fault, request.index) : runTaskBlocking(request.type, request.work);
    case 'arrive':
      return arrive(request.counter, request.parties, request.timeoutMs);
    case 'warm':
      arrive(request.counter, request.parties, request.timeoutMs);
      return warmTask(request.type, request.work);
    case 'calibrate':
      return calibrateCpuWork(request.targetUs);
    case 'event-loop-cell':
      return runEventLoopCell(request);
    case 'profile-start':
    case 'profile-stop':
      return profileWorker(request);
  }
}
