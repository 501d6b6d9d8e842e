/* global process, URL */
// Figure 3: a Python target's cell time in poolscope over the same cell in a plain timing script of
// the RCA's harness (ThreadPoolExecutor + executor.map), on the same interpreter.
import { join } from 'node:path';
import { PythonHarness, resolvePythonTargets } from '@poolscope/runner';
import { runJson } from '../lib/child.mjs';
import { compareInRounds, loadSummary } from '../lib/compare.mjs';
import { overheadReason } from '../lib/reasons.mjs';
import { figureResult, median, pairedRatios } from '../lib/stats.mjs';

const here = new URL('..', import.meta.url).pathname;

/**
 * The interpreters to compare, found as poolscope finds them (`resolvePythonTargets`, which looks
 * on PATH, under pyenv and uv and in /opt/cpython/*): the newest CPython 3.13 with the GIL and the
 * free-threaded 3.13t. Returns [{ target, path }] and the names that could not be resolved, with why.
 */
async function interpreters() {
  const found = [];
  const missing = [];
  for (const name of ['python3.13', 'python3.13t']) {
    try {
      const [resolved] = await resolvePythonTargets([name]);
      const i = resolved.interpreter;
      // core's InterpreterInfo (host.json's shape), and the short version rows carry.
      found.push({ target: name, implementation: i.implementation, path: i.path, version: i.version, runtime_version: i.runtime_version, free_threaded_build: i.free_threaded_build, gil_enabled: i.gil_enabled });
    } catch (error) {
      missing.push({ target: name, reason: error.message });
    }
  }
  return { found, missing };
}

/** Calibrates the cpu task with poolscope's harness on this interpreter: loop iterations for `us` microseconds. */
async function calibrated(path, us) {
  const harness = await PythonHarness.start(path, { target: 'bench' });
  try {
    return (await harness.calibrate('cpu', us)).task_work;
  } finally {
    await harness.close();
  }
}

/**
 * Per interpreter, a cpu cell (1000 tasks of 200 us) and an io cell (1000 waits of 1 ms), at
 * threads = cores. poolscope (runMatrix in a fresh Node process, its harness in a fresh Python
 * process) and the plain script alternate; each times `repeats` repetitions after one warm-up, and
 * a sample is the ratio of their medians.
 */
export async function pythonOverhead(ctx) {
  const cores = ctx.cores;
  const { found, missing } = await interpreters();
  const results = missing.map((m) => ({
    id: `3 ${m.target}`,
    name: `${m.target} poolscope / plain script`,
    skipped: true,
    target: { op: '<=', value: 1.05 },
    met: null,
    reason: `skipped: poolscope found no ${m.target} (${m.reason.split('\n')[0]})`,
  }));
  let letter = 0;
  for (const python of found) {
    const cells = [
      { taskType: 'cpu', tasks: 1000, taskWork: await calibrated(python.path, 200), label: 'cpu 1000 x 200 us' },
      { taskType: 'io', tasks: 1000, taskWork: 1000, label: 'io 1000 x 1 ms' },
    ];
    for (const cell of cells) {
      const repeats = ctx.quick ? 3 : 5;
      const spec = { target: python.target, taskType: cell.taskType, tasks: cell.tasks, threads: [cores], repeats, warmup: 1, taskWork: cell.taskWork };
      const rounds = ctx.quick ? 1 : 5;
      const entries = await compareInRounds({
        commands: {
          poolscope: () => runJson(process.execPath, [join(here, 'cells/poolscope-cell.mjs'), JSON.stringify(spec)]),
          plain: () => runJson(python.path, [join(here, 'cells/plain_rca.py'), cell.taskType, String(cell.taskWork), String(cell.tasks), String(cores), String(repeats), '1']),
        },
        rounds,
        onRound: (e) => ctx.log(`  figure 3 ${python.target} ${cell.taskType} round ${e.round + 1}/${rounds}`),
      });
      const a = entries.map((e) => median(e.results.poolscope.walls[cores]));
      const b = entries.map((e) => median(e.results.plain.walls[cores]));
      const samples = pairedRatios(a, b);
      results.push(
        figureResult({
          id: `3${'abcdefgh'[letter++]}`,
          name: `${python.target} poolscope / plain script, ${cell.label}, ${cores} threads`,
          samples,
          target: { op: '<=', value: 1.05 },
          reason: overheadReason('plain script', a, b, samples),
          details: {
            interpreter: python,
            cell: spec,
            rounds,
            poolscope_median_ms: a.map((x) => x / 1e6),
            plain_median_ms: b.map((x) => x / 1e6),
            others_cores: loadSummary(entries, 'others_cores'),
            steal_share: loadSummary(entries, 'steal_share'),
            raw: entries,
          },
        }),
      );
    }
  }
  return results;
}
