/* global process, URL */
// Figures 1 and 2: node-pool's speedup against the core count, and its cell time against a bare
// piscina script running the same cell.
import { join } from 'node:path';
import { calibrateCpuWork } from '@poolscope/runner';
import { runJson } from '../lib/child.mjs';
import { compareInRounds, loadSummary } from '../lib/compare.mjs';
import { overheadReason } from '../lib/reasons.mjs';
import { figureResult, median, pairedRatios, summarize } from '../lib/stats.mjs';

const here = new URL('..', import.meta.url).pathname;
const poolscopeCell = (spec) => runJson(process.execPath, [join(here, 'cells/poolscope-cell.mjs'), JSON.stringify({ target: 'node-pool', taskType: 'cpu', ...spec })]);
const bareCell = (spec) => runJson(process.execPath, [join(here, 'cells/bare-piscina.mjs'), JSON.stringify(spec)]);

/** Loop iterations of the cpu task that take `us` microseconds on this thread (poolscope's own calibration). */
function calibrated(us) {
  return calibrateCpuWork(us);
}

/**
 * Figure 1: the speedup of node-pool at threads = cores over one thread, on coarse tasks (20 ms:
 * the pool's per-task cost vanishes beside them), divided by the core count. One poolscope run
 * measures both thread counts in rounds (its default order), so each round's two repetitions are
 * side by side; each round gives one sample. A bare piscina script runs the same cells between
 * poolscope's runs: if it misses too, the limit is the machine's, not poolscope's.
 */
export async function nodePoolSpeedup(ctx) {
  const cores = ctx.cores;
  const taskUs = 20_000;
  const spec = { tasks: ctx.quick ? 2 * cores * 5 : 2 * cores * 10, threads: [1, cores], repeats: ctx.quick ? 2 : 3, warmup: 1, taskWork: calibrated(taskUs) };
  const rounds = ctx.quick ? 1 : 4;
  const entries = await compareInRounds({
    commands: { poolscope: () => poolscopeCell(spec), piscina: () => bareCell(spec) },
    rounds,
    onRound: (e) => ctx.log(`  figure 1 round ${e.round + 1}/${rounds}`),
  });
  const perRepetition = (name) => entries.flatMap((e) => pairedRatios(e.results[name].walls[1], e.results[name].walls[cores]).map((s) => s / cores));
  const samples = perRepetition('poolscope');
  const bare = perRepetition('piscina');
  const target = { op: '>=', value: 0.95 };
  const others = loadSummary(entries, 'others_cores');
  const steal = loadSummary(entries, 'steal_share');
  const bareStats = summarize(bare);
  const reason =
    median(samples) >= target.value
      ? null
      : bareStats.median < target.value
        ? `a bare piscina script, run in the same rounds, reaches ${bareStats.median.toFixed(3)} too (min-max ${bareStats.min.toFixed(3)}-${bareStats.max.toFixed(3)}): the limit is the machine's (other processes busy on ${others?.median.toFixed(2) ?? '?'} cores, ${((steal?.median ?? 0) * 100).toFixed(1)}% of the time stolen by the hypervisor), not poolscope's`
        : `a bare piscina script reaches ${bareStats.median.toFixed(3)} in the same rounds: poolscope loses ${(bareStats.median - median(samples)).toFixed(3)} of its own`;
  return [
    figureResult({
      id: '1',
      name: `node-pool speedup at ${cores} threads / ${cores} cores, cpu ${spec.tasks} x 20 ms`,
      samples,
      target,
      reason,
      details: { cell: { ...spec, task_us: taskUs }, rounds, bare_piscina: { samples: bare, ...bareStats }, others_cores: others, steal_share: steal, raw: entries },
    }),
  ];
}

/**
 * Figure 2: node-pool's wall time of one cell over a bare piscina script's for the same cell, both
 * in fresh processes, alternated. Each process times `repeats` repetitions after one warm-up; a
 * sample is the ratio of the two processes' medians. Two cells at threads = cores: the runner's
 * default task size (1000 tasks of 200 us) and the default pipeline's (10000 of 50 us), where a
 * cost per task would show most.
 */
export async function nodePoolOverhead(ctx) {
  const cores = ctx.cores;
  const cells = [
    { tasks: 1000, taskUs: 200 },
    { tasks: 10000, taskUs: 50 },
  ];
  const results = [];
  for (const [i, cell] of cells.entries()) {
    const spec = { tasks: cell.tasks, threads: [cores], repeats: ctx.quick ? 3 : 5, warmup: 1, taskWork: calibrated(cell.taskUs) };
    const rounds = ctx.quick ? 1 : 6;
    const entries = await compareInRounds({
      commands: { poolscope: () => poolscopeCell(spec), piscina: () => bareCell(spec) },
      rounds,
      onRound: (e) => ctx.log(`  figure 2${'ab'[i]} round ${e.round + 1}/${rounds}`),
    });
    const a = entries.map((e) => median(e.results.poolscope.walls[cores]));
    const b = entries.map((e) => median(e.results.piscina.walls[cores]));
    const samples = pairedRatios(a, b);
    const target = { op: '<=', value: 1.05 };
    results.push(
      figureResult({
        id: `2${'ab'[i]}`,
        name: `node-pool / bare piscina, cpu ${cell.tasks} x ${cell.taskUs} us, ${cores} threads`,
        samples,
        target,
        reason: overheadReason('bare piscina script', a, b, samples),
        details: {
          cell: { ...spec, task_us: cell.taskUs },
          rounds,
          poolscope_median_ms: a.map((x) => x / 1e6),
          piscina_median_ms: b.map((x) => x / 1e6),
          others_cores: loadSummary(entries, 'others_cores'),
          steal_share: loadSummary(entries, 'steal_share'),
          raw: entries,
        },
      }),
    );
  }
  return results;
}
