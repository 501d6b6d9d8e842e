import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ERROR_CODES, PoolscopeError, runDirectory } from '@poolscope/core';
import { plotsMessages, readPlotInput } from '../../src/index.js';
import { readSummary } from '../../src/io/read-plot-input.js';
import { RUN_SMALL } from '../fixtures/paths.js';

const dirs: string[] = [];
function runCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'poolscope-plots-'));
  dirs.push(dir);
  cpSync(RUN_SMALL, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs `work` and returns the PoolscopeError it throws. */
async function failure(work: () => unknown): Promise<PoolscopeError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof PoolscopeError) return error;
    throw error;
  }
  throw new Error('expected a PoolscopeError');
}

describe('readPlotInput', () => {
  test('reads the summary and aggregates the profile when there is one', async () => {
    const input = await readPlotInput(RUN_SMALL);
    expect(input.scaling.points.length).toBe(48); // 2 targets x 2 task types x 3 task counts x 4 thread counts
    expect(input.breakdown?.categories.length).toBe(6 * 3 * 3 * 4); // 6 categories x 3 profiled pairs x 3 task counts x 4 threads
  });

  test('draws without Experiment 3 when the run has no profile', async () => {
    const dir = runCopy();
    rmSync(runDirectory(dir).profile);
    expect((await readPlotInput(dir)).breakdown).toBeNull();
  });

  test('a missing summary says to run the analysis first', async () => {
    const dir = runCopy();
    rmSync(runDirectory(dir).summary);
    const error = await failure(() => readPlotInput(dir));
    expect(error.code).toBe(ERROR_CODES.NOT_FOUND);
    expect(error.message).toBe(plotsMessages.summaryMissing(runDirectory(dir).summary));
    expect(error.hint).toBe(plotsMessages.summaryMissingHint);
  });

  test('a bad profile row is reported with its file and line', async () => {
    const dir = runCopy();
    const profile = runDirectory(dir).profile;
    writeFileSync(profile, 'run_id,target,task_type,num_tasks,num_threads,repeat,function,category,self_ns,total_ns,calls\nr,t,cpu,10,2,0,f,task,-5,1,\n');
    const error = await failure(() => readPlotInput(dir));
    expect(error.code).toBe(ERROR_CODES.BAD_DATA);
    expect(error.message).toContain(`${profile}:2: column 'self_ns'`);
  });
});

describe('readSummary', () => {
  function summaryFile(text: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'poolscope-plots-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'analysis'));
    const file = join(dir, 'analysis', 'summary.json');
    writeFileSync(file, text);
    return file;
  }

  test('rejects text that is not JSON, naming the file', async () => {
    const file = summaryFile('{ "schema_version": 1, ');
    const error = await failure(() => readSummary(file));
    expect(error.code).toBe(ERROR_CODES.BAD_DATA);
    expect(error.message.startsWith(`${file}: not valid JSON: `)).toBe(true);
    expect(error.hint).toBe(plotsMessages.summaryRegenerateHint);
  });

  test('rejects another schema version', async () => {
    const file = summaryFile('{ "schema_version": 2, "groups": [] }');
    const error = await failure(() => readSummary(file));
    expect(error.code).toBe(ERROR_CODES.SCHEMA_MISMATCH);
    expect(error.message).toBe(plotsMessages.summaryVersion(file, '2'));
  });

  test('names the field that is wrong', async () => {
    const file = summaryFile(JSON.stringify({ schema_version: 1, groups: [{ key: { target: 'x', task_type: 'gpu', num_tasks: 10 }, metric: 'time', points: [], fits: {}, plateau: { status: 'none' } }] }));
    const error = await failure(() => readSummary(file));
    expect(error.code).toBe(ERROR_CODES.BAD_DATA);
    expect(error.message).toContain(`${file}: not an analysis summary:`);
    expect(error.message).toContain('groups.0.key.task_type: ');
    expect(error.message).toContain('groups.0.fits.amdahl: ');
  });

  test('ignores fields the figures do not read', async () => {
    const file = summaryFile(JSON.stringify({ schema_version: 1, groups: [], observations: ['x'], extra: { a: 1 } }));
    expect(readSummary(file)).toEqual({ schema_version: 1, groups: [] });
  });
});
