import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreMessages, profileSchema, readAllRecords, readHostInfo, timingSchema } from '@poolscope/core';
import { runnerMessages } from '@poolscope/runner';
import { cliMessages } from '../../src/messages.js';
import { runCliMessages } from '../../src/commands/run-messages.js';
import { runCli } from '../helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'poolscope-cli-run-'));
/** A small, fast matrix: io tasks of fixed size, so nothing is calibrated. */
const quick = ['--task-types', 'io', '--tasks', '6', '--threads', '1,2', '--repeats', '2', '--warmup', '0', '--task-work', '300'];

describe('poolscope run', () => {
  it('measures the matrix, writes the raw files and says where', async () => {
    const out = tmp();
    const result = await runCli(['run', '--out', out, ...quick]);
    expect(result.stderr).not.toContain(cliMessages.errorPrefix);
    expect(result.code).toBe(0);
    const file = join(out, 'raw', 'timings.csv');
    const rows = await readAllRecords(file, timingSchema);
    expect(rows).toHaveLength(2 * 2 * 2);
    expect(new Set(rows.map((r) => r.target))).toEqual(new Set(['node-pool', 'node-main']));
    expect(result.stdout.startsWith(runCliMessages.summary(8, file, 0, 0))).toBe(true);
    expect(result.stderr).toContain(runCliMessages.started(rows[0]!.run_id, 4, 8, file, 'rounds', false));
    // Not a terminal: plain progress lines, the last one when every cell is done.
    expect(result.stderr).toContain(runCliMessages.progressLine(8, 8, 4, 4, 'ELAPSED', null).split(', ELAPSED')[0]);
    // Then, per cell, the median wall time, speedup and CPU utilisation, as the analysis computes them.
    const table = result.stdout.split('\n').filter((l) => /^node-(pool|main) +io +6 +[12] +/.test(l));
    expect(table).toHaveLength(4);
    expect(result.stdout).toContain(runCliMessages.cellTableHeader.join('  ').split('  ')[0]);
    expect(result.stdout).toMatch(/CPU util = \(user \+ sys CPU time\) \/ \(wall time x \d+ logical cores?\)/);
  });

  it('resumes, and refuses options that conflict with the run being resumed', async () => {
    const out = tmp();
    expect((await runCli(['run', '--out', out, ...quick])).code).toBe(0);
    const again = await runCli(['run', '--out', out, ...quick]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${cliMessages.errorPrefix}${runnerMessages.runExists(out, '')}`);
    const conflict = await runCli(['run', '--out', out, '--resume', '--threads', '1,4']);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toContain(runnerMessages.resumeConflict('--threads', '1,4', '1,2', out));
    const resumed = await runCli(['run', '--out', out, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(runCliMessages.summary(0, join(out, 'raw', 'timings.csv'), 0, 0));
  });

  it('reads the matrix from a config file, options given on the command line winning', async () => {
    const dir = tmp();
    const config = join(dir, 'matrix.json');
    writeFileSync(config, JSON.stringify({ targets: ['node-main'], 'task-types': 'io', tasks: [4], threads: [1, 2, 3], repeats: 1, warmup: 0, 'task-work': { io: 200 } }));
    const result = await runCli(['run', '--out', join(dir, 'run'), '--config', config, '--threads', '2']);
    expect(result.code).toBe(0);
    const rows = await readAllRecords(join(dir, 'run', 'raw', 'timings.csv'), timingSchema);
    expect(rows.map((r) => `${r.target} ${r.num_threads} ${r.task_work}`)).toEqual(['node-main 2 200']);
  });

  it('exits 2 on bad options, naming the option and what it takes', async () => {
    const cases: [string[], string][] = [
      [['--threads', '0,2'], coreMessages.badOption('--threads', 'a list of positive integers', '0,2')],
      [['--targets', 'node-pool,python9'], runnerMessages.unknownTarget('python9', ['node-pool', 'node-main', 'pythonX.Y', 'pythonX.Yt', 'python:PATH'])],
      [['--order', 'random'], coreMessages.badOption('--order', 'one of cells, rounds', 'random')],
      [['--profiler', 'perf'], coreMessages.badOption('--profiler', 'one of sampler, cprofile', 'perf')],
      [['--profile-interval-us', '100'], runnerMessages.profileOptionAlone('--profile-interval-us')],
      [['--shard', '4/3'], runnerMessages.badShard('--shard', '4/3')],
      [['--task-types', 'gpu'], coreMessages.badOption('--task-types', 'a list of task types (cpu, io)', 'gpu')],
      [['--timeout-s', '0'], coreMessages.badOption('--timeout-s', 'a positive number of seconds', '0')],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['run', '--out', tmp(), ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr.startsWith(`${cliMessages.errorPrefix}${message}\n`)).toBe(true);
      expect(result.stderr).not.toContain('    at ');
    }
    const missing = await runCli(['run']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--out <dir>' not specified");
  });

  it('names the config file and key of a bad value', async () => {
    const dir = tmp();
    const config = join(dir, 'c.json');
    writeFileSync(config, '{"repeats": 0}');
    const result = await runCli(['run', '--out', join(dir, 'o'), '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(coreMessages.badOption(runnerMessages.configKey(config, 'repeats'), 'a positive integer', '0'));
  });

  it('takes the shard from the environment and says so', async () => {
    const out = tmp();
    const result = await runCli(['run', '--out', out, ...quick, '--tasks', '6,8'], { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '2' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(runCliMessages.shard(2, 2, 'CI_NODE_INDEX'));
    // 4 curves (2 targets x 2 task counts), 2 per shard, each 2 thread counts x 2 repetitions.
    expect(await readAllRecords(join(out, 'raw', 'timings.csv'), timingSchema)).toHaveLength(8);
  });

  it('records a task that fails (POOLSCOPE_INJECT_FAULTS) as an error row, reports it, and exits 0', async () => {
    const out = tmp();
    const faults = JSON.stringify([{ kind: 'crash', task: 1, target: 'node-pool', cells: { num_threads: 2 } }]);
    const result = await runCli(['run', '--out', out, ...quick], { POOLSCOPE_INJECT_FAULTS: faults });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/node-pool io, 6 tasks x 2 threads, repetition 0: error: a task failed: .*exited with code: 70/);
    const rows = await readAllRecords(join(out, 'raw', 'timings.csv'), timingSchema);
    expect(rows.filter((r) => r.status === 'error')).toHaveLength(2);
    expect(result.stdout).toContain('; 2 failed (status error or timeout)');
    const bad = await runCli(['run', '--out', tmp(), ...quick], { POOLSCOPE_INJECT_FAULTS: '{' });
    expect(bad.code).toBe(2);
  });

  it('gives the rows of a cell whose warm-up failed its message, and shows no speedup without a one-thread baseline', async () => {
    const out = tmp();
    const faults = JSON.stringify([{ kind: 'throw', task: 3, target: 'node-pool', cells: { num_threads: 1 } }]);
    const args = ['run', '--out', out, ...quick.filter((_, i, a) => a[i] !== '--warmup' && a[i - 1] !== '--warmup'), '--targets', 'node-pool'];
    const result = await runCli(args, { POOLSCOPE_INJECT_FAULTS: faults });
    expect(result.code).toBe(0);
    const failed = (await readAllRecords(join(out, 'raw', 'timings.csv'), timingSchema)).filter((r) => r.status !== 'ok');
    expect(failed.map((r) => [r.num_threads, r.status, r.error])).toEqual(
      [0, 1].map(() => [1, 'error', runnerMessages.warmupFailed(runnerMessages.taskFailed('injected fault: task 3 threw'))]),
    );
    // The 2-thread cell is the only one measured: its speedup over one thread is unknown, not 1.
    const line = result.stdout.split('\n').find((l) => /^node-pool +io +6 +2 +/.test(l))!;
    expect(line.split(/ +/)[5]).toBe(runCliMessages.noSpeedup);
    expect(result.stdout).toContain(runCliMessages.cellTableNoBaseline(['node-pool io 6']));
  });

  it('records a task that hangs as a timeout row, restarts the target and measures the other cells', async () => {
    const out = tmp();
    const faults = JSON.stringify([{ kind: 'hang', task: 1, target: 'node-pool', cells: { num_threads: 2 } }]);
    const result = await runCli(['run', '--out', out, ...quick, '--timeout-s', '1'], { POOLSCOPE_INJECT_FAULTS: faults });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(runCliMessages.restarted('node-pool'));
    const rows = await readAllRecords(join(out, 'raw', 'timings.csv'), timingSchema);
    expect(rows).toHaveLength(8);
    const hung = rows.filter((r) => r.target === 'node-pool' && r.num_threads === 2);
    expect(hung.map((r) => r.status).sort()).toEqual(['error', 'timeout']);
    expect(rows.filter((r) => !hung.includes(r)).every((r) => r.status === 'ok')).toBe(true);
  });

  it('explains itself', async () => {
    const result = await runCli(['run', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: poolscope run [options]');
    expect(result.stdout).toContain('SLURM_ARRAY_TASK_ID');
  });
});

/** A Python 3.8+ this machine has, by real path (the pyenv shims on PATH may fail). */
const PYTHON = ['/opt/cpython/3.13/bin/python3.13', ...['3.13.0', '3.12.1', '3.11.7'].map((v) => `/root/.pyenv/versions/${v}/bin/python3`), '/usr/bin/python3'].find((p) =>
  existsSync(p),
);

describe.skipIf(!PYTHON)(`poolscope run on a Python target with --profile${PYTHON ? '' : ' [skipped: no Python 3.8+ on this machine]'}`, () => {
  it('measures and profiles every cell of Node and Python targets, with the user\'s category rules', async () => {
    const dir = tmp();
    const out = join(dir, 'run');
    const rules = join(dir, 'rules.json');
    writeFileSync(rules, JSON.stringify([{ category: 'other', names: ['cpu_task'] }]));
    const target = `python:${PYTHON}`;
    const args = ['run', '--out', out, '--targets', `node-main,${target}`, '--task-types', 'cpu', '--tasks', '20', '--threads', '1,2', '--repeats', '2', '--warmup', '0'];
    const result = await runCli([...args, '--task-work', '20000', '--profile', '--profile-interval-us', '500', '--categories', rules]);
    expect(result.stderr).not.toContain(cliMessages.errorPrefix);
    expect(result.code).toBe(0);
    const rows = await readAllRecords(join(out, 'raw', 'timings.csv'), timingSchema);
    expect(rows.filter((r) => r.target === target).every((r) => r.status === 'ok' && r.runtime === 'cpython')).toBe(true);
    expect(readHostInfo(join(out, 'raw', 'host.json')).interpreters.map((i) => i.target)).toEqual([target]);
    const profile = await readAllRecords(join(out, 'raw', 'profile.csv'), profileSchema);
    expect(new Set(profile.map((r) => `${r.target} ${r.num_threads}`))).toEqual(new Set([`node-main 1`, `node-main 2`, `${target} 1`, `${target} 2`]));
    // The user's rule wins over the built-in one that calls cpu_task a task.
    expect(profile.filter((r) => r.function.startsWith('cpu_task (')).map((r) => r.category)).toEqual(['other', 'other']);
    expect(result.stdout).toContain(runCliMessages.profileSummary(4, join(out, 'raw', 'profile.csv'), 0));
    expect(result.stderr).toMatch(new RegExp(`profiled python:\\S+ cpu, 20 tasks x 2 threads \\(sampler, [\\d.]+ ms\\): \\d+ functions; .*sampled / wall per thread: MainThread [\\d.]+, worker-1 [\\d.]+, worker-2 [\\d.]+`));
    const resumed = await runCli([...args, '--resume']);
    expect(resumed.code).toBe(0);
    expect(await readAllRecords(join(out, 'raw', 'profile.csv'), profileSchema)).toHaveLength(profile.length);
  });

  it('refuses a profile option without --profile, and a categories file that is not rules', async () => {
    const dir = tmp();
    const bad = join(dir, 'rules.json');
    writeFileSync(bad, '{"category": "task"}');
    const result = await runCli(['run', '--out', join(dir, 'o'), '--profile', '--categories', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${cliMessages.errorPrefix}${bad}: invalid category rules:`);
  });
});
