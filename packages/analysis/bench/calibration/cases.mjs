// The cases of the calibration study (issue #17): what users meet. 4 to 10 thread counts, 1 to 10
// repetitions, multiplicative log-normal noise of 1% to 10%, a curve that peaks inside or outside
// the measured range, kappa near or at its bound 0, sigma near 0; throughputs (a foreign CSV,
// `poolscope analyze FILE --metric throughput`) and elapsed times (poolscope's own timings, fitted
// as speedups). `candidates`: the methods that were weighed are run on it too (methods.mjs).

const T4 = [1, 2, 4, 8];
const T5 = [1, 2, 4, 8, 16];
const T6 = [1, 2, 4, 8, 12, 16];
const T8 = [1, 2, 3, 4, 5, 6, 7, 8];
const T9 = [1, 2, 4, 6, 8, 12, 16, 24, 32];
const T10 = [1, 2, 4, 6, 8, 12, 16, 24, 32, 48];
// Issue #17's curve: peak N* = sqrt(0.95 / 0.001) = 30.8 threads, plateau threshold 20.
const ISSUE = { sigma: 0.05, kappa: 0.001, gamma: 1000 };
const AMDAHL = { sigma: 0.05, kappa: 0, gamma: 1000 };

export const CASES = [
  { id: 'issue-9', what: "issue #17's case: 9 thread counts to 32, peak 31 inside", threads: T9, repeats: 3, noise: 0.04, ...ISSUE, candidates: true },
  { id: 'issue-6', what: "issue #17's second case: 6 thread counts to 16, peak 31 outside", threads: T6, repeats: 3, noise: 0.04, ...ISSUE, candidates: true },
  { id: 't4-r3', what: '4 thread counts (1-8), 3 repetitions, 4%', threads: T4, repeats: 3, noise: 0.04, ...ISSUE, candidates: true },
  { id: 't4-r10-1', what: '4 thread counts, 10 repetitions, 1%', threads: T4, repeats: 10, noise: 0.01, ...ISSUE },
  { id: 't4-r1-10', what: '4 thread counts, 1 repetition, 10%', threads: T4, repeats: 1, noise: 0.1, ...ISSUE },
  { id: 't5-r1', what: '5 thread counts (1-16), 1 repetition, 4%', threads: T5, repeats: 1, noise: 0.04, ...ISSUE },
  { id: 't5-r3', what: '5 thread counts (1-16), 3 repetitions, 4%', threads: T5, repeats: 3, noise: 0.04, ...ISSUE },
  { id: 't8-r5-2', what: '8 thread counts (1-8), 5 repetitions, 2%', threads: T8, repeats: 5, noise: 0.02, ...ISSUE },
  { id: 't9-r1', what: '9 thread counts, 1 repetition, 4%', threads: T9, repeats: 1, noise: 0.04, ...ISSUE },
  { id: 't9-r3-1', what: '9 thread counts, 3 repetitions, 1%', threads: T9, repeats: 3, noise: 0.01, ...ISSUE },
  { id: 't9-r5-10', what: '9 thread counts, 5 repetitions, 10%', threads: T9, repeats: 5, noise: 0.1, ...ISSUE },
  { id: 't10-r1-10', what: '10 thread counts (1-48), 1 repetition, 10%', threads: T10, repeats: 1, noise: 0.1, ...ISSUE, candidates: true },
  { id: 't10-r10-1', what: '10 thread counts, 10 repetitions, 1%', threads: T10, repeats: 10, noise: 0.01, ...ISSUE },
  { id: 'peak-12', what: 'peak 12 well inside (kappa 0.0066), 9 thread counts, 3 repetitions, 4%', threads: T9, repeats: 3, noise: 0.04, sigma: 0.05, kappa: 0.0066, gamma: 1000 },
  { id: 'peak-69', what: 'peak 69 far outside (kappa 0.0002), 6 thread counts, 3 repetitions, 4%', threads: T6, repeats: 3, noise: 0.04, sigma: 0.05, kappa: 0.0002, gamma: 1000 },
  { id: 'kappa-1e-5', what: 'kappa near 0 (1e-5, peak 308), 9 thread counts, 3 repetitions, 4%', threads: T9, repeats: 3, noise: 0.04, sigma: 0.05, kappa: 1e-5, gamma: 1000, candidates: true },
  { id: 'sigma-0.002', what: 'sigma near 0 (0.002), 9 thread counts, 3 repetitions, 4%', threads: T9, repeats: 3, noise: 0.04, sigma: 0.002, kappa: 0.001, gamma: 1000 },
  { id: 'amdahl-9', what: 'kappa = 0 (Amdahl, s 0.05), 9 thread counts, 3 repetitions, 4%', threads: T9, repeats: 3, noise: 0.04, ...AMDAHL },
  { id: 'amdahl-6-r1', what: 'kappa = 0 (Amdahl, s 0.05), 6 thread counts, 1 repetition, 10%', threads: T6, repeats: 1, noise: 0.1, ...AMDAHL },
  { id: 'ideal', what: 'ideal scaling (sigma 0, kappa 0: no plateau at all), 6 thread counts, 3 repetitions, 4%', threads: T6, repeats: 3, noise: 0.04, sigma: 0, kappa: 0, gamma: 1000 },
  { id: 'no-scaling', what: 'no scaling at all (sigma 1, kappa 0: a lock held throughout), 6 thread counts, 3 repetitions, 4%', threads: T6, repeats: 3, noise: 0.04, sigma: 1, kappa: 0, gamma: 1000 },
  { id: 'time-9', what: "times (speedups): issue #17's curve, 9 thread counts, 3 repetitions, 4%", threads: T9, repeats: 3, noise: 0.04, ...ISSUE, metric: 'time' },
  { id: 'time-5-r1', what: 'times (speedups): 5 thread counts, 1 repetition, 10%', threads: T5, repeats: 1, noise: 0.1, ...ISSUE, metric: 'time' },
  { id: 'time-amdahl-6', what: 'times (speedups): Amdahl s 0.05, 6 thread counts, 5 repetitions, 2%', threads: T6, repeats: 5, noise: 0.02, ...AMDAHL, metric: 'time' },
].map((c) => ({ metric: 'throughput', candidates: false, ...c }));
