/* global process, console, performance */
// What the calibrated intervals cost the analysis (issue #17): a run shaped as the default
// pipeline's with the thread counts its README suggests for fits (4 targets x 2 task types x 3
// task counts, threads 1,2,3,4,6,8, 3 repeats: 24 groups), analysed with `analyzeFiles` as
// `poolscope pipeline` does; then the intervals of each group computed again on their own, timed.
// Prints the analysis' wall time, the intervals' share, and the intervals' cost per group.
// Usage (after `pnpm build`): node bench/interval-cost.mjs [ROUNDS=5]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCsvLine, timingSchema } from '@poolscope/core';
import { analyzeFiles, DEFAULT_PLATEAU_GAIN, synthesizeTimings } from '../dist/index.js';
import { uslSpec } from '../dist/fit/usl.js';
import { scaledSpec } from '../dist/fit/amdahl.js';
import { uslIntervals } from '../dist/fit/usl-intervals.js';
import { amdahlIntervals } from '../dist/fit/amdahl-intervals.js';
import { plateauInterval } from '../dist/scaling/plateau-interval.js';
import { plateauSearchLimit } from '../dist/scaling/plateau.js';
import { BENCH_TARGETS } from './targets.mjs';

const rounds = Number(process.argv[2] ?? 5);
// The benches' targets; the default profile's task counts.
const spec = {
  targets: BENCH_TARGETS,
  taskTypes: ['cpu', 'io'],
  taskCounts: [100, 1000, 10000],
  threads: [1, 2, 3, 4, 6, 8],
  repeats: 3,
  noise: 0.04,
  seed: 17,
};
const dir = mkdtempSync(join(tmpdir(), 'poolscope-interval-cost-'));
const file = join(dir, 'timings.csv');
try {
  writeFileSync(file, [formatCsvLine([...timingSchema.columns]), ...[...synthesizeTimings(spec)].map((r) => formatCsvLine(timingSchema.encode(r)))].join(''));
  const analyses = [];
  const intervals = [];
  let groups = 0;
  for (let round = 0; round < rounds; round++) {
    let t = performance.now();
    const summary = await analyzeFiles([file], { cores: 2 });
    analyses.push(performance.now() - t);
    groups = summary.groups.length;
    t = performance.now();
    for (const g of summary.groups) {
      const { usl, amdahl } = g.fits;
      if (usl.status !== 'ok') continue;
      const x = g.points.map((p) => p.x);
      const y = g.points.map((p) => p.speedup);
      uslIntervals(uslSpec, x, y, [usl.sigma, usl.kappa, usl.gamma], { ratioTo: g.baseline_x });
      if (amdahl.status === 'ok') amdahlIntervals(scaledSpec, x, y, [amdahl.s, amdahl.gamma], amdahl.gamma_free, { ratioTo: g.baseline_x });
      plateauInterval(g.fits, x, y, DEFAULT_PLATEAU_GAIN, plateauSearchLimit(Math.max(...x)));
    }
    intervals.push(performance.now() - t);
  }
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const ms = (v) => `${median(v).toFixed(0)} ms (${Math.min(...v).toFixed(0)}-${Math.max(...v).toFixed(0)})`;
  console.log(`${groups} groups, ${rounds} rounds, median (min-max):`);
  console.log(`  analyzeFiles: ${ms(analyses)}`);
  console.log(`  their intervals again, on their own: ${ms(intervals)}, ${(median(intervals) / groups).toFixed(2)} ms per group`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
