/* global process, console, URL */
// `pnpm bench`: poolscope's benchmark suite. It measures poolscope's own overhead and fidelity
// against the physical limit and against bare scripts (issue #8), each figure a ratio of
// commands run side by side, prints a table and writes bench/results.json. See BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseBenchArgs, USAGE } from './lib/args.mjs';
import { flockAvailable, LOCK_FILE, locked } from './lib/lock.mjs';
import { cores, gitCommit, loadAverage } from './lib/machine.mjs';
import { formatTable } from './lib/table.mjs';
const root = resolve(new URL('..', import.meta.url).pathname);

let options;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(`bench: ${error.message}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const lock = options.lock && flockAvailable();
if (options.lock && !lock) console.error('bench: flock(1) is not available: measuring without the lock.');

// Build what the suite runs (turbo: instant when nothing changed), under the shared lock as builds are.
const turbo = ['pnpm', 'exec', 'turbo', 'run', 'build', '--filter=@poolscope/bench...', '--output-logs=errors-only'];
const [command, ...args] = lock ? ['flock', '-s', LOCK_FILE, ...turbo] : turbo;
const build = spawnSync(command, args, { cwd: root, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
if (build.status !== 0) {
  process.stderr.write((build.stdout ?? '') + (build.stderr ?? '') + (build.error ? String(build.error) : ''));
  console.error('bench: the build failed (above); nothing was measured.');
  process.exit(1);
}

// The packages are imported once built.
const { collectHostInfo } = await import('@poolscope/core');
const { nodePoolOverhead, nodePoolSpeedup } = await import('./figures/node.mjs');
const { pythonOverhead } = await import('./figures/python.mjs');
const { analysisCost } = await import('./figures/analysis.mjs');
const { pipelineShare } = await import('./figures/pipeline.mjs');
const GROUPS = { 'node-speedup': nodePoolSpeedup, 'node-overhead': nodePoolOverhead, 'python-overhead': pythonOverhead, analysis: analysisCost, pipeline: pipelineShare };

const ctx = {
  quick: options.quick,
  lock,
  cores: cores(),
  root,
  log: (text) => console.error(text),
};

const started = new Date();
const loadAtStart = loadAverage();
const commit = gitCommit(root);
const out = options.out ? resolve(options.out) : join(root, 'bench', options.partial ? 'results-partial.json' : 'results.json');

/** results.json: the machine, the date, the commit, and every figure so far (written after each group). */
function results(figures, complete) {
  return {
    schema_version: 1,
    date: started.toISOString(),
    seconds: (Date.now() - started.getTime()) / 1000,
    complete,
    commit,
    mode: options.quick ? 'quick' : 'full',
    figures_run: options.groups,
    lock: lock ? `${LOCK_FILE} (exclusive, the whole suite)` : null,
    load_average_at_start: loadAtStart,
    node: process.version,
    // The machine as poolscope's own runs record it (host.json), with the interpreters measured.
    host: collectHostInfo([
      ...new Map(
        figures.flatMap((f) => {
          const i = f.details?.interpreter;
          return i ? [[i.path, { target: i.target, implementation: i.implementation, path: i.path, version: i.version, free_threaded_build: i.free_threaded_build, gil_enabled: i.gil_enabled }]] : [];
        }),
      ).values(),
    ]),
    figures: [...figures].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })),
  };
}

console.error(`bench: ${options.quick ? 'quick' : 'full'} suite${options.partial && !options.quick ? ' (some figures)' : ''}, ${options.groups.join(', ')}; ${ctx.cores} cores${lock ? ', the whole suite under the measuring lock' : ''}`);
const figures = [];
// One hold of the measuring lock for the whole suite: with test suites taking it shared one after
// another, every new attempt to take it exclusively can wait minutes (flock favours no writer).
await locked(lock, async () => {
  for (const key of options.groups) {
    const t0 = Date.now();
    console.error(`bench: ${key}`);
    figures.push(...(await GROUPS[key](ctx)));
    console.error(`bench: ${key} took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    // Kept as the suite goes, so that a suite stopped midway still leaves what it measured.
    writeFileSync(out, `${JSON.stringify(results(figures, false), null, 2)}\n`);
  }
});
const final = results(figures, true);
writeFileSync(out, `${JSON.stringify(final, null, 2)}\n`);
console.log(formatTable(final.figures));
console.log(`\n${final.mode} suite, ${(final.seconds / 60).toFixed(1)} min, commit ${commit ?? 'unknown'}; results in ${relative(process.cwd(), out) || out}`);
