/** Options of `warmUp`. */
export interface WarmUpOptions {
  /** Calls made at least, unless the time budget runs out first. Default 12. */
  minCalls?: number;
  /** Calls made at most. Default 40. */
  maxCalls?: number;
  /** After this long, stop (once at least 3 calls are made, even short of `minCalls`). Default 250 ms. */
  maxMs?: number;
  /** The monotonic clock, in ns. Default `process.hrtime.bigint`. */
  clockNs?: () => bigint;
}

/**
 * Calls `task` until the JIT has compiled it for good: at least `minCalls` calls, then until two
 * calls in a row are within 10% of the fastest call before them, or the budget runs out. Returns
 * the number of calls made.
 *
 * Why: in a fresh Node worker the cpu loop goes through several tiers, by number of calls. We
 * measured (Node 20, calls of 3 million iterations): 5.9 ns per iteration in baseline code for the
 * first calls, about 0.94 ns for the next four (the code compiled while the loop ran), then 0.62 ns
 * from about the tenth call. A plateau can look settled, hence the minimum number of calls. Every
 * new pool has fresh workers, so each one is warmed before timing, as the pool is started before
 * timing.
 */
export function warmUp(task: () => unknown, options: WarmUpOptions = {}): number {
  const minCalls = options.minCalls ?? 12;
  const maxCalls = options.maxCalls ?? 40;
  const maxNs = BigInt(Math.round((options.maxMs ?? 250) * 1e6));
  const clock = options.clockNs ?? process.hrtime.bigint;
  const start = clock();
  let fastest = Infinity;
  let settled = 0;
  let calls = 0;
  while (calls < maxCalls) {
    const before = clock();
    task();
    const ns = Number(clock() - before);
    calls += 1;
    // Settled: neither more than 10% faster than the fastest call before, nor 10% slower.
    settled = ns * 1.1 >= fastest && ns <= fastest * 1.1 ? settled + 1 : 0;
    fastest = Math.min(fastest, ns);
    if ((calls >= minCalls && settled >= 2) || (calls >= 3 && clock() - start >= maxNs)) break;
  }
  return calls;
}
