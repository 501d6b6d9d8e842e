/**
 * One function's time in a profile, before it is categorised: what the Python sampler, cProfile and
 * a V8 `.cpuprofile` are all reduced to.
 */
export interface FunctionTime {
  /** The label that goes into profile.csv: `name (file:line)`, or as the profiler names it. */
  function: string;
  /** The bare function name the category rules match (`acquire`, `result_iterator`). */
  name: string;
  /** The file or URL the function lives in (short form for the standard library); '' if none. */
  file: string;
  /** 1-based line of the function's definition (of the call site, for a call named from the source); 0 if unknown. */
  line: number;
  /** Time with this function innermost on the stack. */
  self_ns: number;
  /** Time with this function anywhere on the stack (each sample counted once per function). */
  total_ns: number;
  /** Calls, where the profiler counts them (cProfile); null for samplers. */
  calls: number | null;
  /**
   * For a native call the Python sampler named from the source (a thread blocked in `lock.acquire`
   * has no frame of its own): the function that made the call. A callee no rule names takes the
   * caller's category, so the io task's `sleep` counts as task time.
   */
  caller?: { name: string; file: string };
}

/** One thread's profile (or, for cProfile on 3.12+, every thread's, as one). */
export interface ThreadProfile {
  thread: string;
  role: 'main' | 'worker' | 'all';
  /** Samples in which the thread was seen; null for a deterministic profiler. */
  samples: number | null;
  /** The time the samples of this thread cover: the sum of its functions' self times. */
  sampled_ns: number | null;
  functions: FunctionTime[];
}

/**
 * Merges per-thread (or per-profile) lists into one row per function label: times add up, calls add
 * up where every list counted them. Sorted by total time, then label, so output is deterministic.
 */
export function mergeFunctionTimes(lists: readonly (readonly FunctionTime[])[]): FunctionTime[] {
  const merged = new Map<string, FunctionTime>();
  for (const list of lists) {
    for (const fn of list) {
      const seen = merged.get(fn.function);
      if (!seen) {
        merged.set(fn.function, { ...fn });
        continue;
      }
      seen.self_ns += fn.self_ns;
      seen.total_ns += fn.total_ns;
      seen.calls = seen.calls === null || fn.calls === null ? null : seen.calls + fn.calls;
    }
  }
  return [...merged.values()].sort((a, b) => b.total_ns - a.total_ns || (a.function < b.function ? -1 : a.function > b.function ? 1 : 0));
}
