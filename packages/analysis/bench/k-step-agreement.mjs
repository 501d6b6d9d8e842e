/* global process, console */
// How closely k Gauss-Newton steps per bootstrap replicate (the k-step bootstrap of the plateau
// CI) reproduce full Levenberg-Marquardt refits: for each group of each data set, the same 200
// replicates are refitted both ways and the plateau CIs compared. Prints, per k, how many CIs have
// both endpoints equal to the full refits', the largest endpoint difference, and the share of
// replicates whose threshold differs (with how many of those the k-step curve fits better).
// It reaches into dist/ for the package's internal steps. Not timed: run it without the lock;
// five seeds take some minutes (the full refits).
// Usage: node bench/k-step-agreement.mjs [SEEDS=5]   (after `pnpm build`)
import { synthesizeTimings } from '../dist/index.js';
import { makeCells, groupByX } from '../dist/scaling/cells.js';
import { baselineIndex, computeSpeedups } from '../dist/scaling/speedup-table.js';
import { fitGroup, preferredCurve, replicateCurve, replicateValues } from '../dist/scaling/group.js';
import { resolveSettings } from '../dist/scaling/analyze-group.js';
import { plateauSearchLimit, plateauThreshold, DEFAULT_PLATEAU_GAIN } from '../dist/scaling/plateau.js';
import { percentileInterval } from '../dist/stats/describe.js';
import { deriveSeed, seededRandom } from '../dist/stats/random.js';
import { BENCH_TARGETS } from './targets.mjs';

const seeds = Number(process.argv[2] ?? 5);
const STEPS = [1, 2, 3, 4, 5];
const settings = resolveSettings({});

/** test/fixtures/synth.ts: y = f(x) (1 + cv z), seeded. */
function noisy(f, xs, cv, seed, repeats) {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const x = [];
  const y = [];
  for (const n of xs) for (let r = 0; r < repeats; r++) {
    x.push(n);
    y.push(f(n) * (1 + cv * normal()));
  }
  return groupByX(x, y);
}
const usl = (sigma, kappa, gamma) => (n) => (gamma * n) / (1 + sigma * (n - 1) + kappa * n * (n - 1));
const amdahl = (s) => (n) => 1 / (s + (1 - s) / n);

/** Groups of wall seconds per thread count, keyed as analyzeTimings keys them. */
function timingGroups(spec) {
  const groups = new Map();
  for (const r of synthesizeTimings(spec)) {
    if (r.status !== 'ok') continue;
    const id = `${r.target} ${r.task_type} ${r.num_tasks}`;
    if (!groups.has(id)) groups.set(id, new Map());
    const byX = groups.get(id);
    if (!byX.has(r.num_threads)) byX.set(r.num_threads, []);
    byX.get(r.num_threads).push(r.wall_ns / 1e9);
  }
  return [...groups.entries()].map(([id, byX]) => ({ id, byX, metric: 'time' }));
}

// bench/generate-timings.mjs's targets, task types, task counts and thread counts.
const benchSpec = (repeats, seed) => ({
  targets: BENCH_TARGETS,
  taskTypes: ['cpu', 'io'],
  taskCounts: [100, 1000, 10000, 30000, 100000],
  threads: [1, 2, 4, 8, 12, 16, 24, 32],
  repeats,
  failureRate: 0.01,
  seed,
});
// test/timings/analyze-timings.test.ts's SPEC.
const testSpec = (seed) => ({
  targets: [
    { target: 'python3.13', gil: true, sigma: 0.9, kappa: 0.001, taskSeconds: 1e-4, overheadSeconds: 0.01 },
    { target: 'python3.13t', gil: false, sigma: 0.04, kappa: 0.002, taskSeconds: 1.3e-4, overheadSeconds: 0.01 },
  ],
  taskTypes: ['cpu'],
  taskCounts: [100, 1000, 10000],
  threads: [1, 2, 4, 8, 12, 16],
  repeats: 5,
  noise: 0.01,
  failureRate: 0.03,
  seed,
});
/** The fixture's own seed first, then others (never one of the fixtures'). */
const dataSeed = (own, seed) => (seed === 1 ? own : 100 + seed);
// The data of test/fit and test/scaling, with their seeds, then with others.
function fixtureGroups(seed) {
  const T10 = [1, 2, 4, 8, 12, 16, 24, 32, 48, 64];
  const sdm91 = groupByX([1, 18, 36, 72, 108, 144, 216], [64.9, 995.9, 1652.4, 1853.2, 1828.9, 1775.0, 1702.2]);
  return [
    { id: 'scaling amdahl(0.2) time', byX: noisy((n) => 2 / amdahl(0.2)(n), [1, 2, 4, 6, 8, 12, 16, 24, 32], 0.01, dataSeed(21, seed), 5), metric: 'time' },
    { id: 'scaling usl(0.02, 0.01) throughput', byX: noisy((n) => 100 * usl(0.02, 0.01, 1)(n), [1, 2, 4, 8, 12, 16, 24], 0.01, dataSeed(5, seed), 4), metric: 'throughput' },
    { id: 'usl recovery (0.05, 0.0008, 1200)', byX: noisy(usl(0.05, 0.0008, 1200), T10, 0.01, dataSeed(42, seed), 3), metric: 'throughput' },
    { id: 'usl intervals (0.05, 0.001, 100)', byX: noisy(usl(0.05, 0.001, 100), [1, 2, 4, 8, 16], 0.02, dataSeed(7, seed), 5), metric: 'throughput' },
    { id: 'amdahl recovery (0.12) time', byX: noisy((n) => 1 / amdahl(0.12)(n), [1, 2, 4, 8, 16, 32], 0.02, dataSeed(9, seed), 4), metric: 'time' },
    { id: 'usl sdm91 (residual bootstrap)', byX: sdm91, metric: 'throughput' },
  ];
}

