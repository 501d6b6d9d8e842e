import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostFiles, runDirectory, writeFileAtomic } from '@poolscope/core';
import { analyzeRunDirectory, findRawTimings, type AnalysisSummary } from '@poolscope/analysis';
import { plotDirectory, readCategoryTimes, type FigureFormat, type PlotDirectoryResult } from '@poolscope/plots';
import { harnessExcerpts } from '@poolscope/runner';
import { buildReport } from './build-report.js';
import { renderHtml, type FigureContents } from './html.js';
import { figuresOf, matchHosts, readRowFacts, readRunRecords, type ReportInputs } from './inputs.js';
import { renderMarkdown } from './markdown.js';

/** The stages after measuring, in order. */
export const REPORT_STAGES = ['analyse', 'figures', 'report'] as const;
export type ReportStage = (typeof REPORT_STAGES)[number];

/** What a stage did, for the progress display. */
export type StageResult =
  | { readonly stage: 'analyse'; readonly summary: AnalysisSummary }
  | { readonly stage: 'figures'; readonly plotted: PlotDirectoryResult }
  | { readonly stage: 'report'; readonly files: { readonly markdown: string; readonly html: string } };

export interface RegenerateOptions {
  /** Figure formats. Default: svg and png. */
  readonly formats?: readonly FigureFormat[];
  /** Called as each stage starts and ends (with its duration in seconds). */
  readonly onStage?: (event: { readonly stage: ReportStage; readonly done?: { readonly seconds: number; readonly result: StageResult } }) => void;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Reads a run directory's figure files for the HTML page. */
function figureFiles(dir: string): FigureContents {
  const read = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file)) : undefined);
  return { svg: (file) => read(file)?.toString('utf8'), png: (file) => read(file) };
}

/** Writes report.md and report.html of a run directory whose analysis and figures are done. */
export async function writeReport(dir: string, summary: AnalysisSummary, plotted: PlotDirectoryResult): Promise<{ markdown: string; html: string }> {
  const timings = findRawTimings(dir);
  const rows = await readRowFacts(timings);
  const { profile, reportMarkdown, reportHtml } = runDirectory(dir);
  const inputs: ReportInputs = {
    summary,
    ...figuresOf(dir, plotted),
    ...matchHosts(dir, hostFiles(dir), rows),
    rows,
    ...readRunRecords(dir),
    categories: existsSync(profile) ? await readCategoryTimes(profile) : null,
    harness: harnessExcerpts(),
  };
  const doc = buildReport(inputs);
  const files = { markdown: reportMarkdown, html: reportHtml };
  writeFileAtomic(files.markdown, renderMarkdown(doc));
  writeFileAtomic(files.html, renderHtml(doc, figureFiles(dir)));
  return files;
}

/**
 * `poolscope report DIR`, and the pipeline's last three stages: analyses DIR/raw (writing
 * DIR/analysis), draws DIR/figures, and writes DIR/report.md and DIR/report.html. Measures nothing;
 * works on any run directory, including one whose CSVs were merged from several machines.
 */
export async function regenerate(dir: string, options: RegenerateOptions = {}): Promise<{ summary: AnalysisSummary; plotted: PlotDirectoryResult; files: { markdown: string; html: string } }> {
  const emit = options.onStage ?? (() => undefined);
  let t = performance.now();
  emit({ stage: 'analyse' });
  const { summary } = await analyzeRunDirectory(dir);
  emit({ stage: 'analyse', done: { seconds: seconds(t), result: { stage: 'analyse', summary } } });

  t = performance.now();
  emit({ stage: 'figures' });
  const plotted = await plotDirectory(dir, options.formats ? { formats: options.formats } : {});
  emit({ stage: 'figures', done: { seconds: seconds(t), result: { stage: 'figures', plotted } } });

  t = performance.now();
  emit({ stage: 'report' });
  const files = await writeReport(dir, summary, plotted);
  emit({ stage: 'report', done: { seconds: seconds(t), result: { stage: 'report', files } } });
  return { summary, plotted, files };
}
