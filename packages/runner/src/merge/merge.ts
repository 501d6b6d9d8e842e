import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  CsvAppender,
  ERROR_CODES,
  PoolscopeError,
  coreMessages,
  fsErrorReason,
  locateColumns,
  profileSchema,
  readCsvRows,
  readRecords,
  syncDirectory,
  timingSchema,
  type CsvSchema,
  type ProfileRecord,
  type TimingRecord,
} from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { cellKey } from '../plan/cells.js';
import { FirstSeen } from './first-seen.js';

/** A schema merge knows, with the identity of one of its rows: its cell and its repetition. */
interface Mergeable<T> {
  readonly schema: CsvSchema<T>;
  /** Every field of a row's identity but the repetition. */
  readonly cell: (record: T) => string;
  readonly repeat: (record: T) => number;
  readonly runId: (record: T) => string;
}

const MERGEABLE = [
  { schema: timingSchema, cell: (r: TimingRecord) => cellKey(r), repeat: (r: TimingRecord) => r.repeat, runId: (r: TimingRecord) => r.run_id } satisfies Mergeable<TimingRecord>,
  {
    schema: profileSchema,
    cell: (r: ProfileRecord) => `${r.target}|${r.task_type}|${r.num_tasks}|${r.num_threads}|${r.function}`,
    repeat: (r: ProfileRecord) => r.repeat,
    runId: (r: ProfileRecord) => r.run_id,
  } satisfies Mergeable<ProfileRecord>,
] as readonly Mergeable<unknown>[];

/**
 * Rows appended (and flushed to disk) at a time. Each append ends in an fsync: at 1000 rows a
 * batch, fsync took a tenth of a merge's time on this repository's machine.
 */
const MERGE_BATCH = 16_384;

/** Options of `mergeCsvFiles`. */
export interface MergeOptions {
  /** The CSV files to join: timings.csv files, or profile.csv files, of one schema. */
  readonly inputs: readonly string[];
  /** The merged file; written whole or not at all. */
  readonly output: string;
  /** Receives warnings (ignored extra columns, inputs from several runs). */
  readonly onWarning?: (message: string) => void;
}

/** What a merge wrote. */
export interface MergeSummary {
  /** The schema of the files: `timings` or `profile`. */
  readonly schema: string;
  readonly rows: number;
  readonly run_ids: readonly string[];
}

async function headerOf(file: string): Promise<readonly string[]> {
  for await (const row of readCsvRows(file)) return row.cells;
  return [];
}

/** The known schema whose columns the header holds; a bad-data error naming what is missing otherwise. */
function schemaOf(file: string, header: readonly string[]): Mergeable<unknown> {
  if (header.length === 0) throw new PoolscopeError(ERROR_CODES.BAD_DATA, coreMessages.emptyFile(file), { hint: runnerMessages.mergeEmptyHint });
  const found = MERGEABLE.find((m) => m.schema.columns.every((c) => header.includes(c)));
  if (found) return found;
  // Explain against the closest schema: which of its columns are missing (or a wrong delimiter).
  const closest = [...MERGEABLE].sort((a, b) => overlap(b, header) - overlap(a, header))[0]!;
  if (header.length > 0 && overlap(closest, header) === 0 && header.length > 1)
    throw new PoolscopeError(ERROR_CODES.SCHEMA_MISMATCH, runnerMessages.mergeUnknownSchema(file), { hint: runnerMessages.mergeMismatchHint });
  locateColumns(file, header, closest.schema.columns, closest.schema.name);
  return closest;
}

/** The reason inside an error: the cause of a PoolscopeError (its own message names another file), else the message. */
function errorText(error: unknown): string {
  const cause = error instanceof PoolscopeError ? error.cause : error;
  return cause === undefined ? String((error as Error).message) : fsErrorReason(cause);
}

const overlap = (m: Mergeable<unknown>, header: readonly string[]) => m.schema.columns.filter((c) => header.includes(c)).length;

/**
 * Joins CSV files of one schema (the shards' timings.csv files, or their profile.csv files) into
 * one file in the schema's column order. Every row is validated; files of different schemas and
 * rows that appear twice (the same cell and repetition) are refused, naming the files and lines.
 * The output is written to a temporary file and renamed into place, so it is whole or absent.
 */
export async function mergeCsvFiles(options: MergeOptions): Promise<MergeSummary> {
  const { inputs, output } = options;
  const warn = options.onWarning ?? (() => undefined);
  if (inputs.length === 0) throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.mergeNeedsInputs);
  if (inputs.some((file) => resolve(file) === resolve(output)))
    throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.mergeOutputIsInput(output), { hint: runnerMessages.mergeOutputIsInputHint });

  // Every file's schema first, so a mismatch is reported before anything is written.
  let first: { file: string; merge: Mergeable<unknown> } | undefined;
  for (const file of inputs) {
    const header = await headerOf(file);
    const merge = schemaOf(file, header);
    if (first && merge !== first.merge)
      throw new PoolscopeError(ERROR_CODES.SCHEMA_MISMATCH, runnerMessages.mergeMismatch(file, merge.schema.name, first.file, first.merge.schema.name), {
        hint: runnerMessages.mergeMismatchHint,
      });
    first ??= { file, merge };
    const extra = header.filter((c) => !merge.schema.columns.includes(c));
    if (extra.length > 0) warn(runnerMessages.mergeExtraColumns(file, extra));
  }
  const { merge } = first!;

  const temporary = join(dirname(output), `.${basename(output)}.${process.pid}.merge.tmp`);
  const seen = new FirstSeen();
  const runIds = new Set<string>();
  let appender: CsvAppender<unknown>;
  try {
    appender = CsvAppender.open(temporary, merge.schema);
  } catch (error) {
    // Name the file asked for, not the temporary one beside it.
    throw new PoolscopeError(ERROR_CODES.OUTPUT, coreMessages.cannotWrite(output, errorText(error)), { hint: coreMessages.cannotWriteHint, cause: error });
  }
  try {
    for (const [index, file] of inputs.entries()) {
      let batch: unknown[] = [];
      for await (const { line, record } of readRecords(file, merge.schema)) {
        const first = seen.claim(merge.cell(record), merge.repeat(record), index, line);
        if (first !== undefined)
          throw new PoolscopeError(ERROR_CODES.BAD_DATA, runnerMessages.mergeDuplicate(`${file}:${line}`, `${inputs[first.file]}:${first.line}`), {
            hint: runnerMessages.mergeDuplicateHint,
          });
        runIds.add(merge.runId(record));
        batch.push(record);
        if (batch.length >= MERGE_BATCH) {
          appender.appendAll(batch);
          batch = [];
        }
      }
      appender.appendAll(batch);
    }
    appender.close();
    renameSync(temporary, output);
    syncDirectory(dirname(output));
  } catch (error) {
    appender.close();
    rmSync(temporary, { force: true });
    if (error instanceof PoolscopeError) throw error;
    throw new PoolscopeError(ERROR_CODES.OUTPUT, coreMessages.cannotWrite(output, errorText(error)), { hint: coreMessages.cannotWriteHint, cause: error });
  }
  if (runIds.size > 1) warn(runnerMessages.mergeRunIds([...runIds].sort()));
  return { schema: merge.schema.name, rows: seen.size, run_ids: [...runIds].sort() };
}
