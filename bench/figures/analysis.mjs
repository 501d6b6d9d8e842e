/* global process */
// Figures 4 and 6: analysing a 1,000,000-row raw timings CSV against parsing it alone, and the
// analysis's peak memory against the file's size. The measurement is the analysis package's own
// bench (packages/analysis/bench/analyse-1m.mjs: generate the CSV, then parse and analyse it in
// fresh processes, alternated); this only runs it, under the lock, and reads its samples.
import { join } from 'node:path';
import { runJson } from '../lib/child.mjs';
import { machineLoad, ticks, waitForQuiet } from '../lib/machine.mjs';
import { figureResult } from '../lib/stats.mjs';

export async function analysisCost(ctx) {
  const rounds = ctx.quick ? 1 : 5;
  const rows = ctx.quick ? 100_000 : 1_000_000;
  ctx.log(`  figures 4 and 6: ${rows} rows, ${rounds} rounds (packages/analysis/bench/analyse-1m.mjs)`);
  await waitForQuiet();
  const before = ticks();
  const result = await runJson(process.execPath, [join(ctx.root, 'packages/analysis/bench/analyse-1m.mjs'), String(rounds), String(rows)]);
  const load = machineLoad(before, ticks());
  const csvMb = result.csv_bytes / 2 ** 20;
  const details = { rows: result.rows, csv_bytes: result.csv_bytes, rounds: result.rounds, ...load };
  const ratios = result.rounds.map((r) => r.analyse.seconds / r.parse.seconds);
  const memory = result.rounds.map((r) => (r.analyse.max_rss_kb * 1024) / result.csv_bytes);
  return [
    figureResult({
      id: '4',
      name: `analysis / parse alone, ${rows.toLocaleString('en')}-row CSV`,
      samples: ratios,
      target: { op: '<=', value: 2.0 },
      reason: `analysis took ${result.analyse_seconds.median.toFixed(2)} s, parsing ${result.parse_seconds.median.toFixed(2)} s (medians)`,
      details,
    }),
    figureResult({
      id: '6',
      name: `peak RSS of analysis / CSV size on disk (${csvMb.toFixed(0)} MiB)`,
      samples: memory,
      reason: `peak RSS ${result.analyse_peak_rss_mb.median.toFixed(0)} MiB for a ${csvMb.toFixed(0)} MiB file; parsing alone peaks at ${result.parse_peak_rss_mb.median.toFixed(0)} MiB`,
      details: { rows: result.rows, csv_bytes: result.csv_bytes, analyse_peak_rss_mb: result.analyse_peak_rss_mb, parse_peak_rss_mb: result.parse_peak_rss_mb },
    }),
  ];
}
