import { relative } from 'node:path';
import { hostId, locateColumns, readCsvBatches, readHostInfo, runDirectory, type HostInfo } from '@poolscope/core';
import type { AnalysisSummary } from '@poolscope/analysis';
import type { CategoryTime, FigureName, PlotDirectoryResult } from '@poolscope/plots';
import { readPlan, type HarnessExcerpts, type RunPlan } from '@poolscope/runner';
import { readPipelineRecord, type PipelineRecord } from '../pipeline/record.js';

/** One machine the rows were measured on: its host file and the targets it measured. */
export interface ReportHost {
  /** The host file, relative to the run directory (`raw/host.json`). */
  readonly file: string;
  /** `hostId(info)`: what the rows' `host_id` column holds. */
  readonly id: string;
  readonly info: HostInfo;
  /** Targets of the rows measured there; empty when no row names this host. */
  readonly targets: readonly string[];
}

/** What the rows themselves say beyond the analysis: where and when they were measured. */
export interface RowFacts {
  readonly runIds: readonly string[];
  /** host_id -> targets measured there. */
  readonly hostTargets: ReadonlyMap<string, readonly string[]>;
  /** `task_work` per target and task type (several when runs were merged). */
  readonly taskWork: ReadonlyMap<string, readonly number[]>;
  /** First and last `started_at` (ISO 8601 text), null when no row has one. */
  readonly startedBetween: readonly [string, string] | null;
}

/** A figure the plots stage drew, by its files relative to the run directory. */
export interface ReportFigure {
  readonly name: FigureName;
  readonly svg: string | null;
  readonly png: string | null;
}

/** Everything the report is built from (all read before building, so building is pure). */
export interface ReportInputs {
  readonly summary: AnalysisSummary;
  readonly figures: readonly ReportFigure[];
  readonly skippedFigures: readonly { readonly name: FigureName; readonly reason: string }[];
  readonly hosts: readonly ReportHost[];
  /** Host ids rows carry that no host file describes. */
  readonly unknownHosts: readonly { readonly id: string; readonly targets: readonly string[] }[];
  readonly rows: RowFacts;
  readonly plan: RunPlan | null;
  readonly pipeline: PipelineRecord | null;
  /** Thread time per function category of each profiled cell; null without raw/profile.csv. */
  readonly categories: readonly CategoryTime[] | null;
  readonly harness: HarnessExcerpts;
}

/** `task_work` keys: `node-pool\u0000cpu`. */
export const taskWorkKey = (target: string, taskType: string): string => `${target}\u0000${taskType}`;

const COLUMNS = ['run_id', 'host_id', 'target', 'task_type', 'task_work', 'started_at'] as const;

/**
 * Reads the few columns of the raw timings the report needs beyond the analysis: run ids, which
 * host measured which target, task sizes and when. Rows were validated by the analysis already.
 */
export async function readRowFacts(files: readonly string[]): Promise<RowFacts> {
  const runIds = new Set<string>();
  const hostTargets = new Map<string, Set<string>>();
  const taskWork = new Map<string, Set<number>>();
  let first: string | null = null;
  let last: string | null = null;
  for (const file of files) {
    let at: Map<string, number> | undefined;
    for await (const batch of readCsvBatches(file)) {
      for (const { cells } of batch) {
        if (!at) {
          at = locateColumns(file, cells, COLUMNS, 'timings');
          continue;
        }
        const cell = (name: (typeof COLUMNS)[number]) => cells[at!.get(name)!] ?? '';
        runIds.add(cell('run_id'));
        const host = cell('host_id');
        if (!hostTargets.has(host)) hostTargets.set(host, new Set());
        hostTargets.get(host)!.add(cell('target'));
        const key = taskWorkKey(cell('target'), cell('task_type'));
        if (!taskWork.has(key)) taskWork.set(key, new Set());
        taskWork.get(key)!.add(Number(cell('task_work')));
        const started = cell('started_at');
        if (started !== '') {
          if (first === null || started < first) first = started;
          if (last === null || started > last) last = started;
        }
      }
    }
  }
  const sorted = <T>(values: Iterable<T>) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    runIds: sorted(runIds),
    hostTargets: new Map([...hostTargets].map(([id, targets]) => [id, sorted(targets)])),
    taskWork: new Map([...taskWork].map(([key, works]) => [key, [...works].sort((a, b) => a - b)])),
    startedBetween: first !== null && last !== null ? [first, last] : null,
  };
}

/** The hosts of the host files, matched to the rows by id; row host ids no file describes apart. */
export function matchHosts(dir: string, hostFiles: readonly string[], rows: RowFacts): Pick<ReportInputs, 'hosts' | 'unknownHosts'> {
  const hosts = hostFiles.map((file) => {
    const info = readHostInfo(file);
    const id = hostId(info);
    return { file: relative(dir, file), id, info, targets: rows.hostTargets.get(id) ?? [] };
  });
  const known = new Set(hosts.map((h) => h.id));
  const unknownHosts = [...rows.hostTargets].filter(([id]) => !known.has(id)).map(([id, targets]) => ({ id, targets }));
  return { hosts, unknownHosts };
}

/** The figures the plots stage wrote, as paths relative to the run directory. */
export function figuresOf(dir: string, plotted: PlotDirectoryResult): Pick<ReportInputs, 'figures' | 'skippedFigures'> {
  const find = (files: readonly string[], ext: string) => {
    const file = files.find((f) => f.endsWith(ext));
    return file ? relative(dir, file) : null;
  };
  return {
    figures: plotted.written.map((w) => ({ name: w.name, svg: find(w.files, '.svg'), png: find(w.files, '.png') })),
    skippedFigures: plotted.skipped.map((s) => ({ name: s.name, reason: s.reason })),
  };
}

/** The run's plan and the pipeline's record, when the directory has them. */
export function readRunRecords(dir: string): Pick<ReportInputs, 'plan' | 'pipeline'> {
  return { plan: readPlan(runDirectory(dir).plan) ?? null, pipeline: readPipelineRecord(dir) ?? null };
}
