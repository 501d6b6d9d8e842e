/**
 * The loop of the cpu task on signed 32-bit integers: `| 0` wraps the sum modulo 2^32 (the same
 * bits as the unsigned sum), so every value the loop handles is an int32 and V8's optimizing
 * compiler never has to guess at a wider representation.
 */
function sumOfSquaresInt32(work: number): number {
  let total = 0;
  for (let i = 0; i < work; i++) total = (total + Math.imul(i, i)) | 0;
  return total;
}

/**
 * The cpu-bound task: the sum of the squares of 0..work-1, kept modulo 2^32 at every step.
 *
 * The Python harness runs the same loop (`total = (total + i * i) & 0xFFFFFFFF`), so both
 * languages do the same integer work per iteration and return the same number for the same
 * `work`. The unsigned reading happens here, outside the loop: written as one function with
 * `total = (total + Math.imul(i, i)) >>> 0` (same result), the loop was deoptimized ("lost
 * precision": a sum above 2^31 is no int32) and in about one process in three it then stayed in
 * baseline code for good, at 5 ns per iteration instead of 0.6 (Node 20.20, measured with
 * `%GetOptimizationStatus`). That would make the task size depend on luck.
 */
export function cpuTask(work: number): number {
  return sumOfSquaresInt32(work) >>> 0;
}

/**
 * What `cpuTask(work)` returns, in closed form: sum of i^2 for i < n is (n-1)n(2n-1)/6
 * (Faulhaber's formula), taken modulo 2^32. Used to check that every task really ran.
 */
export function cpuTaskResult(work: number): number {
  const n = BigInt(work);
  return Number((((n - 1n) * n * (2n * n - 1n)) / 6n) % 2n ** 32n);
}
