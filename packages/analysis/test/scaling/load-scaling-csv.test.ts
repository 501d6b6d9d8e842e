import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@poolscope/core';
import { loadScalingCsv } from '../../src/scaling/load-scaling-csv.js';
import { analysisMessages } from '../../src/messages.js';
import { tempDir } from '../fixtures/write-timings.js';

const write = (text: string) => {
  const file = join(tempDir(), 'data.csv');
  writeFileSync(file, text);
  return file;
};

describe('loadScalingCsv', () => {
  it('reads x, y and by columns, accepting a BOM, CRLF, quotes and extra columns', async () => {
    const file = write('\uFEFFnote,users,rps,site\r\n"a, b",1,10,x\r\n"multi\nline",2,19,x\r\n');
    const table = await loadScalingCsv(file, { x: 'users', y: 'rps', by: ['site'] });
    const rows = Array.from({ length: table.numRows() }, (_, i) => Object.fromEntries(table.columnNames().map((c) => [c, table.array(c)[i]])));
    expect(rows).toEqual([
      { users: 1, rps: 10, site: 'x' },
      { users: 2, rps: 19, site: 'x' },
    ]);
  });

  it('names the file, line and column of a zero, negative or non-numeric value', async () => {
    for (const bad of ['0', '-3', 'abc', '']) {
      const file = write(`users,rps\n1,10\n2,${bad}\n`);
      await expect(loadScalingCsv(file, { x: 'users', y: 'rps' })).rejects.toMatchObject({
        code: ERROR_CODES.BAD_DATA,
        message: analysisMessages.notPositive(`${file}:3`, 'rps', bad),
      });
    }
  });

  it('names a missing column', async () => {
    const file = write('users,rps\n1,10\n');
    await expect(loadScalingCsv(file, { x: 'threads', y: 'rps' })).rejects.toMatchObject({ code: ERROR_CODES.BAD_DATA, message: expect.stringContaining("'threads'") });
  });
});
