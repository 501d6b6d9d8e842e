import { z } from 'zod';
import { ERROR_CODES, FUNCTION_CATEGORIES, PoolscopeError, type FunctionCategory } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { readJsonFile } from '../plan/json-syntax.js';
import type { FunctionTime } from './function-time.js';
import { IDLE_WAIT_NAMES } from './idle-time.js';

/**
 * One rule of the category mapping: functions with one of `names` whose file or URL contains
 * `file` belong to `category` (a rule gives names, a file, or both). Rules are data so users can
 * extend them: put theirs first, `[...mine, ...DEFAULT_CATEGORY_RULES]` (`poolscope run
 * --categories FILE.json` does); the first rule that matches wins.
 */
export interface CategoryRule {
  readonly category: FunctionCategory;
  /** Function names, matched exactly (`acquire`, `result_iterator`); absent: any function of `file`. */
  readonly names?: readonly string[];
  /** Only functions whose file or URL contains this text (`threading.py`); absent: any file. */
  readonly file?: string;
}

/**
 * The default mapping, Python (CPython's concurrent.futures and threading, the harness's tasks) and
 * Node (V8 CPU profiles of the pool's threads) together. The categories are the RCA's: the task body;
 * waiting for and iterating results; locks and condition waits; handing work to the workers.
 * A native call the sampler named from the source (`sleep` in the io task) with no rule of its own
 * takes its caller's category.
 */
export const DEFAULT_CATEGORY_RULES: readonly CategoryRule[] = [
  { category: 'task', names: ['cpu_task', 'io_task'], file: 'poolscope_harness' },
  // The Node targets' task functions (packages/runner/src/tasks); Atomics.wait inside ioTaskBlocking
  // shows as its self time in a V8 profile (builtins get no frame of their own), so the io task's
  // wait counts as task time there too, as `time.sleep` does in Python. On the event loop, an io
  // task is a timer: setting it and running its callback is task time, and so is the wait itself,
  // the event-loop thread's idle time while timers are pending (see `IdleMeaning`).
  { category: 'task', names: ['cpuTask', 'sumOfSquaresInt32', 'ioTaskBlocking', 'ioTaskAsync', 'sleepMs', 'runTaskBlocking', 'runTaskAsync'] },
  { category: 'task', names: ['setTimeout', 'processTimers', 'listOnTimeout'], file: 'timers' },
  { category: 'task', names: [IDLE_WAIT_NAMES.timers] },
  {
    category: 'result',
    names: ['result_iterator', '_result_or_cancel', 'result', 'as_completed', '_yield_finished_futures', 'set_result', 'set_exception'],
  },
  // V8: promise reactions run from the microtask queue; piscina hands a worker's answer to the
  // task's promise in _handleResponse and TaskInfo.done.
  { category: 'result', names: ['processTicksAndRejections', 'runMicrotasks', 'enqueueMicrotask', '(promise resolution)'] },
  { category: 'result', file: 'node:internal/process/task_queues' },
  { category: 'result', names: ['_handleResponse', 'done'], file: 'piscina/' },
  // The runner's own wait for a cell's results: its code (node-pool's main thread), and its
  // coordinating thread's idle event loop while the workers run (see `IdleMeaning`), as Python's
  // main thread waiting in `result_iterator`.
  { category: 'result', names: ['withTimeout', 'settle'], file: '@poolscope/runner/' },
  { category: 'result', names: [IDLE_WAIT_NAMES.results] },
  { category: 'lock', names: ['acquire', 'release', 'wait', 'wait_for', 'notify', 'notify_all', 'Atomics.wait', 'waitAsync'] },
  // A piscina worker waiting for its next task blocks in Atomics.wait inside this loop.
  { category: 'lock', names: ['atomicsWaitLoop'], file: 'piscina' },
  // Condition and lock plumbing in threading.py (`with self._cond:`).
  { category: 'lock', names: ['__enter__', '__exit__', '_is_owned', '_acquire_restore', '_release_save'], file: 'threading.py' },
  {
    category: 'dispatch',
    names: ['submit', '_adjust_thread_count', 'put', 'get', 'put_nowait', 'get_nowait', '_worker', 'run', 'set_running_or_notify_cancel'],
  },
  { category: 'dispatch', names: ['map', 'shutdown', '__exit__', '__enter__'], file: 'concurrent/futures' },
  { category: 'dispatch', names: ['_bootstrap', '_bootstrap_inner', 'start', 'join'], file: 'threading.py' },
  // V8 / Node: messages between the main thread and workers, the rest of piscina (queueing and
  // handing out tasks), and the runner's own hand-out: its worker entry point, node-main's lanes.
  { category: 'dispatch', names: ['postMessage', 'onMessage', 'onWorkerMessage', 'onEventMessage', 'receiveMessageOnPort', 'emit'] },
  { category: 'dispatch', file: 'node:internal/per_context/messageport' },
  { category: 'dispatch', file: 'node:internal/worker' },
  { category: 'dispatch', file: 'node:internal/event_target' },
  { category: 'dispatch', file: 'piscina/' },
  { category: 'dispatch', names: ['handle', 'runOnEventLoop', 'lane'], file: '@poolscope/runner/' },
  // An event loop with nothing to do and no task of the cell to wait for.
  { category: 'idle', names: ['(idle)'] },
];

function matches(rule: CategoryRule, name: string, file: string): boolean {
  return (rule.names === undefined || rule.names.includes(name)) && (rule.file === undefined || file.includes(rule.file));
}

/**
 * The category of a function: the first rule that names it; else, for a native call named from the
 * source, its caller's category; else `other`.
 */
export function categorize(fn: Pick<FunctionTime, 'name' | 'file' | 'caller'>, rules: readonly CategoryRule[] = DEFAULT_CATEGORY_RULES): FunctionCategory {
  const rule = rules.find((r) => matches(r, fn.name, fn.file));
  if (rule) return rule.category;
  if (fn.caller) return categorize({ name: fn.caller.name, file: fn.caller.file }, rules);
  return 'other';
}

/** The shape of one rule, as files and plans hold it. */
export const categoryRuleSchema = z
  .strictObject({
    category: z.enum(FUNCTION_CATEGORIES),
    names: z.array(z.string().min(1)).min(1).optional(),
    file: z.string().min(1).optional(),
  })
  .refine((rule) => rule.names !== undefined || rule.file !== undefined, { message: 'a rule needs names, a file, or both' });

/** Checks user-supplied rules (from a config file: `where` names it) and returns them; E_BAD_DATA if invalid. */
export function parseCategoryRules(json: unknown, where: string): CategoryRule[] {
  const parsed = z.array(categoryRuleSchema).safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `[${i.path.join('.')}] ${i.message}`).join('; ');
  throw new PoolscopeError(ERROR_CODES.BAD_DATA, runnerMessages.badCategoryRules(where, problems), { hint: runnerMessages.badCategoryRulesHint });
}

/**
 * Reads user category rules from a JSON file (an array of rules, see `CategoryRule`), as `poolscope
 * run --categories FILE.json` takes them: E_NOT_FOUND if it cannot be read, E_BAD_DATA if it is not
 * such an array, naming the file (and the rule).
 */
export function readCategoryRules(file: string): CategoryRule[] {
  const json = readJsonFile(file, (where, reason) => new PoolscopeError(ERROR_CODES.BAD_DATA, runnerMessages.badCategoryRules(where, reason), { hint: runnerMessages.badCategoryRulesHint }));
  return parseCategoryRules(json, file);
}
