/* global process, console, URL */
// Issue #17's calibration study: how often each 95% interval poolscope prints covers the true
// value, over the cases of bench/calibration/cases.mjs. Every data set is drawn from a known curve
// (seeded), analysed in-process with `analyze` as `poolscope analyze FILE --x N --y X --metric ...`
// does, and its intervals scored. Chunks of 100 data sets are kept in bench/.calibration/, so an
// interrupted run resumes where it stopped (--fresh starts over). The full study writes its tables
// into BENCHMARKS.md (between the calibration markers) and bench/calibration-results.json.
// Not timed and not a test: run it under `nice`; it takes some 15 minutes on one core.
// Usage (after `pnpm build`): node bench/calibration-study.mjs [--quick] [--datasets N] [--cases id,id] [--fresh] [--no-write]
//   --quick: 100 data sets per case, nothing written but its chunks; a smoke check of a minute or two.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveSeed } from '../dist/stats/random.js';
import { CASES } from './calibration/cases.mjs';
import { draw, truthOf } from './calibration/simulate.mjs';
import { evaluate } from './calibration/methods.mjs';
import { BAND, cellText, merge, score, stats, table } from './calibration/summarize.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = flag('--quick');
const datasets = Number(option('--datasets') ?? (quick ? 100 : 2000));
const only = option('--cases')?.split(',');
const cases = only ? CASES.filter((c) => only.includes(c.id)) : CASES;
const CHUNK = 100;
const SEED = 17;
const here = fileURLToPath(new URL('.', import.meta.url));
const store = join(here, '.calibration', quick ? 'quick' : 'full');
if (flag('--fresh')) rmSync(store, { recursive: true, force: true });
mkdirSync(store, { recursive: true });
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim();

const results = [];
// The commits the chunks were computed at: a resumed study may mix them.
const commits = new Set();
for (const c of cases) {
  const truth = truthOf(c);
  const tallies = [];
  const ms = {};
  for (let from = 0; from < datasets; from += CHUNK) {
    const file = join(store, `${c.id}-${from}.json`);
    let chunk = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
    if (!chunk) {
      const tally = {};
      const time = {};
      for (let d = from; d < Math.min(from + CHUNK, datasets); d++) {
        const seed = deriveSeed(SEED, `${c.id}:${d}`);
        const { out, ms: took } = evaluate(c, draw(c, seed), c.candidates, seed);
        score(tally, out, truth);
        for (const [method, t] of Object.entries(took)) time[method] = (time[method] ?? 0) + t;
      }
      chunk = { case: c.id, from, commit, tally, ms: time };
      writeFileSync(file, JSON.stringify(chunk));
    }
    tallies.push(chunk.tally);
    commits.add(chunk.commit);
    for (const [method, t] of Object.entries(chunk.ms)) ms[method] = (ms[method] ?? 0) + t;
    process.stderr.write(`\r${c.id}: ${Math.min(from + CHUNK, datasets)} / ${datasets}   `);
  }
  process.stderr.write('\n');
  const merged = merge(tallies);
  const byKey = Object.fromEntries(Object.entries(merged).map(([key, cell]) => [key, stats(cell)]));
  const n = Object.values(merged)[0]?.n ?? 0;
  results.push({ case: c, datasets: n, ms_per_group: Object.fromEntries(Object.entries(ms).map(([m, t]) => [m, t / n])), cells: byKey });
}

