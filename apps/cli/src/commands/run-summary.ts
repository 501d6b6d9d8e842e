import { analyzeFiles } from '@poolscope/analysis';
import { runCliMessages as m } from './run-messages.js';

/** 3 significant figures. */
const fixed = (v: number) => String(Number(v.toPrecision(3)));

/**
 * The table `poolscope run` prints when it is done: per cell of the run directory's timings, the
 * median wall time, the speedup over one thread and the CPU utilisation, as `@poolscope/analysis`
 * computes them (`(user + sys) / (wall x logical cores)`, median over repetitions, cores from
 * host.json). Empty when no cell has an ok repetition; a note instead of the table when the
 * timings cannot be analysed, since the rows themselves are already safe on disk.
 */
export async function cellSummary(timings: string): Promise<string> {
  let summary: Awaited<ReturnType<typeof analyzeFiles>>;
  try {
    // A few resamples: the table shows no confidence interval, so bootstrapping more is wasted.
    summary = await analyzeFiles([timings], { resamples: 200 });
  } catch (error) {
    return `${m.cellTableSkipped((error as Error).message)}\n`;
  }
  const rows = summary.groups.flatMap((g) =>
    g.points.map((p) => [g.key.target, g.key.task_type, String(g.key.num_tasks), String(p.x), fixed(p.median * 1000), fixed(p.speedup), `${(p.cpu_utilisation * 100).toFixed(0)}%`, fixed(p.cpu_cores_busy)]),
  );
  if (rows.length === 0) return '';
  const table = [[...m.cellTableHeader], ...rows];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const lines = table.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
  return `\n${lines.join('\n')}\n${m.cellTableNote(summary.settings.logical_cores.value)}\n`;
}
