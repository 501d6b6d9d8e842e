import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvAppender, PROFILE_COLUMNS, TIMING_COLUMNS, profileSchema, readAllRecords, timingSchema, type ProfileRecord, type TimingRecord } from '@poolscope/core';
import { mergeCsvFiles } from '../../src/merge/merge.js';
import { runnerMessages } from '../../src/messages.js';
import { rowKey } from '../../src/plan/cells.js';
import { runMatrix } from '../../src/run/run.js';
import { nodeTargetRegistry } from '../../src/targets/node/registry.js';
import { fakeRegistry } from '../fixtures/fake-target.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'poolscope-merge-'));
const timings = (out: string) => join(out, 'raw', 'timings.csv');

const row = (over: Partial<TimingRecord> = {}): TimingRecord =>
  ({
    run_id: 'run-1',
    host_id: 'h',
    target: 'node-pool',
    runtime: 'node',
    runtime_version: '20',
    gil: null,
    task_type: 'cpu',
    task_work: 100,
    num_tasks: 10,
    num_threads: 1,
    repeat: 0,
    wall_ns: 5,
    cpu_user_ns: 5,
    cpu_sys_ns: 0,
    max_rss_kb: 1,
    status: 'ok',
    error: '',
    started_at: '2026-11-25T22:00:00.000Z',
    ...over,
  }) as TimingRecord;

function writeRows<T>(file: string, schema: typeof timingSchema | typeof profileSchema, rows: T[]): string {
  const appender = CsvAppender.open(file, schema as never);
  appender.appendAll(rows as never[]);
  appender.close();
  return file;
}

describe('shards of one matrix', () => {
  it('1/3, 2/3 and 3/3, merged, give the cells and rows of the whole run', async () => {
    const options = { env: {}, targets: ['node-pool', 'node-main'], taskTypes: ['io'], tasks: [4, 6, 8], threads: [1, 2], repeats: 2, warmup: 0, taskWork: { io: 200 } } as const;
    const registry = nodeTargetRegistry();
    const whole = tmp();
    const wholeRun = await runMatrix({ ...options, out: whole, registry });
    const dirs = [1, 2, 3].map(() => tmp());
    const shardRuns = [];
    for (const [i, out] of dirs.entries()) shardRuns.push(await runMatrix({ ...options, out, registry, shard: { index: i + 1, count: 3 } }));

    // The shards agree on the run id without talking to each other.
    expect(new Set(shardRuns.map((r) => r.run_id))).toEqual(new Set([wholeRun.run_id]));
    const merged = join(tmp(), 'all.csv');
    const summary = await mergeCsvFiles({ inputs: dirs.map(timings), output: merged });
    const keys = (rows: TimingRecord[]) => rows.map(rowKey).sort();
    const wholeRows = await readAllRecords(timings(whole), timingSchema);
    expect(summary).toEqual({ schema: 'timings', rows: wholeRows.length, run_ids: [wholeRun.run_id] });
    expect(keys(await readAllRecords(merged, timingSchema))).toEqual(keys(wholeRows));
    // Each shard did real work: 12 cells over 3 shards, 2 speedup curves each.
    for (const run of shardRuns) expect(run.cells_total).toBe(4);
  });

  it('takes the shard from a Slurm array job', async () => {
    const out = tmp();
    const { registry } = fakeRegistry();
    const summary = await runMatrix({
      out,
      registry,
      targets: ['fake-a'],
      tasks: [1, 2, 3, 4],
      threads: [1],
      env: { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '3', SLURM_ARRAY_TASK_COUNT: '2' },
    });
    expect(summary.shard).toEqual({ index: 2, count: 2 });
    expect(summary.cells_total).toBe(4);
  });

  it('warns when a shard gets no cells', async () => {
    const messages: string[] = [];
    const { registry } = fakeRegistry();
    await runMatrix({ out: tmp(), registry, targets: ['fake-a'], taskTypes: ['cpu'], tasks: [5], threads: [1], shard: { index: 2, count: 2 }, env: {}, onEvent: (e) => e.type === 'warning' && messages.push(e.message) });
    expect(messages).toEqual([runnerMessages.emptyShard(2, 2, 1)]);
  });
});