const QUANTITIES = [
  ['usl.sigma', 'USL sigma'],
  ['usl.kappa', 'kappa'],
  ['usl.gamma', 'gamma'],
  ['usl.peak', 'peak N*'],
  ['amdahl.s', 'Amdahl s'],
  ['amdahl.gamma', 'Amdahl gamma'],
  ['plateau', 'plateau (crossing)'],
];
const printedTable = table(
  ['case', 'data sets', ...QUANTITIES.map(([, label]) => label)],
  results.map((r) => [r.case.what, String(r.datasets), ...QUANTITIES.map(([q]) => cellText(r.cells[`profile-log|${q}`]))]),
);
const linearisedTable = table(
  ['case', 'USL sigma', 'kappa', 'gamma', 'Amdahl s', 'Amdahl gamma', 'plateau threshold (bootstrap)'],
  results.map((r) => [r.case.id, ...['usl.sigma', 'usl.kappa', 'usl.gamma', 'amdahl.s', 'amdahl.gamma', 'threshold'].map((q) => cellText(r.cells[`linearised|${q}`]))]),
);
const waldTable = table(
  ['case', 'USL sigma', 'kappa', 'gamma', 'peak N*'],
  results.map((r) => [r.case.id, ...['usl.sigma', 'usl.kappa', 'usl.gamma', 'usl.peak'].map((q) => cellText(r.cells[`wald-log|${q}`]))]),
);
const CANDIDATES = ['linearised', 'wald-log', 'profile-raw', 'profile-log-bounded', 'bootstrap-log', 'profile-log'];
const weighed = results.filter((r) => r.case.candidates);
const candidateTable = table(
  ['case', 'method', 'USL sigma', 'kappa', 'gamma', 'ms per group'],
  weighed.flatMap((r) =>
    CANDIDATES.map((m) => [r.case.id, m, ...['usl.sigma', 'usl.kappa', 'usl.gamma'].map((q) => cellText(r.cells[`${m}|${q}`])), r.ms_per_group[m] === undefined ? '-' : r.ms_per_group[m].toFixed(2)]),
  ),
);
const plateauTable = table(
  ['case', 'threshold: bootstrap (k-step, ci95)', 'threshold: crossing interval rounded outward', 'threshold: rounded to nearest', 'crossing (printed)'],
  results.map((r) => [r.case.id, ...[['linearised', 'threshold'], ['profile-log-outward', 'threshold'], ['profile-log-nearest', 'threshold'], ['profile-log', 'plateau']].map(([m, q]) => cellText(r.cells[`${m}|${q}`]))]),
);
const refusals = results.flatMap((r) =>
  Object.entries(r.cells)
    .filter(([key, s]) => key.startsWith('profile-log|') && s.refused > 0)
    .map(([key, s]) => `- ${r.case.id}, ${key.split('|')[1]}: ${(100 * s.refused).toFixed(1)}% refused: ${Object.entries(s.reasons).map(([reason, count]) => `${count} x "${reason}"`).join('; ')}`),
);
const outside = results.flatMap((r) =>
  Object.entries(r.cells)
    .filter(([key, s]) => key.startsWith('profile-log|') && s.coverage !== null && (s.coverage < BAND[0] || s.coverage > BAND[1]))
    .map(([key, s]) => `${r.case.id} ${key.split('|')[1]} ${(100 * s.coverage).toFixed(1)}`),
);
const text = [
  `Printed intervals (\`profile-log\`), coverage % · median width (computed at commit ${[...commits].join(', ')}, ${datasets} data sets per case, seed ${SEED}):`,
  '',
  printedTable,
  '',
  "The linearised intervals beside them (the fits' `ci95`, R's numbers; the plateau's bootstrap `ci95`):",
  '',
  linearisedTable,
  '',
  'Linearised on the log scale (`wald-log`: estimate ± t · stderr of the same log-scale fit, cut to the bounds; N* from q = kappa / (1 - sigma)), on every case:',
  '',
  waldTable,
  '',
  'The methods weighed, on the cases marked for it (ms per group: the intervals alone, one core):',
  '',
  candidateTable,
  '',
  'Where the plateau begins, by method (the threshold in whole threads, the crossing in real ones):',
  '',
  plateauTable,
  '',
  refusals.length ? 'Refused:' : 'Nothing refused.',
  '',
  ...refusals,
].join('\n');
console.log(text);
console.log(outside.length ? `\nOutside [92.5, 97.5]: ${outside.join(', ')}` : '\nEvery printed interval within [92.5, 97.5].');
if (!quick && !only && !flag('--no-write')) {
  writeFileSync(join(here, 'calibration-results.json'), `${JSON.stringify({ commits: [...commits], seed: SEED, datasets, results }, null, 1)}\n`);
  const benchmarks = join(here, '..', '..', '..', 'BENCHMARKS.md');
  const [start, end] = ['<!-- calibration:start -->', '<!-- calibration:end -->'];
  const doc = readFileSync(benchmarks, 'utf8');
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) throw new Error(`BENCHMARKS.md lacks the markers ${start} ... ${end}`);
  writeFileSync(benchmarks, `${doc.slice(0, a + start.length)}\n${text}\n${doc.slice(b)}`);
  console.error('wrote bench/calibration-results.json and the tables of BENCHMARKS.md');
}
