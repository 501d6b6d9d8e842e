/* global process, console, URL */
// Issue #8's figure "analysis of a 1,000,000-row raw CSV / parsing that CSV alone" (target <= 2.0),
// and peak memory / file size. Generates the CSV once, then runs parse and analyse in fresh
// processes, interleaved (P A P A ...), and reports medians and min-max, and each round's two
// measurements (`rounds`: the root suite, `pnpm bench`, takes its samples from them).
// Usage: node bench/analyse-1m.mjs [ROUNDS=3] [ROWS=1000000]   (run it under the measuring lock:
//   flock /tmp/poolscope-measure.lock pnpm --filter @poolscope/analysis bench)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rounds = Number(process.argv[2] ?? 3);
const rows = Number(process.argv[3] ?? 1_000_000);
const here = fileURLToPath(new URL('.', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'poolscope-bench-'));
const file = join(dir, 'timings.csv');
try {
  execFileSync(process.execPath, [join(here, 'generate-timings.mjs'), file, String(rows)], { stdio: 'inherit' });
  const size = statSync(file).size;
  const runs = { parse: [], analyse: [] };
  for (let i = 0; i < rounds; i++) {
    for (const step of ['parse', 'analyse']) {
      runs[step].push(JSON.parse(execFileSync(process.execPath, [join(here, 'run-one.mjs'), step, file], { encoding: 'utf8' })));
    }
  }
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const stat = (v) => ({ median: median(v), min: Math.min(...v), max: Math.max(...v) });
  const ratios = runs.analyse.map((a, i) => a.seconds / runs.parse[i].seconds);
  const result = {
    rows,
    csv_bytes: size,
    node: process.version,
    parse_seconds: stat(runs.parse.map((r) => r.seconds)),
    analyse_seconds: stat(runs.analyse.map((r) => r.seconds)),
    analyse_over_parse: stat(ratios),
    // CPU time is less disturbed than wall time by other processes on a shared machine.
    parse_cpu_seconds: stat(runs.parse.map((r) => r.cpu_seconds)),
    analyse_cpu_seconds: stat(runs.analyse.map((r) => r.cpu_seconds)),
    analyse_over_parse_cpu: stat(runs.analyse.map((a, i) => a.cpu_seconds / runs.parse[i].cpu_seconds)),
    analyse_peak_rss_mb: stat(runs.analyse.map((r) => r.max_rss_kb / 1024)),
    parse_peak_rss_mb: stat(runs.parse.map((r) => r.max_rss_kb / 1024)),
    analyse_peak_rss_over_csv_size: stat(runs.analyse.map((r) => (r.max_rss_kb * 1024) / size)),
    rounds: runs.parse.map((parse, i) => ({ parse, analyse: runs.analyse[i] })),
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
