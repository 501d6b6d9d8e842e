import { analyzeFiles } from '@poolscope/analysis';
import { runCliMessages as m } from './run-messages.js';

/** 3 significant figures. */
const fixed = (v: number) => String(Number(v.toPrecision(3)));

/**
 * The table `poolscope run` prints when it is done: per cell of the run directory's timings, the
 * median wall time, the speedup over one thread (none for a curve with no ok repetition at one
 * thread) and the CPU utilisation, as `@poolscope/analysis` computes them (`(user + sys) / (wall x
 * logical cores)`, median over repetitions, cores from host.json). Empty when no cell has an ok repetition; a note instead of the table when the
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
  // Without an ok repetition at one thread (all failed, or not measured) the analysis takes the
  // fewest threads measured as the baseline; a speedup of 1 at 2 threads would then read as "no
  // gain" under the header's definition, so none is shown.
  const rows = summary.groups.flatMap((g) =>
    g.points.map((p) => [
      g.key.target,
      g.key.task_type,
      String(g.key.num_tasks),
      String(p.x),
      fixed(p.median * 1000),
      g.baseline_x === 1 ? fixed(p.speedup) : m.noSpeedup,
      `${(p.cpu_utilisation * 100).toFixed(0)}%`,
      fixed(p.cpu_cores_busy),
    ]),
  );
  if (rows.length === 0) return '';
  const unbased = summary.groups.filter((g) => g.baseline_x !== 1).map((g) => `${g.key.target} ${g.key.task_type} ${g.key.num_tasks}`);
  const table = [[...m.cellTableHeader], ...rows];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const lines = table.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
  const notes = [m.cellTableNote(summary.settings.logical_cores.value), ...(unbased.length ? [m.cellTableNoBaseline(unbased)] : [])];
  return `\n${lines.join('\n')}\n${notes.join('\n')}\n`;
}
