import { availableParallelism } from 'node:os';
import { ERROR_CODES, PoolscopeError, type TimingRecord } from '@poolscope/core';
import type { AnalysisSummary, CoresSource, TimingGroup, TimingGroupKey, TimingPoint } from './summary.js';
import { analysisMessages } from '../messages.js';
import { isColumnSource, tableOfRows, type ColumnSource } from '../table/column-table.js';
import { analyzeGroup, resolveSettings, type GroupSettings } from '../scaling/analyze-group.js';
import { medianInPlace } from '../stats/select.js';
import { timingCellsOfTable, type TimingCell, type TimingCells } from './timing-cells.js';
import { compareTargets, type AnalyzedTimingGroup } from './compare-targets.js';
import { DEFAULT_CROSSOVER_GAIN, findCrossover } from './crossover.js';
import { observe } from './observations.js';

/** Options of `analyzeTimings`. */
export interface TimingAnalysisOptions extends GroupSettings {
  /** Logical cores of the measuring machine, for CPU utilisation. Default: this machine's, marked 'assumed'. */
  cores?: { value: number; source: CoresSource };
  /** Crossover margin over one thread. Default 0.05. */
  crossoverGain?: number;
  /** Target pairs to compare, as [a, b] (ratios a / b). Default: every pair, each in name order. */
  pairs?: readonly (readonly [string, string])[];
  /** What to record as the inputs (the loader fills these). */
  inputs?: AnalysisSummary['inputs'];
  /** Extra notes to record. */
  notes?: readonly string[];
}

/** The columns a timings table must have. */
export const TIMING_TABLE_COLUMNS = ['target', 'task_type', 'num_tasks', 'num_threads', 'wall_ns', 'cpu_user_ns', 'cpu_sys_ns'] as const;

/**
 * Analyses poolscope timings (a table with the raw CSV's columns, e.g. from `loadTimings` or
 * arquero's `loadCSV`, or an array of TimingRecord): rows whose status is not 'ok' are
 * dropped and counted; rows are grouped by (target, task_type, num_tasks) and, within a group, by
 * thread count. Returns the whole `summary.json` document.
 */
export function analyzeTimings(input: ColumnSource | readonly TimingRecord[], options: TimingAnalysisOptions = {}): AnalysisSummary {
  const table = isColumnSource(input) ? input : tableOfRows(input);
  const names = table.columnNames();
  const missing = TIMING_TABLE_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.missingTableColumns(missing), { hint: analysisMessages.missingTableColumnsHint(TIMING_TABLE_COLUMNS) });
  }
  return analyzeTimingCells(timingCellsOfTable(table), options);
}

/**
 * `analyzeTimings` on timings already split into cells (`timingCellsOfTable`, or
 * `loadTimingCells` straight from CSV files without a table of every row).
 */
