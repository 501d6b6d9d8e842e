import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILE_COLUMNS, readAllRecords, timingSchema } from '@poolscope/core';
import { runnerMessages } from '@poolscope/runner';
import { cliMessages } from '../../src/messages.js';
import { runCliMessages } from '../../src/commands/run-messages.js';
import { runCli } from '../helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'poolscope-cli-merge-'));
const quick = ['--task-types', 'io', '--tasks', '4,6,8', '--threads', '1,2', '--repeats', '1', '--warmup', '0', '--task-work', '200'];

describe('poolscope merge', () => {
  it('joins the timings of the shards of one run into the rows of the whole', async () => {
    const dir = tmp();
    for (const i of [1, 2, 3]) expect((await runCli(['run', '--out', join(dir, `s${i}`), ...quick, '--shard', `${i}/3`])).code).toBe(0);
    const output = join(dir, 'all.csv');
    const inputs = [1, 2, 3].map((i) => join(dir, `s${i}`, 'raw', 'timings.csv'));
    const result = await runCli(['merge', ...inputs, '-o', output]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${runCliMessages.merged(3, 12, 'timings', output)}\n`);
    const rows = await readAllRecords(output, timingSchema);
    expect(new Set(rows.map((r) => `${r.target} ${r.num_tasks} ${r.num_threads}`)).size).toBe(12);
  });

  it('exits 2 on files of different schemas, naming them', async () => {
    const dir = tmp();
    expect((await runCli(['run', '--out', join(dir, 'a'), ...quick, '--tasks', '4', '--threads', '1'])).code).toBe(0);
    const timings = join(dir, 'a', 'raw', 'timings.csv');
    const profile = join(dir, 'profile.csv');
    writeFileSync(profile, `${PROFILE_COLUMNS.join(',')}\n`);
    const result = await runCli(['merge', timings, profile, '-o', join(dir, 'out.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${cliMessages.errorPrefix}${runnerMessages.mergeMismatch(profile, 'profile', timings, 'timings')}\n`);
  });

  it('exits 2 when a file is given twice', async () => {
    const dir = tmp();
    expect((await runCli(['run', '--out', join(dir, 'a'), ...quick, '--tasks', '4', '--threads', '1'])).code).toBe(0);
    const timings = join(dir, 'a', 'raw', 'timings.csv');
    const result = await runCli(['merge', timings, timings, '-o', join(dir, 'out.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(runnerMessages.mergeDuplicate(`${timings}:2`, `${timings}:2`));
  });

  it('exits 2 on a missing input or a missing -o', async () => {
    const missing = await runCli(['merge', join(tmp(), 'nope.csv'), '-o', join(tmp(), 'o.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect((await runCli(['merge', 'a.csv'])).code).toBe(2);
  });
});
