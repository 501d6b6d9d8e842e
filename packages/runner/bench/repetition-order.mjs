/* global process, console, setTimeout */
// One run of a small cpu matrix in a given repetition order, for comparing orders (see the
// README, "Repetition order"). Prints one JSON line: the order, the seed, the run's wall time
// (calibration, pools, warm-ups and all), how many cores other processes kept busy meanwhile, and
// per target and task count the speedup of 2 threads over 1 (median wall / median wall) and the
// coefficient of variation of each cell's repetitions. Uses the built package; run from the
// repository root, each run under the measurement lock, after waiting for a quiet machine:
//   pnpm --filter @poolscope/runner build
//   for i in 1 2 3 4 5 6; do for order in cells rounds; do
//     node packages/runner/bench/repetition-order.mjs --wait-quiet
//     flock /tmp/poolscope-measure.lock node packages/runner/bench/repetition-order.mjs $order $i >> orders.jsonl
//   done; done
//   node packages/runner/bench/repetition-order.mjs --summary orders.jsonl [MAX_OTHERS_CORES]
// Environment: TARGETS (default node-pool,node-main,python3.13,python3.13t), TASKS (100,1000),
// THREADS (1,2; speedups are of 2 over 1), REPEATS (5).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAllRecords, timingSchema } from '@poolscope/core';
import { runMatrix } from '../dist/index.js';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));

/** Busy and total clock ticks of the machine, and of this process with its reaped children (/proc, Linux). */
function ticks() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const busy = f[0] + f[1] + f[2] + f[5] + f[6] + f[7];
  const self = readFileSync('/proc/self/stat', 'utf8');
  const s = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number);
  // utime, stime, cutime, cstime: fields 14-17.
  return { busy, total: busy + f[3] + f[4], own: s[11] + s[12] + s[13] + s[14] };
}
const othersCores = (a, b) => (Math.max(0, b.busy - a.busy - (b.own - a.own)) / Math.max(1, b.total - a.total)) * availableParallelism();

if (process.argv[2] === '--wait-quiet') {
  // Up to 90 s, until other processes keep under 0.3 cores busy for 2 s in a row.
  const deadline = Date.now() + 90_000;
  for (;;) {
    const a = ticks();
    await new Promise((r) => setTimeout(r, 2000));
    if (othersCores(a, ticks()) < 0.3 || Date.now() > deadline) break;
  }
  process.exit(0);
}

if (process.argv[2] === '--summary') {
  const maxOthers = Number(process.argv[4] ?? Infinity);
  const all = readFileSync(process.argv[3], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const runs = all.filter((r) => r.others_cores <= maxOthers);
  console.log(`${runs.length} of ${all.length} runs with other processes under ${maxOthers} cores`);
  for (const order of ['cells', 'rounds']) {
    const mine = runs.filter((r) => r.order === order);
    console.log(
      `\n${order}: ${mine.length} runs, run time median ${median(mine.map((r) => r.seconds)).toFixed(1)} s (${mine.map((r) => r.seconds.toFixed(1)).join(', ')}); ` +
        `others busy ${mine.map((r) => r.others_cores.toFixed(2)).join(', ')} cores`,
    );
    for (const key of Object.keys(mine[0].speedup)) {
      const s = mine.map((r) => r.speedup[key]);
      const cv = mine.flatMap((r) => r.cv[key]);
      console.log(`  ${key.padEnd(20)} speedup ${Math.min(...s).toFixed(2)}-${Math.max(...s).toFixed(2)} (sd ${sd(s).toFixed(3)}): ${s.map((x) => x.toFixed(2)).join(' ')}; median CV of cells ${(100 * median(cv)).toFixed(1)}%`);
    }
  }
  process.exit(0);
}

const [order, seed] = [process.argv[2], Number(process.argv[3] ?? 1)];
const targets = (process.env.TARGETS ?? 'node-pool,node-main,python3.13,python3.13t').split(',');
const tasks = (process.env.TASKS ?? '100,1000').split(',').map(Number);
const out = mkdtempSync(join(tmpdir(), 'poolscope-order-'));
const started = process.hrtime.bigint();
const before = ticks();
const threads = (process.env.THREADS ?? '1,2').split(',').map(Number);
await runMatrix({ out, env: {}, targets, taskTypes: ['cpu'], tasks, threads, repeats: Number(process.env.REPEATS ?? 5), warmup: 1, order, seed });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const others_cores = othersCores(before, ticks());
const rows = (await readAllRecords(join(out, 'raw', 'timings.csv'), timingSchema)).filter((r) => r.status === 'ok');
const walls = (target, n, threads) => rows.filter((r) => r.target === target && r.num_tasks === n && r.num_threads === threads).map((r) => r.wall_ns);
const speedup = {};
const cv = {};
for (const target of targets)
  for (const n of tasks) {
    const [one, two] = [walls(target, n, 1), walls(target, n, 2)];
    speedup[`${target} ${n}`] = median(one) / median(two);
    cv[`${target} ${n}`] = [sd(one) / mean(one), sd(two) / mean(two)];
  }
rmSync(out, { recursive: true });
console.log(JSON.stringify({ order, seed, seconds, others_cores, speedup, cv }));
