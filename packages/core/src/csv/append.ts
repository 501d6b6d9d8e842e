import { closeSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { ERROR_CODES, PoolscopeError } from '../errors.js';
import { coreMessages } from '../messages.js';
import type { CsvSchema } from '../schema/csv-schema.js';
import { syncDirectory } from '../fs/sync-directory.js';
import { fsErrorReason } from '../fs/fs-error-reason.js';

/**
 * Formats cells as one CSV line. Line breaks inside a cell are written as the two characters `\n`
 * so that every row is exactly one line: that is what lets a file cut by a crash be repaired by
 * dropping everything after its last line break.
 */
export function formatCsvLine(cells: readonly string[]): string {
  return stringify([cells.map((c) => c.replace(/\r\n|\r|\n/g, '\\n'))], { record_delimiter: 'unix' });
}

function outputError(file: string, error: unknown): PoolscopeError {
  return new PoolscopeError(ERROR_CODES.OUTPUT, coreMessages.cannotWrite(file, fsErrorReason(error)), {
    hint: coreMessages.cannotWriteHint,
    cause: error,
  });
}

/** Reads up to `length` bytes at `position`. */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const n = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, n);
}

/** The first line of an open file, without its line end (at most 64 KiB are read). */
function firstLine(fd: number): string {
  const head = readAt(fd, 0, 64 * 1024).toString('utf8');
  const end = head.indexOf('\n');
  return (end < 0 ? head : head.slice(0, end)).replace(/\r$/, '').replace(/^\uFEFF/, '');
}

/**
 * Cuts a partial last line (left by a crash in the middle of a write) so the file ends with a line
 * break. Returns the number of bytes removed.
 */
function repairTail(fd: number, size: number): number {
  let end = size;
  const chunk = 64 * 1024;
  while (end > 0) {
    const start = Math.max(0, end - chunk);
    const bytes = readAt(fd, start, end - start);
    const newline = bytes.lastIndexOf(0x0a);
    if (newline >= 0) {
      const keep = start + newline + 1;
      if (keep < size) ftruncateSync(fd, keep);
      return size - keep;
    }
    end = start;
  }
  ftruncateSync(fd, 0);
  return size;
}

/**
 * Appends validated records to a CSV file, one line per record, each flushed to disk (fsync)
 * before `append` returns: a crash loses at most the row being written.
 *
 * Opening an existing file checks that its header is this schema's and repairs a partial last
 * line, so a killed run can be resumed into the same file.
 */
export class CsvAppender<T> {
  /** Bytes cut from the end of an existing file because its last line was incomplete. */
  readonly repairedBytes: number;
  #fd: number | undefined;

  private constructor(
    readonly file: string,
    private readonly schema: CsvSchema<T>,
    fd: number,
    repairedBytes: number,
  ) {
    this.#fd = fd;
    this.repairedBytes = repairedBytes;
  }

  /** Opens `file` for appending, creating it (and its directory) with a header if needed. */
  static open<T>(file: string, schema: CsvSchema<T>): CsvAppender<T> {
    let fd: number;
    try {
      mkdirSync(dirname(file), { recursive: true });
      fd = openSync(file, 'a+');
    } catch (error) {
      throw outputError(file, error);
    }
    try {
      const size = fstatSync(fd).size;
      const repaired = size > 0 ? repairTail(fd, size) : 0;
      if (size - repaired === 0) {
        writeSync(fd, formatCsvLine(schema.columns));
        fsyncSync(fd);
        syncDirectory(dirname(file));
      } else if (firstLine(fd) !== formatCsvLine(schema.columns).trimEnd()) {
        throw new PoolscopeError(ERROR_CODES.SCHEMA_MISMATCH, coreMessages.headerMismatch(file, schema.name), {
          hint: coreMessages.headerMismatchHint,
        });
      }
      return new CsvAppender(file, schema, fd, repaired);
    } catch (error) {
      closeSync(fd);
      throw error instanceof PoolscopeError ? error : outputError(file, error);
    }
  }

  /** Validates and appends one record, then flushes it to disk. */
  append(record: T): void {
    this.appendAll([record]);
  }

  /** Validates and appends records with a single flush; none is written if one is invalid. */
  appendAll(records: readonly T[]): void {
    const fd = this.#fd;
    if (fd === undefined) throw new PoolscopeError(ERROR_CODES.INTERNAL, `${this.file}: append after close`);
    let text = '';
    for (const record of records) {
      const checked = this.schema.zod.safeParse(record);
      if (!checked.success) {
        const problems = checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new PoolscopeError(ERROR_CODES.INTERNAL, coreMessages.invalidRecord(this.schema.name, problems));
      }
      text += formatCsvLine(this.schema.encode(checked.data));
    }
    if (text === '') return;
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } catch (error) {
      throw outputError(this.file, error);
    }
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}
