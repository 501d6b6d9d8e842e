import { createReadStream, statSync } from 'node:fs';
import Papa from 'papaparse';
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

/** Rows parsed ahead of the consumer before the parser pauses. */
const QUEUE_LIMIT = 4096;

/**
 * The longest line read, in characters. A timings row is about 200 characters and a profile row a
 * few hundred; a line far longer is not a CSV of records (a binary file, a file of NUL bytes), and
 * the parser would otherwise hold all of it in one string until memory or V8's string limit runs out.
 */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

/**
 * Streams every record of a CSV file, the header included, without loading the file whole.
 * Accepts a BOM, CRLF or LF line ends, and quoted fields holding commas, quotes and line breaks;
 * skips blank lines. Fields are trimmed of surrounding spaces.
 *
 * Papa Parse tokenizes (about ten times faster here than csv-parse, see the README's design
 * choices); its step callback feeds a bounded queue, pausing the parser while the consumer lags.
 */
export async function* readCsvRows(file: string): AsyncGenerator<CsvRow> {
  for await (const batch of readCsvBatches(file)) yield* batch;
}

/** `readCsvRows` in batches of rows, which saves an async step per row on large files. */
export async function* readCsvBatches(file: string): AsyncGenerator<CsvRow[]> {
  assertReadableFile(file);
  const input = createReadStream(file, { encoding: 'utf8' });
  const queue: CsvRow[] = [];
  let parser: Papa.Parser | undefined;
  let done = false;
  let paused = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  let nextLine = 1;
  // A field can only hold a line break inside quotes. Until the file shows a quote, no record spans
  // lines and counting them needs no look into every field. This listener is added before Papa
  // Parse's, so it sees each chunk before any of its rows are parsed.
  let quoted = false;
  const watchQuotes = (chunk: string | Buffer) => {
    if (chunk.includes('"')) {
      quoted = true;
      input.off('data', watchQuotes);
    }
  };
  input.on('data', watchQuotes);
  // Characters since the last line break, checked before Papa Parse sees each chunk: every line
  // before the one too long has then been parsed, so `nextLine` is its number.
  let lineChars = 0;
  const watchLineLength = (chunk: string | Buffer) => {
    const text = chunk as string;
    const lastBreak = text.lastIndexOf('\n');
    lineChars = lastBreak < 0 ? lineChars + text.length : text.length - lastBreak - 1;
    if (lineChars > MAX_LINE_CHARS && failure === undefined) {
      failure = new PoolscopeError(ERROR_CODES.BAD_DATA, coreMessages.lineTooLong(`${file}:${nextLine}`, `${MAX_LINE_CHARS / (1024 * 1024)} MiB`), {
        hint: coreMessages.lineTooLongHint,
      });
      done = true;
      parser?.abort();
      input.destroy();
      signal();
    }
  };
  input.on('data', watchLineLength);

  Papa.parse<string[]>(input, {
    delimiter: ',',
    skipEmptyLines: false,
    step(result, handle) {
      parser = handle;
      const cells = result.data;
      const line = nextLine;
      nextLine++;
      const problem = result.errors[0];
      if (problem && failure === undefined) {
        failure = new PoolscopeError(ERROR_CODES.BAD_DATA, coreMessages.csvSyntax(`${file}:${line}`, problem.message));
        handle.abort();
        return;
      }
      // A record spans one line plus one more per line break inside its quoted fields.
      if (quoted) for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) nextLine++;
      if (cells.length === 1 && cells[0]!.trim() === '') return;
      if (line === 1 && cells[0]?.charCodeAt(0) === 0xfeff) cells[0] = cells[0].slice(1);
      trimInPlace(cells);
      queue.push({ line, cells });
      if (queue.length >= QUEUE_LIMIT && !paused) {
        paused = true;
        handle.pause();
      }
      signal();
    },
    complete() {
      done = true;
      signal();
    },
    error(error: Error) {
      failure ??= new PoolscopeError(ERROR_CODES.NOT_FOUND, coreMessages.cannotRead(file, error.message), { cause: error });
      done = true;
      signal();
    },
  });
  input.on('error', (error) => {
    failure ??= new PoolscopeError(ERROR_CODES.NOT_FOUND, coreMessages.cannotRead(file, error.message), { cause: error });
    done = true;
    signal();
  });

  try {
    for (;;) {
      if (queue.length > 0) {
        yield queue.splice(0, queue.length);
        continue;
      }
      if (failure !== undefined) throw failure;
      if (done) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
        // Resuming a parser that is not paused makes Papa Parse poll every 3 ms: only resume a paused one.
        if (paused) {
          paused = false;
          parser?.resume();
        }
      });
    }
  } finally {
    if (!done) parser?.abort();
    input.destroy();
  }
}

/**
 * Trims every field of its surrounding white space, in place. Most fields start and end with a
 * printable ASCII character (33-126), which String.prototype.trim would leave as is: those are not
 * touched, which spares a call and an array per row on large files.
 */
function trimInPlace(cells: string[]): void {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const last = cell.length - 1;
    if (last < 0) continue;
    const first = cell.charCodeAt(0);
    const end = cell.charCodeAt(last);
    if (first < 33 || first > 126 || end < 33 || end > 126) cells[i] = cell.trim();
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
  if (dupRequired.length > 0)
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, coreMessages.duplicateColumns(file, dupRequired), { hint: coreMessages.duplicateColumnsHint });
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
  for await (const batch of readRecordBatches(file, schema, options)) yield* batch;
}

/** `readRecords` in batches, for large files: one async step per batch instead of per record. */
export async function* readRecordBatches<T>(
  file: string,
  schema: CsvSchema<T>,
  options: ReadRecordsOptions = {},
): AsyncGenerator<LocatedRecord<T>[]> {
  const maxProblems = options.maxProblems ?? 20;
  const problems: string[] = [];
  let at: number[] | undefined;
  let width = 0;
  let fieldCountSeen = false;

  reading: for await (const rows of readCsvBatches(file)) {
    const records: LocatedRecord<T>[] = [];
    for (const { line, cells } of rows) {
      if (!at) {
        const index = locateColumns(file, cells, schema.columns, schema.name);
        at = schema.columns.map((c) => index.get(c)!);
        width = cells.length;
        continue;
      }
      if (cells.length !== width) {
        problems.push(coreMessages.fieldCount(`${file}:${line}`, cells.length, width));
        fieldCountSeen = true;
      } else {
        const decoded = schema.decode(cells, at);
        if (decoded.ok) {
          if (problems.length === 0) records.push({ line, record: decoded.value });
          continue;
        }
        for (const p of decoded.problems) problems.push(coreMessages.cellProblem(`${file}:${line}`, p.column, p.message));
      }
      if (problems.length >= maxProblems) break reading;
    }
    if (records.length > 0) yield records;
  }
  if (!at) throw new PoolscopeError(ERROR_CODES.BAD_DATA, coreMessages.emptyFile(file));
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
  for await (const batch of readRecordBatches(file, schema, options)) for (const { record } of batch) records.push(record);
  return records;
}
