import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAllRecords, timingSchema, type TimingRecord } from '@poolscope/core';
import { runnerMessages } from '@poolscope/runner';
import { runCliMessages } from '../../src/commands/run-messages.js';

const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const tmp = () => mkdtempSync(join(tmpdir(), 'poolscope-cli-int-'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dataLines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 2 : 0);
const key = (r: TimingRecord) => `${r.target} ${r.num_threads} ${r.repeat}`;

/** Starts the real binary; resolves with its exit code (null if killed by a signal) and output once it ends. */
function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

describe('Ctrl-C during poolscope run (the real binary)', () => {
  it('finishes the repetition in hand, keeps every row, exits 130, and can be resumed', async () => {
    const out = tmp();
    const file = join(out, 'raw', 'timings.csv');
    const args = ['run', '--out', out, '--task-types', 'io', '--tasks', '40', '--threads', '1,2', '--repeats', '15', '--warmup', '0', '--task-work', '2000'];
    const { child, done } = start(args);
    const deadline = Date.now() + 30_000;
    while (dataLines(file) < 3 && Date.now() < deadline) await sleep(10);
    child.kill('SIGINT');
    const { code, stderr } = await done;
    expect(code).toBe(130);
    expect(stderr).toContain(runCliMessages.stopping);
    expect(stderr).toContain(runnerMessages.interruptedHint(out));
    const kept = await readAllRecords(file, timingSchema);
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept.length).toBeLessThan(60);

    const resumed = start(['run', '--out', out, '--resume']);
    expect((await resumed.done).code).toBe(0);
    const rows = await readAllRecords(file, timingSchema);
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map(key)).size).toBe(60);
  });

  it('stops at once on a second Ctrl-C, abandoning the repetition in hand', async () => {
    const out = tmp();
    // One repetition takes 20 x 0.5 s on one thread: far longer than the test waits.
    const { child, done } = start(['run', '--out', out, '--targets', 'node-pool', '--task-types', 'io', '--tasks', '20', '--threads', '1', '--repeats', '1', '--warmup', '0', '--task-work', '500000']);
    const deadline = Date.now() + 30_000;
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    while (!stderr.includes('run run-') && Date.now() < deadline) await sleep(10);
    await sleep(300);
    const started = Date.now();
    child.kill('SIGINT');
    await sleep(100);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await readAllRecords(join(out, 'raw', 'timings.csv'), timingSchema)).toHaveLength(0);
  });
});

describe('SIGKILL during poolscope run (the real binary)', () => {
  it('loses and duplicates nothing: --resume completes exactly the planned rows, failed ones included', async () => {
    const out = tmp();
    const file = join(out, 'raw', 'timings.csv');
    // node-main's 2-thread cell fails at once (its task 3 exits the thread): its rows are data too.
    const faults = JSON.stringify([{ kind: 'crash', task: 3, target: 'node-main', cells: { num_threads: 2 } }]);
    const args = ['run', '--out', out, '--targets', 'node-pool,node-main', '--task-types', 'io', '--tasks', '40', '--threads', '1,2', '--repeats', '10', '--warmup', '0', '--task-work', '2000'];
    const { child, done } = start(args, { [runCliMessages.faultsVariable]: faults });
    const deadline = Date.now() + 30_000;
    while (dataLines(file) < 8 && Date.now() < deadline) await sleep(5);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const before = readFileSync(file, 'utf8');
    const complete = before.slice(0, before.lastIndexOf('\n') + 1);
    const rowsBefore = complete.split('\n').length - 2;
    expect(rowsBefore).toBeGreaterThanOrEqual(8);
    expect(rowsBefore).toBeLessThan(40);

    const resumed = start(['run', '--out', out, '--resume'], { [runCliMessages.faultsVariable]: faults });
    const { code, stderr } = await resumed.done;
    expect(code, stderr).toBe(0);
    // Every row written before the kill is kept as it was; a line cut by the kill is repaired.
    expect(readFileSync(file, 'utf8').startsWith(complete)).toBe(true);
    const rows = await readAllRecords(file, timingSchema);
    const planned = ['node-pool', 'node-main'].flatMap((target) => [1, 2].flatMap((threads) => Array.from({ length: 10 }, (_, r) => `${target} ${threads} ${r}`)));
    expect(rows.map(key).sort()).toEqual(planned.sort());
    expect(rows.filter((r) => r.target === 'node-main' && r.num_threads === 2).every((r) => r.status === 'error')).toBe(true);
    expect(rows.filter((r) => !(r.target === 'node-main' && r.num_threads === 2)).every((r) => r.status === 'ok')).toBe(true);
  });
});
