import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAllRecords, readHostInfo, timingSchema } from '@poolscope/core';
import { runnerMessages } from '../../../src/messages.js';
import { readPlan } from '../../../src/plan/plan-file.js';
import type { RunEvent } from '../../../src/run/events.js';
import { runMatrix } from '../../../src/run/run.js';
import { targetRegistry } from '../../../src/targets/registry.js';
import { ANY_PYTHON, OPT_313T, needs } from './interpreters.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'poolscope-py-run-'));
const rowsOf = (out: string) => readAllRecords(join(out, 'raw', 'timings.csv'), timingSchema);

describe.skipIf(!ANY_PYTHON)(needs('a Python target in runMatrix', ANY_PYTHON, 'Python 3.8+'), () => {
  const target = `python:${ANY_PYTHON}`;

  it('calibrates through the harness, records what the interpreter reports, and lists it in host.json', async () => {
    const out = tmp();
    const events: RunEvent[] = [];
    await runMatrix({ out, env: {}, targets: [target], taskTypes: ['cpu', 'io'], tasks: [10], threads: [1, 2], repeats: 2, warmup: 1, taskUs: { cpu: 300, io: 500 }, onEvent: (e) => events.push(e) });
    const rows = await rowsOf(out);
    expect(rows).toHaveLength(8);
    const host = readHostInfo(join(out, 'raw', 'host.json'));
    expect(host.interpreters).toHaveLength(1);
    const interpreter = host.interpreters[0]!;
    expect(interpreter).toMatchObject({ target, implementation: 'cpython', path: ANY_PYTHON, gil_enabled: !interpreter.free_threaded_build });
    expect(interpreter.version).toMatch(/^3\.\d+\.\d+/);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'ok', target, runtime: 'cpython', gil: interpreter.gil_enabled });
      expect(interpreter.version.startsWith(row.runtime_version)).toBe(true);
      expect(row.wall_ns).toBeGreaterThan(0);
      expect(row.max_rss_kb).toBeGreaterThan(1000);
    }
    // cpu calibrated in the harness; io sizes are microseconds of sleep.
    const work = readPlan(join(out, 'raw', 'plan.json'))!.task_work[target]!;
    expect(work.io).toBe(500);
    expect(events.find((e) => e.type === 'calibrated' && e.task_type === 'cpu')).toMatchObject({ task_work: work.cpu });
  });

  it('records a hung task as a timeout row and os._exit in a task as an error row, and goes on with a fresh harness', async () => {
    const out = tmp();
    const registry = targetRegistry({
      faults: [
        { kind: 'hang', task: 1, cells: { num_tasks: 6, num_threads: 2 } },
        { kind: 'crash', task: 2, cells: { num_tasks: 8, num_threads: 1 } },
        { kind: 'throw', task: 0, cells: { num_tasks: 8, num_threads: 2 } },
      ],
    });
    const events: RunEvent[] = [];
    const summary = await runMatrix({ out, env: {}, registry, targets: [target], taskTypes: ['io'], tasks: [6, 8], threads: [1, 2], repeats: 2, warmup: 0, taskWork: { io: 200 }, timeoutS: 2, onEvent: (e) => events.push(e) });
    const rows = await rowsOf(out);
    const at = (tasks: number, threads: number) => rows.filter((r) => r.num_tasks === tasks && r.num_threads === threads).sort((a, b) => a.repeat - b.repeat);
    expect(at(6, 2).map((r) => r.status)).toEqual(['timeout', 'error']);
    expect(at(6, 2)[0]!.error).toMatch(/^the cell did not finish within 2 s; the Python harness \(pid \d+\) was killed/);
    expect(at(8, 1)[0]).toMatchObject({ status: 'error', error: expect.stringContaining(runnerMessages.harnessDied(runnerMessages.harnessExit(70, null))) });
    expect(at(8, 2)[0]).toMatchObject({ status: 'error', error: runnerMessages.taskFailed('RuntimeError: injected fault in task 0') });
    expect(at(6, 1).map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(summary.rows_failed).toBe(6);
    // Every failure replaced the harness: the cells after it ran on a fresh one.
    expect(events.filter((e) => e.type === 'target-restart')).toHaveLength(3);
  });

  it('says which interpreters exist when a version name has none, and which names it takes for a name it does not know', async () => {
    await expect(runMatrix({ out: tmp(), env: {}, targets: ['python2.1t'], tasks: [1], threads: [1], repeats: 1 })).rejects.toMatchObject({
      code: 'E_RUNTIME',
      message: expect.stringMatching(/^no interpreter found for target 'python2\.1t'; usable ones: .*python3\.\d+/),
    });
    await expect(runMatrix({ out: tmp(), env: {}, targets: ['node-pool', 'pypy'], tasks: [1], threads: [1], repeats: 1 })).rejects.toMatchObject({
      code: 'E_USAGE',
      message: runnerMessages.unknownTarget('pypy', ['node-pool', 'node-main', 'pythonX.Y', 'pythonX.Yt', 'python:PATH']),
    });
    const missing = join(tmp(), 'python3.13t');
    await expect(runMatrix({ out: tmp(), env: {}, targets: [`python:${missing}`], tasks: [1], threads: [1], repeats: 1 })).rejects.toMatchObject({
      code: 'E_RUNTIME',
      message: runnerMessages.explicitUnusable(missing, runnerMessages.interpreterMissing(missing)),
    });
  });
});

describe.skipIf(!OPT_313T)(needs('a free-threaded target in runMatrix', OPT_313T, '/opt/cpython/3.13t/bin/python3.13t'), () => {
  it('runs python3.13t by name, with the GIL off in every row', async () => {
    const out = tmp();
    await runMatrix({ out, env: {}, targets: ['python3.13t'], taskTypes: ['cpu'], tasks: [10], threads: [2], repeats: 2, warmup: 0, taskWork: { cpu: 1000 } });
    const rows = await rowsOf(out);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ target: 'python3.13t', runtime: 'cpython', runtime_version: expect.stringMatching(/^3\.13\.\d+$/), gil: false });
    expect(readHostInfo(join(out, 'raw', 'host.json')).interpreters[0]).toMatchObject({ target: 'python3.13t', free_threaded_build: true, gil_enabled: false });
  });

  it('refuses cProfile on it before measuring anything, saying why', async () => {
    const events: RunEvent[] = [];
    await expect(runMatrix({ out: tmp(), env: {}, targets: [`python:${OPT_313T}`], tasks: [10], threads: [2], repeats: 1, profile: true, profiler: 'cprofile', onEvent: (e) => events.push(e) })).rejects.toMatchObject({
      code: 'E_USAGE',
      message: runnerMessages.cprofileRefusedFor(`python:${OPT_313T}`, OPT_313T!),
      hint: runnerMessages.cprofileRefusedHint,
    });
    expect(events).toEqual([]);
  });
});