export function analyzeTimingCells(input: TimingCells, options: TimingAnalysisOptions = {}): AnalysisSummary {
  const settings = resolveSettings(options);
  const cores = options.cores ?? { value: availableParallelism(), source: 'assumed' as const };
  const { dropped, okRows } = input;

  // Groups: (target, task_type, num_tasks), each with its thread counts.
  interface Pending { key: TimingGroupKey; byThreads: Map<number, Float64Array>; busy: Map<number, Float64Array>; cells: TimingCell[] }
  const pending = new Map<string, Pending>();
  for (const cell of input.cells) {
    const key: TimingGroupKey = { target: cell.target, task_type: cell.task_type, num_tasks: cell.num_tasks };
    const id = `${key.target}\u0000${key.task_type}\u0000${key.num_tasks}`;
    let p = pending.get(id);
    if (!p) pending.set(id, (p = { key, byThreads: new Map(), busy: new Map(), cells: [] }));
    p.byThreads.set(cell.num_threads, cell.wall);
    p.busy.set(cell.num_threads, cell.busy);
    p.cells.push(cell);
  }
  const analyzed: AnalyzedTimingGroup[] = [...pending.entries()]
    .sort(([, a], [, b]) => compareKey(a.key, b.key))
    .map(([id, p]) => {
      const { analysis, cells, speedupReplicates } = analyzeGroup(p.key, id, p.byThreads, 'time', settings);
      const points: TimingPoint[] = analysis.points.map((point) => {
        const busy = Float64Array.from(p.busy.get(point.x)!);
        const coresBusy = medianInPlace(busy);
        return { ...point, throughput: p.key.num_tasks / point.median, cpu_utilisation: coresBusy / cores.value, cpu_cores_busy: coresBusy };
      });
      const first = p.cells[0]!;
      const gils = new Set(p.cells.map((c) => c.gil));
      const group: TimingGroup = {
        ...analysis,
        points,
        runtime: first.runtime,
        runtime_version: first.runtime_version,
        gil: gils.size === 1 ? toGil([...gils][0]) : null,
      };
      return { group, cells, speedupReplicates };
    });
  const groups = analyzed.map((a) => a.group);

  const crossoverGain = options.crossoverGain ?? DEFAULT_CROSSOVER_GAIN;
  const crossovers = uniqueBy(groups.map((g) => [g.key.target, g.key.task_type] as const)).map(([target, taskType]) =>
    findCrossover(target, taskType, groups.filter((g) => g.key.target === target && g.key.task_type === taskType), crossoverGain),
  );
  const targets = [...new Set(groups.map((g) => g.key.target))].sort();
  const pairs = options.pairs ?? targets.flatMap((a, i) => targets.slice(i + 1).map((b) => [a, b] as const));
  for (const pair of pairs) {
    for (const t of pair) if (!targets.includes(t)) throw new PoolscopeError(ERROR_CODES.USAGE, analysisMessages.unknownPairTarget(t, targets));
  }
  const comparisons = pairs.map(([a, b]) => compareTargets(a, b, analyzed));
  const totalDropped = {
    error: dropped.error + (options.inputs?.dropped.error ?? 0),
    timeout: dropped.timeout + (options.inputs?.dropped.timeout ?? 0),
  };
  const inputs = options.inputs ?? { files: [], rows: input.rows, ok_rows: okRows, dropped: totalDropped };
  const notes = [...(options.notes ?? [])];
  if (cores.source === 'assumed') notes.push(analysisMessages.coresAssumed(cores.value));
  if (cores.source === 'option') notes.push(analysisMessages.coresFromOption(cores.value));
  if (totalDropped.error + totalDropped.timeout > 0) notes.push(analysisMessages.droppedRows(totalDropped.error, totalDropped.timeout));
  for (const g of groups) if (g.baseline_x !== 1) notes.push(analysisMessages.baselineNotOne(`${g.key.target} ${analysisMessages.taskLabel(g.key.num_tasks, g.key.task_type)}`, g.baseline_x));
  return {
    schema_version: 1,
    inputs: { ...inputs, dropped: totalDropped },
    settings: {
      confidence: 0.95,
      bootstrap_resamples: settings.resamples,
      fit_resamples: settings.fitResamples,
      seed: settings.seed,
      max_resample: settings.maxResample,
      plateau_gain: settings.plateauGain,
      crossover_gain: crossoverGain,
      predict: settings.predict,
      logical_cores: cores,
    },
    groups,
    crossovers,
    comparisons,
    observations: observe(groups, crossovers, comparisons, totalDropped, cores.value),
    notes,
  };
}

function toGil(v: unknown): boolean | null {
  return v === true || v === 'true' ? true : v === false || v === 'false' ? false : null;
}

function compareKey(a: TimingGroupKey, b: TimingGroupKey): number {
  return a.target < b.target ? -1 : a.target > b.target ? 1 : a.task_type < b.task_type ? -1 : a.task_type > b.task_type ? 1 : a.num_tasks - b.num_tasks;
}

function uniqueBy<T extends readonly [string, string]>(pairs: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const p of pairs) seen.set(`${p[0]}\u0000${p[1]}`, p);
  return [...seen.values()];
}