describe('mergeCsvFiles', () => {
  it('keeps text with commas, quotes and line breaks intact', async () => {
    const dir = tmp();
    const a = writeRows(join(dir, 'a.csv'), timingSchema, [row({ status: 'error', error: 'a "quoted", odd\nmessage', wall_ns: null } as Partial<TimingRecord>)]);
    const b = writeRows(join(dir, 'b.csv'), timingSchema, [row({ repeat: 1 })]);
    await mergeCsvFiles({ inputs: [a, b], output: join(dir, 'out.csv') });
    const rows = await readAllRecords(join(dir, 'out.csv'), timingSchema);
    expect(rows.map((r) => r.error)).toEqual(['a "quoted", odd\\nmessage', '']);
  });

  it('refuses files of different schemas before writing anything', async () => {
    const dir = tmp();
    const a = writeRows(join(dir, 'timings.csv'), timingSchema, [row()]);
    const profile: ProfileRecord = { run_id: 'run-1', target: 'x', task_type: 'cpu', num_tasks: 1, num_threads: 1, repeat: 0, function: 'f', category: 'task', self_ns: 1, total_ns: 1, calls: null };
    const b = writeRows(join(dir, 'profile.csv'), profileSchema, [profile]);
    const output = join(dir, 'out.csv');
    await expect(mergeCsvFiles({ inputs: [a, b], output })).rejects.toMatchObject({ code: 'E_SCHEMA_MISMATCH', message: runnerMessages.mergeMismatch(b, 'profile', a, 'timings') });
    expect(existsSync(output)).toBe(false);
    // Profile files merge among themselves.
    const c = writeRows(join(dir, 'profile2.csv'), profileSchema, [{ ...profile, function: 'g' }]);
    expect(await mergeCsvFiles({ inputs: [b, c], output })).toEqual({ schema: 'profile', rows: 2, run_ids: ['run-1'] });
    expect(readFileSync(output, 'utf8').split('\n')[0]).toBe(PROFILE_COLUMNS.join(','));
  });

  it('refuses a row given twice, naming both places, and leaves no output', async () => {
    const dir = tmp();
    const a = writeRows(join(dir, 'a.csv'), timingSchema, [row(), row({ repeat: 1 })]);
    const output = join(dir, 'out.csv');
    await expect(mergeCsvFiles({ inputs: [a, a], output })).rejects.toMatchObject({ code: 'E_BAD_DATA', message: runnerMessages.mergeDuplicate(`${a}:2`, `${a}:2`) });
    expect(existsSync(output)).toBe(false);
    expect(readFileSync(a, 'utf8').split('\n')).toHaveLength(4);
  });

  it('refuses a file that is neither timings nor profile, naming what is missing', async () => {
    const dir = tmp();
    const a = writeRows(join(dir, 'a.csv'), timingSchema, [row()]);
    const b = join(dir, 'b.csv');
    writeFileSync(b, `${TIMING_COLUMNS.filter((c) => c !== 'wall_ns').join(',')}\n`);
    await expect(mergeCsvFiles({ inputs: [a, b], output: join(dir, 'o.csv') })).rejects.toMatchObject({ code: 'E_BAD_DATA', message: `${b}:1: missing column 'wall_ns'` });
    const c = join(dir, 'c.csv');
    writeFileSync(c, 'x,y\n1,2\n');
    await expect(mergeCsvFiles({ inputs: [c], output: join(dir, 'o.csv') })).rejects.toMatchObject({ code: 'E_SCHEMA_MISMATCH', message: runnerMessages.mergeUnknownSchema(c) });
  });

  it('accepts extra columns, saying they are dropped, and warns about inputs from several runs', async () => {
    const dir = tmp();
    const a = writeRows(join(dir, 'a.csv'), timingSchema, [row()]);
    const b = join(dir, 'b.csv');
    const [header, line] = readFileSync(a, 'utf8').trim().split('\n');
    writeFileSync(b, `\uFEFF${header},note\r\n${line!.replace('run-1', 'run-2').replace(',0,5,', ',1,5,')},hello\r\n`);
    const warnings: string[] = [];
    const summary = await mergeCsvFiles({ inputs: [a, b], output: join(dir, 'o.csv'), onWarning: (w) => warnings.push(w) });
    expect(summary).toEqual({ schema: 'timings', rows: 2, run_ids: ['run-1', 'run-2'] });
    expect(warnings).toEqual([runnerMessages.mergeExtraColumns(b, ['note']), runnerMessages.mergeRunIds(['run-1', 'run-2'])]);
  });

  it('refuses to write over one of its inputs', async () => {
    const dir = tmp();
    const a = writeRows(join(dir, 'a.csv'), timingSchema, [row()]);
    await expect(mergeCsvFiles({ inputs: [a], output: a })).rejects.toMatchObject({ code: 'E_USAGE', message: runnerMessages.mergeOutputIsInput(a) });
  });
});
