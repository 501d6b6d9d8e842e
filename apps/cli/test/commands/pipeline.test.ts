import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { coreMessages, isPoolscopeError, readAllRecords, timingSchema } from '@poolscope/core';
import { plotsMessages } from '@poolscope/plots';
import { requestOf } from '../../src/commands/run.js';
import { cliMessages } from '../../src/messages.js';
import { pipelineMessages as m } from '../../src/pipeline/messages.js';
import { PIPELINE_PROFILES } from '../../src/pipeline/profiles.js';
import { readPipelineRecord } from '../../src/pipeline/record.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { reportMessages } from '../../src/report/messages.js';
import { runCli } from '../helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'poolscope-pipeline-'));
/** A reduced matrix: a few small tasks, fixed sizes (no calibration), two thread counts, two repeats. */
const reduced = ['--tasks', '6,12', '--threads', '1,2', '--repeats', '2', '--task-work', 'cpu=3000,io=200'];
const FT_PYTHON = '/opt/cpython/3.13t/bin/python3.13t';

describe('poolscope pipeline (a reduced matrix, end to end)', () => {
  let results: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  let dir: string;
  beforeAll(async () => {
    results = tmp();
    run = await runCli(['pipeline', '--results', results, ...reduced], { HOME: process.env.HOME, PATH: process.env.PATH });
    dir = run.stdout.trim().replace(/\/report\.html$/, '');
  }, 180_000);

  it('measures, analyses, draws and reports into results/<run-id>/, pointing results/latest at it', () => {
    expect(run.stderr).not.toContain(cliMessages.errorPrefix);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${join(dir, 'report.html')}\n`);
    expect(dir.startsWith(results)).toBe(true);
    expect(basename(dir)).toMatch(/^\d{8}-\d{6}-default$/);
    expect(lstatSync(join(results, 'latest')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(results, 'latest'))).toBe(basename(dir));
    const stages = ['[1/4] measure:', '[2/4] analyse:', '[3/4] figures:', '[4/4] report:'].map((s) => run.stderr.indexOf(s));
    expect(stages.every((at) => at >= 0)).toBe(true);
    expect([...stages].sort((a, b) => a - b)).toEqual(stages);
  });

  it('writes every artefact', async () => {
    const record = readPipelineRecord(dir)!;
    const figures = ['thread-scaling', 'gil-impact', ...(record.call_stacks.recorded ? ['fn-scaling-breakdown', 'fn-scaling-distribution'] : [])];
    // Two thread counts are too few to fit: no fits figure, and the run says why.
    expect(existsSync(join(dir, 'figures', 'usl-fit.svg'))).toBe(false);
    expect(run.stderr).toContain(plotsMessages.noFittedGroup);
    const files = [
      'raw/timings.csv',
      'raw/host.json',
      'raw/plan.json',
      'raw/pipeline.json',
      'analysis/summary.json',
      'analysis/speedup.csv',
      'analysis/fits.csv',
      ...figures.flatMap((f) => ['svg', 'png', 'vl.json'].map((ext) => `figures/${f}.${ext}`)),
      'report.md',
      'report.html',
    ];
    for (const file of files) expect(existsSync(join(dir, file)), file).toBe(true);
    const rows = await readAllRecords(join(dir, 'raw', 'timings.csv'), timingSchema);
    const targets = record.runtimes.used.map((u) => u.target);
    // Every used target x 2 task types x 2 task counts x 2 thread counts x 2 repeats, all ok.
    expect(rows).toHaveLength(targets.length * 16);
    expect(rows.every((r) => r.status === 'ok')).toBe(true);
    expect(new Set(rows.map((r) => r.target))).toEqual(new Set(targets));
    expect(Object.keys(record.durations_s).sort()).toEqual(['analyse', 'figures', 'measure', 'report']);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    for (const target of targets) expect(md).toContain(target);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<figure id="figure-thread-scaling"');
  });

  it('says which runtimes it used and which it skipped, and why', () => {
    const record = readPipelineRecord(dir)!;
    expect(record.runtimes.targets_given).toBe(false);
    expect(record.runtimes.used.slice(0, 2).map((u) => u.target)).toEqual(['node-pool', 'node-main']);
    for (const used of record.runtimes.used) expect(run.stderr).toContain(m.usedRuntime(used.target, used.description));
    expect(record.runtimes.skipped.every((s) => s.reason.length > 0)).toBe(true);
    if (record.runtimes.skipped.length > 0) expect(run.stderr).toContain(m.skippedHeading(record.runtimes.skipped.length));
    if (existsSync(FT_PYTHON)) {
      expect(record.runtimes.used.map((u) => u.target)).toContain('python3.13t');
    }
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain(reportMessages.runtimesTitle);
  });

  it('resumes results/latest: nothing is measured twice, the report is written again', async () => {
    const again = await runCli(['pipeline', '--results', results, '--resume']);
    expect(again.stderr).not.toContain(cliMessages.errorPrefix);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(m.resuming(dir));
    expect(again.stderr).toContain(m.measured(readPipelineRecord(dir)!.runtimes.used.length * 8, 0, 0));
  });
});

describe('poolscope pipeline options', () => {
  it('takes the targets from --targets without searching for interpreters', async () => {
    const results = tmp();
    const run = await runCli(['pipeline', '--results', results, '--targets', 'node-main', '--task-types', 'io', ...reduced]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain(m.searching);
    expect(run.stderr).toContain(m.note(m.targetsGiven));
    const record = readPipelineRecord(run.stdout.trim().replace(/\/report\.html$/, ''))!;
    expect(record.runtimes).toEqual({ targets_given: true, used: [{ target: 'node-main', description: m.namedTarget, path: null }], skipped: [], notes: [m.targetsGiven] });
  });

  it('records call stacks with --call-stacks, drawing Experiment 3', async () => {
    const results = tmp();
    const run = await runCli(['pipeline', '--results', results, '--targets', 'node-pool', '--call-stacks', ...reduced]);
    expect(run.code).toBe(0);
    const dir = run.stdout.trim().replace(/\/report\.html$/, '');
    expect(readPipelineRecord(dir)!.call_stacks).toEqual({ requested: true, recorded: true, reason: null });
    expect(existsSync(join(dir, 'figures', 'fn-scaling-breakdown.svg'))).toBe(true);
  });


  it('exits 2 on a bad option, naming it, before measuring anything', async () => {
    const results = tmp();
    const profile = await runCli(['pipeline', '--results', results, '--profile', 'huge']);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toContain(coreMessages.badOption('--profile', coreMessages.expectedValue.oneOf(PIPELINE_PROFILES), 'huge'));
    expect(profile.stderr).toContain(m.badProfileHint);
    const threads = await runCli(['pipeline', '--results', results, '--threads', '0,2']);
    expect(threads.code).toBe(2);
    expect(threads.stderr).toContain(coreMessages.badOption('--threads', 'a list of positive integers', '0,2'));
    const resume = await runCli(['pipeline', '--results', results, '--resume']);
    expect(resume.code).toBe(2);
    expect(resume.stderr).toContain(m.nothingToResume(join(results, 'latest')));
    expect(existsSync(join(results, 'latest'))).toBe(false);
  });
});

describe('stopping the pipeline', () => {
  it('says to continue with poolscope pipeline --resume, and --resume then finishes the run', async () => {
    const results = tmp();
    const stop = new AbortController();
    stop.abort();
    const overrides = requestOf({ out: '', targets: 'node-main', taskTypes: 'io', tasks: '6', threads: '1,2', repeats: '2', taskWork: 'io=200' }, process.cwd());
    const options = { profile: 'default' as const, overrides, results, resume: false, env: {}, cwd: process.cwd(), faults: [], signal: stop.signal };
    let error: unknown;
    await runPipeline(options, () => undefined).catch((e: unknown) => (error = e));
    expect(isPoolscopeError(error) && error.code).toBe('E_INTERRUPTED');
    expect((error as { hint?: string }).hint).toBe(m.interruptedHint(` --results ${results}`));
    const resumed = await runCli(['pipeline', '--results', results, '--resume']);
    expect(resumed.code).toBe(0);
    expect(existsSync(join(results, 'latest', 'report.html'))).toBe(true);
  });
});
