import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { ERROR_CODES, HOST_FILE, PoolscopeError, analysisFiles, isTimingsFile, readHostInfo, runDirectory, writeFileAtomic } from '@poolscope/core';
import type { AnalysisSummary, CoresSource } from '../timings/summary.js';
import { analysisMessages } from '../messages.js';
import { loadTimingCells } from '../timings/load-timings.js';
import { analyzeTimingCells, type TimingAnalysisOptions } from '../timings/analyze-timings.js';
import { fitsCsv, speedupCsv } from './tables.js';

/** Options of `analyzeFiles` and `analyzeRunDirectory`. */
export interface RunAnalysisOptions extends Omit<TimingAnalysisOptions, 'cores' | 'inputs'> {
  /** Logical cores for CPU utilisation when no host.json is beside the CSVs. Default: this machine's (stated as assumed). */
  cores?: number;
}

/** The raw timing CSVs of a run directory: DIR/raw/timings.csv, else every DIR/raw/*timings*.csv. */
export function findRawTimings(dir: string): string[] {
  const { raw, timings } = runDirectory(dir);
  if (existsSync(timings)) return [timings];
  if (existsSync(raw) && statSync(raw).isDirectory()) {
    const found = readdirSync(raw).filter(isTimingsFile).sort();
    if (found.length > 0) return found.map((f) => join(raw, f));
  }
  throw new PoolscopeError(ERROR_CODES.NOT_FOUND, analysisMessages.noRawTimings(dir), { hint: analysisMessages.noRawTimingsHint });
}

/**
 * The logical core count for CPU utilisation: host.json beside the first CSV (or in its parent,
 * the run directory) when there is one, else `fallback` (marked 'option'), else assumed.
 */
export function resolveCores(files: readonly string[], fallback: number | undefined, assumed: number): { value: number; source: CoresSource } {
  for (const file of files.slice(0, 1)) {
    for (const candidate of [join(file, '..', HOST_FILE), join(file, '..', '..', HOST_FILE)]) {
      if (existsSync(candidate)) return { value: readHostInfo(candidate).cpu.logical_cores, source: 'host.json' };
    }
  }
  if (fallback !== undefined) return { value: fallback, source: 'option' };
  return { value: assumed, source: 'assumed' };
}

/**
 * Loads one or more raw timing CSVs (validated, non-ok rows dropped and counted) and analyses them.
 * `label` turns each path into what summary.json records (default: as given).
 */
export async function analyzeFiles(files: readonly string[], options: RunAnalysisOptions = {}, label: (file: string) => string = (f) => f): Promise<AnalysisSummary> {
  const loaded = await loadTimingCells(files);
  const cores = resolveCores(files, options.cores, availableParallelism());
  const notes = [...(options.notes ?? [])];
  if (loaded.hostIds.length > 1 && cores.source === 'host.json') notes.push(analysisMessages.mixedHosts(files.length));
  // The cells hold the ok rows only (as loadTimings' table does): the loader's drops go in `inputs`.
  const okOnly = { cells: loaded.cells, rows: loaded.okRows, okRows: loaded.okRows, dropped: { error: 0, timeout: 0 } };
  return analyzeTimingCells(okOnly, {
    ...options,
    cores,
    notes,
    inputs: { files: loaded.files.map(label), rows: loaded.rows, ok_rows: loaded.okRows, dropped: loaded.dropped },
  });
}

/** What `analyzeRunDirectory` wrote. */
export interface WrittenAnalysis {
  readonly summary: AnalysisSummary;
  readonly files: { readonly summary: string; readonly speedup: string; readonly fits: string };
}

/** Writes summary.json, speedup.csv and fits.csv into `outDir` (atomically, each file whole or not at all). */
export function writeAnalysis(outDir: string, summary: AnalysisSummary): WrittenAnalysis['files'] {
  const files = analysisFiles(outDir);
  writeFileAtomic(files.summary, `${JSON.stringify(summary, null, 2)}\n`);
  writeFileAtomic(files.speedup, speedupCsv(summary));
  writeFileAtomic(files.fits, fitsCsv(summary));
  return files;
}

/**
 * `poolscope analyze DIR`: analyses DIR/raw/timings.csv (or DIR/raw/*timings*.csv) and writes
 * DIR/analysis/{summary.json, speedup.csv, fits.csv}. Paths in summary.json are relative to DIR,
 * so the document is the same wherever the directory is.
 */
export async function analyzeRunDirectory(dir: string, options: RunAnalysisOptions = {}): Promise<WrittenAnalysis> {
  const files = findRawTimings(dir);
  const summary = await analyzeFiles(files, options, (f) => relative(dir, f));
  return { summary, files: writeAnalysis(runDirectory(dir).analysis, summary) };
}
