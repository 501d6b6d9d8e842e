// The synthetic targets of the analysis package's benches (bench/generate-timings.mjs, the
// k-step agreement, the intervals' cost): USL coefficients shaped like the RCA's runtimes.
export const BENCH_TARGETS = [
  { target: 'python3.13', gil: true, sigma: 0.9, kappa: 0.001, taskSeconds: 1e-4, overheadSeconds: 0.002 },
  { target: 'python3.13t', gil: false, sigma: 0.04, kappa: 0.001, taskSeconds: 1.3e-4, overheadSeconds: 0.002 },
  { target: 'node-pool', sigma: 0.02, kappa: 0.0005, taskSeconds: 5e-5, overheadSeconds: 0.01 },
  { target: 'node-main', sigma: 1, kappa: 0, taskSeconds: 5e-5 },
];
