import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TIMING_COLUMNS, coreMessages, formatCsvLine, readAllRecords, readCsvRows, timingSchema } from '../../src/index.js';
import { timingRow } from '../fixtures/records.js';

const tmp = mkdtempSync(join(tmpdir(), 'poolscope-read-'));
let n = 0;
function csvFile(text: string): string {
  const file = join(tmp, `f${n++}.csv`);
  writeFileSync(file, text);
  return file;
}

const validCells = timingSchema.encode(timingRow());
/** A timings file with one valid row, then one row whose `column` holds `text`. */
function withCell(column: string, text: string): string {
  const cells = [...validCells];
  cells[TIMING_COLUMNS.indexOf(column)] = text;
  return csvFile(formatCsvLine(TIMING_COLUMNS) + formatCsvLine(validCells) + formatCsvLine(cells));
}

describe('readAllRecords rejects each kind of invalid cell with file:line', () => {
  const cases: [column: string, text: string, expected: string][] = [
    ['num_threads', 'abc', 'a positive integer'],
    ['num_threads', '0', 'a positive integer'],
    ['num_threads', '-2', 'a positive integer'],
    ['num_tasks', '1.5', 'a positive integer'],
    ['num_tasks', 'NaN', 'a positive integer'],
    ['task_work', 'Infinity', 'a positive integer'],
    ['task_work', '1e3', 'a positive integer'],
    ['num_tasks', '99999999999999999999', 'a positive integer'],
    ['repeat', '-1', 'a non-negative integer'],
    ['wall_ns', 'fast', 'a non-negative integer or empty'],
    ['gil', 'yes', "'true', 'false' or empty"],
    ['task_type', 'gpu', "one of 'cpu', 'io'"],
    ['status', 'OK', "one of 'ok', 'error', 'timeout'"],
    ['started_at', 'yesterday', 'an ISO 8601 timestamp such as 2026-11-25T22:14:25.000Z'],
    ['target', '', 'a non-empty text'],
  ];
  it.each(cases)("column '%s' = '%s'", async (column, text, expected) => {
    const file = withCell(column, text);
    await expect(readAllRecords(file, timingSchema)).rejects.toThrow(
      coreMessages.cellProblem(`${file}:3`, column, coreMessages.expectedGot(expected, text)),
    );
  });

  it('rejects rows whose status and measurements disagree', async () => {
    await expect(readAllRecords(withCell('wall_ns', ''), timingSchema)).rejects.toThrow(/:3: column 'wall_ns': is empty, but a row with status 'ok'/);
    await expect(readAllRecords(withCell('error', 'oops'), timingSchema)).rejects.toThrow(/:3: column 'error': is set, but the row's status is 'ok'/);
    await expect(readAllRecords(withCell('status', 'timeout'), timingSchema)).rejects.toThrow(/:3: column 'error': is empty, but a row with status 'timeout'/);
  });

  it('lists several problems at once, with their lines, and is a bad-data error', async () => {
    const bad = [...validCells];
    bad[TIMING_COLUMNS.indexOf('num_threads')] = 'x';
    bad[TIMING_COLUMNS.indexOf('gil')] = 'maybe';
    const file = csvFile(formatCsvLine(TIMING_COLUMNS) + formatCsvLine(bad) + formatCsvLine(validCells) + formatCsvLine(bad));
    const error = await readAllRecords(file, timingSchema).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_BAD_DATA', exitCode: 2 });
    const lines = (error as Error).message.split('\n');
    expect(lines).toEqual([
      coreMessages.cellProblem(`${file}:2`, 'gil', coreMessages.expectedGot("'true', 'false' or empty", 'maybe')),
      coreMessages.cellProblem(`${file}:2`, 'num_threads', coreMessages.expectedGot('a positive integer', 'x')),
      coreMessages.cellProblem(`${file}:4`, 'gil', coreMessages.expectedGot("'true', 'false' or empty", 'maybe')),
      coreMessages.cellProblem(`${file}:4`, 'num_threads', coreMessages.expectedGot('a positive integer', 'x')),
    ]);
  });

  it('stops after maxProblems', async () => {
    const bad = [...validCells];
    bad[TIMING_COLUMNS.indexOf('repeat')] = 'r';
    const file = csvFile(formatCsvLine(TIMING_COLUMNS) + formatCsvLine(bad).repeat(50));
    const error = (await readAllRecords(file, timingSchema, { maxProblems: 3 }).catch((e: unknown) => e)) as Error;
    expect(error.message.split('\n')).toHaveLength(4);
    expect(error.message).toContain(coreMessages.moreProblems(3));
  });
});

describe('readAllRecords and the file as a whole', () => {
  const header = formatCsvLine(TIMING_COLUMNS);

  it('accepts a BOM, CRLF line ends, blank lines and extra columns', async () => {
    const extra = ['note', ...TIMING_COLUMNS];
    const row = ['hello, "world"\nsecond line', ...validCells];
    const text = '\uFEFF' + (formatCsvLine(extra) + '\n' + stringifyMultiline(row)).replace(/\n/g, '\r\n');
    const rows = await readAllRecords(csvFile(text), timingSchema);
    expect(rows).toEqual([timingRow()]);
  });

  it('reads columns in any order', async () => {
    const reversed = [...TIMING_COLUMNS].reverse();
    const rows = await readAllRecords(csvFile(formatCsvLine(reversed) + formatCsvLine([...validCells].reverse())), timingSchema);
    expect(rows).toEqual([timingRow()]);
  });

  it('gives a header-only file zero rows', async () => {
    expect(await readAllRecords(csvFile(header), timingSchema)).toEqual([]);
  });

  it('rejects an empty file', async () => {
    const file = csvFile('');
    await expect(readAllRecords(file, timingSchema)).rejects.toThrow(coreMessages.emptyFile(file));
  });

  it('names missing and duplicated columns', async () => {
    const missing = csvFile(formatCsvLine(TIMING_COLUMNS.filter((c) => c !== 'wall_ns' && c !== 'status')));
    await expect(readAllRecords(missing, timingSchema)).rejects.toThrow(coreMessages.missingColumns(missing, ['wall_ns', 'status']));
    const duplicated = csvFile(formatCsvLine([...TIMING_COLUMNS, 'num_threads']));
    await expect(readAllRecords(duplicated, timingSchema)).rejects.toThrow(coreMessages.duplicateColumns(duplicated, ['num_threads']));
  });

  it('recognises a file separated by semicolons and says so', async () => {
    const file = csvFile(TIMING_COLUMNS.join(';') + '\n' + validCells.join(';') + '\n');
    const error = (await readAllRecords(file, timingSchema).catch((e: unknown) => e)) as { hint: string };
    expect(error.hint).toBe(coreMessages.delimiterHint(';'));
  });

  it('reports a row with too few fields and suggests --resume', async () => {
    const file = csvFile(header + validCells.slice(0, 4).join(',') + '\n');
    const error = await readAllRecords(file, timingSchema).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: coreMessages.fieldCount(`${file}:2`, 4, 18), hint: coreMessages.fieldCountHint });
  });

  it('reports broken quoting with its line', async () => {
    const file = csvFile(header + formatCsvLine(validCells) + '"unclosed,1\n');
    await expect(readAllRecords(file, timingSchema)).rejects.toThrow(new RegExp(`${file}:3: not valid CSV`));
  });

  it('reports a missing file and a directory as not found', async () => {
    await expect(readAllRecords(join(tmp, 'nope.csv'), timingSchema)).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
      message: coreMessages.fileNotFound(join(tmp, 'nope.csv')),
    });
    const directory = join(tmp, 'a-dir');
    mkdirSync(directory);
    await expect(readAllRecords(directory, timingSchema)).rejects.toMatchObject({ message: coreMessages.notAFile(directory) });
  });

  it('numbers lines from the header, counting the lines inside quoted fields', async () => {
    const file = csvFile('a,b\n"1\n2",3\n\n4,5\n');
    const rows = [];
    for await (const row of readCsvRows(file)) rows.push(row);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
  });
});

