import type { FunctionTime, ThreadProfile } from './function-time.js';

/**
 * What a Node thread's idle event loop (V8's `(idle)` samples: the thread waits in libuv for
 * something to happen) is waiting for, inside a profiled cell's timed region:
 * - `results`: the coordinating thread, once it has handed out the tasks, waits for the pool's
 *   workers (node-pool) or for the event-loop thread (node-main) to send results back: the
 *   counterpart of Python's main thread in `result_iterator` / `_result_or_cancel`, which the
 *   RCA counts as result time.
 * - `timers`: node-main's event-loop thread in an io cell idles only while every task in flight
 *   awaits its timer (a task is in flight until the last one ends, which ends the region): the io
 *   task's own wait, which Python (`time.sleep`) and node-pool (`Atomics.wait`) count as task time.
 * A thread with no such meaning keeps `(idle)`, which counts as idle.
 */
export type IdleMeaning = 'results' | 'timers';

/** The function names idle time takes for each meaning; `DEFAULT_CATEGORY_RULES` categorises them. */
export const IDLE_WAIT_NAMES: Readonly<Record<IdleMeaning, string>> = {
  results: '(idle: waiting for results)',
  timers: '(idle: waiting for timers)',
};

/** V8's name for samples taken while the thread's event loop had nothing to run. */
const V8_IDLE = '(idle)';

const isV8Idle = (fn: Pick<FunctionTime, 'name' | 'file'>) => fn.name === V8_IDLE && fn.file === '';

/**
 * The thread with its `(idle)` time renamed for what it waits for (see `IdleMeaning`), so the
 * category rules can count it as result or task time; a thread without `(idle)` is returned as is.
 */
export function nameIdleTime(thread: ThreadProfile, meaning: IdleMeaning): ThreadProfile {
  if (!thread.functions.some(isV8Idle)) return thread;
  const name = IDLE_WAIT_NAMES[meaning];
  return { ...thread, functions: thread.functions.map((fn) => (isV8Idle(fn) ? { ...fn, function: name, name } : fn)) };
}
