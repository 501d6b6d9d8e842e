import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CsvAppender, readAllRecords, timingSchema } from '../../src/index.js';
import { timingRow } from '../fixtures/records.js';

const coreEntry = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

describe('a crash loses at most the row being written', () => {
  it('keeps every row appended before the process was killed with SIGKILL', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'poolscope-crash-')), 'timings.csv');
    const script = `
      const { CsvAppender, timingSchema } = await import(${JSON.stringify(coreEntry)});
      const row = ${JSON.stringify(timingRow())};
      const out = CsvAppender.open(${JSON.stringify(file)}, timingSchema);
      for (let repeat = 0; repeat < 25; repeat++) out.append({ ...row, repeat });
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    const rows = await readAllRecords(file, timingSchema);
    expect(rows.map((r) => r.repeat)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('repairs a partial last line when the file is opened again, and appends after it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'poolscope-crash-')), 'timings.csv');
    const out = CsvAppender.open(file, timingSchema);
    out.append(timingRow({ repeat: 0 }));
    out.close();
    const partial = 'run-1,abcdef012345,node-pool,node,v20';
    appendFileSync(file, partial); // what a crash in the middle of a write leaves behind

    await expect(readAllRecords(file, timingSchema)).rejects.toThrow(/:3: row has 5 fields, the header has 18/);
    const resumed = CsvAppender.open(file, timingSchema);
    expect(resumed.repairedBytes).toBe(partial.length);
    resumed.append(timingRow({ repeat: 1 }));
    resumed.close();
    expect((await readAllRecords(file, timingSchema)).map((r) => r.repeat)).toEqual([0, 1]);
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
  });

  it('rewrites the header when a crash cut the file inside it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'poolscope-crash-')), 'timings.csv');
    appendFileSync(file, 'run_id,host_');
    const out = CsvAppender.open(file, timingSchema);
    out.append(timingRow());
    out.close();
    expect(await readAllRecords(file, timingSchema)).toHaveLength(1);
  });
});