/** One CSV line that keeps real line breaks inside quoted fields (formatCsvLine escapes them). */
function stringifyMultiline(cells: readonly string[]): string {
  return cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',') + '\n';
}

describe('line numbers and trimming on large files', () => {
  it('counts the lines of a quoted field that first appears far into the file', async () => {
    // 9,000 plain rows (200 KB: several stream chunks, and more than the reader queues before pausing), then a
    // quoted field holding two line breaks, then a plain row.
    const plain = Array.from({ length: 9000 }, (_, i) => `${i},${'x'.repeat(20)}`).join('\n');
    const file = csvFile(`a,b\n${plain}\n"one\ntwo\nthree",y\nlast,z\n`);
    const rows = [];
    for await (const row of readCsvRows(file)) rows.push(row);
    expect(rows).toHaveLength(9003);
    expect(rows[9000]).toEqual({ line: 9001, cells: ['8999', 'x'.repeat(20)] });
    expect(rows[9001]).toEqual({ line: 9002, cells: ['one\ntwo\nthree', 'y'] });
    expect(rows[9002]).toEqual({ line: 9005, cells: ['last', 'z'] });
  });

  it('trims spaces, tabs and other white space around fields, and nothing else', async () => {
    const file = csvFile('a,b,c,d\n  x ,\ty\t,\u00a0z\u3000,"  q  "\nplain,a b,-,\n');
    const rows = [];
    for await (const row of readCsvRows(file)) rows.push(row.cells);
    expect(rows).toEqual([['a', 'b', 'c', 'd'], ['x', 'y', 'z', 'q'], ['plain', 'a b', '-', '']]);
  });
});