/** Plateau CIs of one group from the same replicates, refitted by k steps and fully. */
function compareGroup({ id, byX, metric }, seed) {
  const random = seededRandom(deriveSeed(seed, id));
  const cells = makeCells(byX, settings, random);
  const { table } = computeSpeedups(cells, metric);
  const x = table.points.map((p) => p.x);
  const y = metric === 'time' ? table.points.map((p) => p.speedup) : table.points.map((p) => p.median);
  const fits = fitGroup(x, y, metric, table.baseline_x);
  const curve = preferredCurve(fits);
  if (!curve) return null;
  const limit = plateauSearchLimit(Math.max(...x));
  if (plateauThreshold(curve, DEFAULT_PLATEAU_GAIN, limit) === null) return null;
  const replicateY = replicateValues(cells, metric, baselineIndex(cells), fits, random);
  const thresholds = new Map([...STEPS, Infinity].map((k) => [k, []]));
  // Per k, the residual sum of squares of each replicate's curve, to tell which refit fits better where they differ.
  const rss = new Map([...STEPS, Infinity].map((k) => [k, []]));
  for (let b = 0; b < settings.fitResamples; b++) {
    const yb = replicateY(b);
    for (const [k, list] of thresholds) {
      const c = replicateCurve(fits, x, yb, k);
      list.push(plateauThreshold(c, DEFAULT_PLATEAU_GAIN, limit) ?? Infinity);
      rss.get(k).push(x.reduce((sum, t, i) => sum + (yb[i] - c.predict(t)) ** 2, 0));
    }
  }
  const ci = (list) => {
    const [lo, hi] = percentileInterval(Float64Array.from(list));
    return [Math.floor(lo), Number.isFinite(hi) ? Math.ceil(hi) : null];
  };
  const full = thresholds.get(Infinity);
  const fullCi = ci([...full]);
  return {
    id,
    model: fits.preferred,
    full: fullCi,
    steps: STEPS.map((k) => {
      const list = thresholds.get(k);
      const c = ci([...list]);
      const diff = (a, b) => (a === b ? 0 : a === null || b === null ? Infinity : Math.abs(a - b));
      const rel = (a, b) => (a === b ? 0 : a === null || b === null ? Infinity : Math.abs(a - b) / b);
      return {
        k,
        ci: c,
        same: c[0] === fullCi[0] && c[1] === fullCi[1],
        maxDiff: Math.max(diff(c[0], fullCi[0]), diff(c[1], fullCi[1])),
        maxRel: Math.max(rel(c[0], fullCi[0]), rel(c[1], fullCi[1])),
        replicatesDiffering: list.filter((t, i) => t !== full[i]).length,
        // Of those, the ones where the k-step curve has the lower RSS (LM stopped short of the optimum).
        kStepBetter: list.filter((t, i) => t !== full[i] && rss.get(k)[i] < rss.get(Infinity)[i] * (1 - 1e-9)).length,
      };
    }),
  };
}

const sets = [];
for (let seed = 1; seed <= seeds; seed++) {
  sets.push(['bench file (3125 repeats, m-out-of-n)', timingGroups(benchSpec(3125, seed)), seed]);
  sets.push(['bench spec, 5 repeats', timingGroups(benchSpec(5, seed)), seed]);
  sets.push(['analyze-timings test SPEC', timingGroups(testSpec(dataSeed(3, seed))), seed]);
  sets.push(['test/fit and test/scaling data', fixtureGroups(seed), seed]);
}
const summary = new Map();
const worst = [];
for (const [name, groups, seed] of sets) {
  for (const group of groups) {
    const r = compareGroup(group, seed);
    if (!r) continue;
    if (!summary.has(name)) summary.set(name, { groups: 0, replicates: 0, byK: new Map(STEPS.map((k) => [k, { same: 0, maxDiff: 0, maxRel: 0, replicatesDiffering: 0, kStepBetter: 0 }])) });
    const s = summary.get(name);
    s.groups++;
    s.replicates += settings.fitResamples;
    for (const st of r.steps) {
      const a = s.byK.get(st.k);
      a.same += st.same ? 1 : 0;
      a.maxDiff = Math.max(a.maxDiff, st.maxDiff);
      a.maxRel = Math.max(a.maxRel, st.maxRel);
      a.replicatesDiffering += st.replicatesDiffering;
      a.kStepBetter += st.kStepBetter;
      if (!st.same) worst.push({ set: name, seed, group: r.id, model: r.model, k: st.k, full: r.full, kStep: st.ci });
    }
  }
}
for (const [name, s] of summary) {
  console.log(`\n${name}: ${s.groups} groups with a plateau, ${s.replicates} replicates`);
  console.log('k  CIs equal    largest endpoint difference   replicates with another threshold (k-step RSS lower)');
  for (const [k, a] of s.byK) {
    console.log(`${k}  ${a.same}/${s.groups} (${((100 * a.same) / s.groups).toFixed(1)}%)  ${a.maxDiff} threads (${(100 * a.maxRel).toFixed(1)}%)  ${a.replicatesDiffering} (${((100 * a.replicatesDiffering) / s.replicates).toFixed(2)}%; ${a.kStepBetter})`);
  }
}
console.log('\nCIs that differ (first 40):');
for (const w of worst.slice(0, 40)) console.log(JSON.stringify(w));
