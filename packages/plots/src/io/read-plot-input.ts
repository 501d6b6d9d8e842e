import { existsSync, readFileSync } from 'node:fs';
import { ERROR_CODES, PoolscopeError, profileSchema, readRecords, runDirectory } from '@poolscope/core';
import type { CategoryTime, PlotInput } from '../types.js';
import { CategoryTimeAccumulator } from '../data/category-times.js';
import { plotInputFromSummary } from '../data/from-summary.js';
import { summaryDocumentSchema, type SummaryDocument } from '../data/summary-schema.js';
import { plotsMessages } from '../messages.js';

/** Reads and checks `summary.json` as `poolscope analyze DIR` writes it. */
export function readSummary(file: string): SummaryDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new PoolscopeError(ERROR_CODES.NOT_FOUND, plotsMessages.summaryMissing(file), { hint: plotsMessages.summaryMissingHint });
    }
    throw new PoolscopeError(ERROR_CODES.NOT_FOUND, plotsMessages.cannotRead(file, (error as Error).message), { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, plotsMessages.summaryNotJson(file, (error as Error).message), { hint: plotsMessages.summaryRegenerateHint, cause: error });
  }
  const version = (json as { schema_version?: unknown } | null)?.schema_version;
  if (json !== null && typeof json === 'object' && version !== undefined && version !== 1) {
    throw new PoolscopeError(ERROR_CODES.SCHEMA_MISMATCH, plotsMessages.summaryVersion(file, String(version)), { hint: plotsMessages.summaryRegenerateHint });
  }
  const parsed = summaryDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => plotsMessages.summaryProblem(issue.path.map(String).join('.') || '(top level)', issue.message));
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, plotsMessages.summaryInvalid(file, problems), { hint: plotsMessages.summaryRegenerateHint });
  }
  return parsed.data;
}

/** Time per function category of every profiled cell in `raw/profile.csv` (streamed). */
export async function readCategoryTimes(file: string): Promise<CategoryTime[]> {
  const accumulator = new CategoryTimeAccumulator();
  for await (const { record } of readRecords(file, profileSchema)) accumulator.add(record);
  return accumulator.times();
}

/**
 * What the figures of a run directory are drawn from: `DIR/analysis/summary.json` (required)
 * and `DIR/raw/profile.csv` (when the run was profiled).
 */
export async function readPlotInput(dir: string): Promise<PlotInput> {
  const paths = runDirectory(dir);
  const summary = readSummary(paths.summary);
  const categories = existsSync(paths.profile) ? await readCategoryTimes(paths.profile) : null;
  return plotInputFromSummary(summary, categories);
}
