/** Options of `warmUp`. */
export interface WarmUpOptions {
  /** Calls made at least. Default 3. */
  minCalls?: number;
  /** Calls made at most. Default 20. */
  maxCalls?: number;
  /** After this long, stop as soon as `minCalls` are made. Default 250 ms. */
  maxMs?: number;
  /** The monotonic clock, in ns. Default `process.hrtime.bigint`. */
  clockNs?: () => bigint;
}

/**
 * Calls `task` until the JIT has compiled it: until two calls in a row are within 10% of the
 * fastest call before them (after at least `minCalls`), or the budget runs out. Returns the number of
 * calls made.
 *
 * Why: in a fresh Node worker, the first calls of the cpu loop run in the interpreter or in
 * baseline code, 8 to 60 times slower than its optimized code (measured on Node 20: 20-40 ns per
 * iteration, then 5 ns, then 0.62 ns from about the third call). Every new pool has fresh workers,
 * so each one is warmed before timing, as the pool itself is started before timing.
 */
export function warmUp(task: () => unknown, options: WarmUpOptions = {}): number {
  const minCalls = options.minCalls ?? 3;
  const maxCalls = options.maxCalls ?? 20;
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
    if (calls >= minCalls && (settled >= 2 || clock() - start >= maxNs)) break;
  }
  return calls;
}
