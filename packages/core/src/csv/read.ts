import { createReadStream, statSync } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import { ERROR_CODES, PoolscopeError } from '../errors.js';
import { coreMessages } from '../messages.js';
import type { CsvSchema } from '../schema/csv-schema.js';

/** One record of a CSV file, with the 1-based line it starts on (the header is line 1). */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** Throws a PoolscopeError unless `file` is a readable regular file. */
export function assertReadableFile(file: string): void {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new PoolscopeError(ERROR_CODES.NOT_FOUND, coreMessages.fileNotFound(file), { hint: coreMessages.fileNotFoundHint });
    throw new PoolscopeError(ERROR_CODES.NOT_FOUND, coreMessages.cannotRead(file, (error as Error).message), { cause: error });
  }
  if (stat.isDirectory()) throw new PoolscopeError(ERROR_CODES.NOT_FOUND, coreMessages.notAFile(file));
}

/**
 * Streams every record of a CSV file, the header included, without loading the file whole.
 * Accepts a BOM, CRLF or LF line ends, and quoted fields holding commas, quotes and line breaks;
 * skips blank lines. Fields are trimmed of surrounding spaces.
 */
export async function* readCsvRows(file: string): AsyncGenerator<CsvRow> {
  assertReadableFile(file);
  const parser = createReadStream(file).pipe(
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: false, trim: true }),
  );
  let lastLine = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = lastLine + 1;
      lastLine = info.lines;
      if (record.length === 1 && record[0] === '') continue;
      yield { line, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const at = (error as CsvError & { lines?: number }).lines ?? lastLine + 1;
      throw new PoolscopeError(ERROR_CODES.BAD_DATA, coreMessages.csvSyntax(`${file}:${at}`, error.message.replace(/^Invalid (Record|Opening|Closing)/, 'invalid $1')), {
        cause: error,
      });
    }
    throw new PoolscopeError(ERROR_CODES.NOT_FOUND, coreMessages.cannotRead(file, (error as Error).message), { cause: error });
  } finally {
    parser.destroy();
  }
}

const DELIMITERS = [';', '\t', '|'];

/**
 * Checks a header against the columns a reader needs and returns where each one is.
 * Extra columns are allowed; missing or duplicated ones are not.
 */
export function locateColumns(file: string, header: readonly string[], required: readonly string[], schemaName: string): Map<string, number> {
  const seen = new Map<string, number>();
  const duplicated = new Set<string>();
  header.forEach((name, i) => (seen.has(name) ? duplicated.add(name) : seen.set(name, i)));
  const missing = required.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    const delimiter = header.length === 1 ? DELIMITERS.find((d) => header[0]!.includes(d)) : undefined;
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, coreMessages.missingColumns(file, missing), {
      hint: delimiter ? coreMessages.delimiterHint(delimiter === '\t' ? 'tab' : delimiter) : coreMessages.columnsHint(schemaName, required),
    });
  }
  const dupRequired = [...duplicated].filter((c) => required.includes(c));
  if (dupRequired.length > 0) throw new PoolscopeError(ERROR_CODES.BAD_DATA, coreMessages.duplicateColumns(file, dupRequired));
  return seen;
}

/** Options of `readRecords`. */
export interface ReadRecordsOptions {
  /** Stop and throw after this many problems. Default 20. */
  maxProblems?: number;
}

/** A validated record with the line it came from. */
export interface LocatedRecord<T> {
  readonly line: number;
  readonly record: T;
}

/**
 * Streams the records of a CSV file, each validated against `schema`. Invalid rows are not
 * yielded: reading goes on to collect up to `maxProblems` of them, then a PoolscopeError
 * (E_BAD_DATA) lists each as `file:line: column 'x': expected ..., got '...'`.
 */
export async function* readRecords<T>(file: string, schema: CsvSchema<T>, options: ReadRecordsOptions = {}): AsyncGenerator<LocatedRecord<T>> {
  const maxProblems = options.maxProblems ?? 20;
  const problems: string[] = [];
  let index: Map<string, number> | undefined;
  let width = 0;
  let fieldCountSeen = false;

  for await (const { line, cells } of readCsvRows(file)) {
    if (!index) {
      index = locateColumns(file, cells, schema.columns, schema.name);
      width = cells.length;
      continue;
    }
    const where = `${file}:${line}`;
    if (cells.length !== width) {
      problems.push(coreMessages.fieldCount(where, cells.length, width));
      fieldCountSeen = true;
    } else {
      const columns = index;
      const decoded = schema.decode((column) => cells[columns.get(column)!] ?? '');
      if (decoded.ok) {
        if (problems.length === 0) yield { line, record: decoded.value };
        continue;
      }
      for (const p of decoded.problems) problems.push(coreMessages.cellProblem(where, p.column, p.message));
    }
    if (problems.length >= maxProblems) break;
  }
  if (!index) throw new PoolscopeError(ERROR_CODES.BAD_DATA, coreMessages.emptyFile(file));
  if (problems.length > 0) {
    const shown = problems.slice(0, maxProblems);
    if (problems.length >= maxProblems) shown.push(coreMessages.moreProblems(maxProblems));
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, shown.join('\n'), {
      hint: fieldCountSeen ? coreMessages.fieldCountHint : coreMessages.badDataHint,
    });
  }
}

/** Reads and validates a whole CSV file; throws (E_BAD_DATA) if any row is invalid. */
export async function readAllRecords<T>(file: string, schema: CsvSchema<T>, options: ReadRecordsOptions = {}): Promise<T[]> {
  const records: T[] = [];
  for await (const { record } of readRecords(file, schema, options)) records.push(record);
  return records;
}
