import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAllRecords, timingSchema, type TimingRecord } from '@poolscope/core';
import { rowKey } from '../../src/plan/cells.js';
import { runMatrix } from '../../src/run/run.js';

const child = fileURLToPath(new URL('../fixtures/run-child.mjs', import.meta.url));
const options = { targets: ['node-pool', 'node-main'], taskTypes: ['io'], tasks: [20, 40], threads: [1, 2, 4], repeats: 3, warmup: 0, taskWork: { io: 1000 } } as const;
const tmp = () => mkdtempSync(join(tmpdir(), 'poolscope-kill-'));
const dataLines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 2 : 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const keys = (rows: TimingRecord[]) => rows.map(rowKey).sort();

describe('--resume after SIGKILL', () => {
  it('completes exactly the rows of an uninterrupted run, losing and duplicating none', async () => {
    const out = tmp();
    const file = join(out, 'raw', 'timings.csv');
    const proc = spawn(process.execPath, [child, out, JSON.stringify(options)], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 30_000;
    while (dataLines(file) < 10 && Date.now() < deadline) await sleep(5);
    proc.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // Everything written before the kill, up to the last complete line.
    const before = readFileSync(file, 'utf8');
    const complete = before.slice(0, before.lastIndexOf('\n') + 1);
    const rowsBefore = complete.split('\n').length - 2;
    expect(rowsBefore).toBeGreaterThanOrEqual(10);
    expect(rowsBefore).toBeLessThan(36);

    const resumed = await runMatrix({ ...options, out, env: {}, resume: true });
    expect(resumed.rows_written).toBe(36 - rowsBefore);
    expect(readFileSync(file, 'utf8').startsWith(complete)).toBe(true);

    const uninterrupted = tmp();
    await runMatrix({ ...options, out: uninterrupted, env: {} });
    const rows = await readAllRecords(file, timingSchema);
    expect(rows).toHaveLength(36);
    expect(keys(rows)).toEqual(keys(await readAllRecords(join(uninterrupted, 'raw', 'timings.csv'), timingSchema)));
  });
});
