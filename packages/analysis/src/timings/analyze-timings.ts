import * as aq from 'arquero';
import { availableParallelism } from 'node:os';
import { ERROR_CODES, PoolscopeError, type TaskType, type TimingRecord } from '@poolscope/core';
import type { AnalysisSummary, CoresSource, TimingGroup, TimingGroupKey, TimingPoint } from '../types.js';
import { analysisMessages } from '../messages.js';
import { isColumnSource, type ColumnSource } from '../fit/_input.js';
import { analyzeGroup, resolveSettings, type GroupSettings } from '../scaling/analyze-group.js';
import type { Cell } from '../scaling/cells.js';
import { medianInPlace } from '../stats/bootstrap.js';
import { groupRows, rowValues } from './_group-rows.js';
import { compareTargets } from './compare-targets.js';
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

/** A timing group with the cells and replicates comparisons reuse. */
export interface AnalyzedTimingGroup {
  readonly group: TimingGroup;
  readonly cells: readonly Cell[];
  readonly speedupReplicates: readonly Float64Array[];
}

const NS_PER_S = 1e9;

/**
 * Analyses poolscope timings (an arquero table with the raw CSV's columns, e.g. from
 * `loadTimings` or `aq.loadCSV`, or an array of TimingRecord): rows whose status is not 'ok' are
 * dropped and counted; rows are grouped by (target, task_type, num_tasks) and, within a group, by
 * thread count. Returns the whole `summary.json` document.
 */
export function analyzeTimings(input: ColumnSource | readonly TimingRecord[], options: TimingAnalysisOptions = {}): AnalysisSummary {
  const table = isColumnSource(input) ? (input as unknown as aq.ColumnTable) : aq.from(input as unknown as Record<string, unknown>[]);
  const names = table.columnNames();
  const missing = TIMING_TABLE_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.missingTableColumns(missing), { hint: analysisMessages.missingTableColumnsHint(TIMING_TABLE_COLUMNS) });
  }
  const settings = resolveSettings(options);
  const cores = options.cores ?? { value: availableParallelism(), source: 'assumed' as const };
  const n = table.numRows();
  const col = (name: string) => (names.includes(name) ? rowValues(table, name) : null);
  const status = col('status');
  const wall = rowValues(table, 'wall_ns');
  const user = rowValues(table, 'cpu_user_ns');
  const sys = rowValues(table, 'cpu_sys_ns');
  const dropped = { error: 0, timeout: 0 };
  let okRows = 0;
  const okMask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = status ? status[i] : 'ok';
    if (s === 'ok') {
      const w = Number(wall[i]);
      if (!(Number.isFinite(w) && w > 0)) {
        throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.notPositive(`row ${i}`, 'wall_ns', String(wall[i])), { hint: analysisMessages.notPositiveHint('wall_ns') });
      }
      okMask[i] = 1;
      okRows++;
    } else if (s === 'timeout') dropped.timeout++;
    else dropped.error++;
  }
  if (okRows === 0) throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.noOkRows('input', n), { hint: analysisMessages.noOkRowsHint });

  // Cells: the rows grouped by (target, task_type, num_tasks, num_threads).
  const targetCol = rowValues(table, 'target');
  const taskTypeCol = rowValues(table, 'task_type');
  const numTasksCol = rowValues(table, 'num_tasks');
  const threadsCol = rowValues(table, 'num_threads');
  const { groupOf, firstRow } = groupRows([targetCol, taskTypeCol, numTasksCol, threadsCol], n);
  const cellCount = firstRow.length;
  const counts = new Int32Array(cellCount);
  for (let i = 0; i < n; i++) if (okMask[i]) counts[groupOf[i]!]!++;
  const wallByCell = Array.from(counts, (c) => new Float64Array(c));
  const busyByCell = Array.from(counts, (c) => new Float64Array(c));
  const fill = new Int32Array(cellCount);
  for (let i = 0; i < n; i++) {
    if (!okMask[i]) continue;
    const k = groupOf[i]!;
    const w = Number(wall[i]);
    wallByCell[k]![fill[k]!] = w / NS_PER_S;
    busyByCell[k]![fill[k]!++] = (Number(user[i]) + Number(sys[i])) / w;
  }
  const runtimeCol = col('runtime');
  const versionCol = col('runtime_version');
  const gilCol = col('gil');

  // Groups: (target, task_type, num_tasks), each with its thread counts.
  interface Pending { key: TimingGroupKey; byThreads: Map<number, Float64Array>; busy: Map<number, Float64Array>; rows: number[] }
  const pending = new Map<string, Pending>();
  for (let k = 0; k < cellCount; k++) {
    if (counts[k] === 0) continue;
    const row = firstRow[k]!;
    const key: TimingGroupKey = { target: String(targetCol[row]), task_type: String(taskTypeCol[row]) as TaskType, num_tasks: Number(numTasksCol[row]) };
    const id = `${key.target}\u0000${key.task_type}\u0000${key.num_tasks}`;
    let p = pending.get(id);
    if (!p) pending.set(id, (p = { key, byThreads: new Map(), busy: new Map(), rows: [] }));
    const threads = Number(threadsCol[row]);
    p.byThreads.set(threads, wallByCell[k]!);
    p.busy.set(threads, busyByCell[k]!);
    p.rows.push(row);
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
      const first = p.rows[0]!;
      const gils = new Set(p.rows.map((r) => (gilCol ? gilCol[r] : null)));
      const group: TimingGroup = {
        ...analysis,
        points,
        runtime: runtimeCol ? String(runtimeCol[first]) : '',
        runtime_version: versionCol ? String(versionCol[first]) : '',
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
  const inputs = options.inputs ?? { files: [], rows: n, ok_rows: okRows, dropped: totalDropped };
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
    observations: observe(groups, crossovers, comparisons, totalDropped),
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
