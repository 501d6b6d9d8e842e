import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { PythonHarness } from '../../../src/targets/python/harness.js';
import { runnerMessages } from '../../../src/messages.js';
import { ANY_PYTHON, needs, pyenvPython } from './interpreters.js';

const cpu = { task_type: 'cpu', task_work: 2000, num_tasks: 20, num_threads: 2 } as const;

async function startError(interpreter: string): Promise<PoolscopeError> {
  const error = await PythonHarness.start(interpreter).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PoolscopeError);
  expect((error as PoolscopeError).code).toBe(ERROR_CODES.RUNTIME);
  return error as PoolscopeError;
}

describe.skipIf(!ANY_PYTHON)(needs('PythonHarness', ANY_PYTHON, 'Python 3.8+'), () => {
  let harness: PythonHarness;
  beforeAll(async () => {
    harness = await PythonHarness.start(ANY_PYTHON!, { target: 'python-under-test' });
  });
  afterAll(() => harness?.close());

  it('says hello with what the interpreter reports', () => {
    const { info } = harness;
    expect(info.target).toBe('python-under-test');
    expect(info.implementation).toBe('cpython');
    expect(info.path).toBe(path.resolve(ANY_PYTHON!));
    expect(info.version).toContain(info.runtime_version);
    expect(info.runtime_version).toMatch(/^3\.\d+\.\d+/);
    expect(typeof info.free_threaded_build).toBe('boolean');
    expect(harness.pid).toBeGreaterThan(0);
  });

  it('runs repetitions of a cell with wall, cpu and rss, in the same process', async () => {
    const pid = harness.pid;
    const first = await harness.runRepeat(cpu);
    const second = await harness.runRepeat({ ...cpu, task_type: 'io', task_work: 1000 }, { warmup: true });
    expect(harness.pid).toBe(pid);
    expect(first).toMatchObject({ status: 'ok', warmup: false });
    expect(second).toMatchObject({ status: 'ok', warmup: true });
    if (first.status !== 'ok' || second.status !== 'ok') return;
    expect(first.wall_ns).toBeGreaterThan(0);
    expect(first.cpu_user_ns + first.cpu_sys_ns).toBeGreaterThan(0);
    expect(first.max_rss_kb).toBeGreaterThan(1000);
    // 20 io tasks of 1 ms on 2 threads sleep at least 10 ms in all.
    expect(second.wall_ns).toBeGreaterThan(10e6);
  });

  it('turns a task that raises into an error result, and the next request works', async () => {
    const failed = await harness.runRepeat(cpu, { fault: { kind: 'throw', task: 3 } });
    expect(failed).toMatchObject({ status: 'error', error: 'RuntimeError: injected fault in task 3', harnessLost: false });
    if (failed.status === 'ok') return;
    expect(failed.detail).toContain('Traceback');
    expect(failed.wall_ns).toBeGreaterThan(0);
    expect((await harness.runRepeat(cpu)).status).toBe('ok');
  });

  it('keeps stdout for the protocol when a task prints', async () => {
    const result = await harness.runRepeat(cpu, { fault: { kind: 'print', task: 1 } });
    expect(result.status).toBe('ok');
  });

  it('reports a harness that dies inside a task (os._exit), then starts a fresh one', async () => {
    const pid = harness.pid;
    const died = await harness.runRepeat(cpu, { fault: { kind: 'crash', task: 2, code: 9 } });
    expect(died).toMatchObject({ status: 'error', harnessLost: true });
    if (died.status === 'ok') return;
    expect(died.error).toContain(runnerMessages.harnessDied(runnerMessages.harnessExit(9, null)));
    expect(harness.pid).toBeNull();
    const next = await harness.runRepeat(cpu);
    expect(next.status).toBe('ok');
    expect(harness.pid).not.toBe(pid);
  });

  it('kills a hung cell at its timeout and reports it, then the next request works', async () => {
    const started = Date.now();
    const hung = await harness.runRepeat(cpu, { fault: { kind: 'hang', task: 0 }, timeoutMs: 1500 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(hung).toMatchObject({ status: 'timeout', harnessLost: true });
    if (hung.status === 'ok') return;
    expect(hung.error).toMatch(/^the cell did not finish within 1\.5 s; the Python harness \(pid \d+\) was killed/);
    expect((await harness.runRepeat(cpu)).status).toBe('ok');
  });

  it('restart() replaces the process explicitly', async () => {
    const pid = harness.pid;
    await harness.restart();
    expect(harness.pid).not.toBe(pid);
    expect((await harness.runRepeat(cpu)).status).toBe('ok');
  });

  it('queues concurrent requests instead of mixing their answers', async () => {
    const results = await Promise.all([harness.runRepeat(cpu), harness.runRepeat({ ...cpu, num_threads: 1 }), harness.calibrate('io', 250)]);
    expect(results[0]).toMatchObject({ status: 'ok' });
    expect(results[1]).toMatchObject({ status: 'ok' });
    expect(results[2]).toEqual({ task_work: 250, ns_per_unit: 1000 });
  });

  it('calibrates the cpu task so that one task takes about the target time', async () => {
    const { task_work, ns_per_unit } = await harness.calibrate('cpu', 2000);
    // An integer loop step takes tens to hundreds of ns in CPython; generous for a loaded machine.
    expect(ns_per_unit).toBeGreaterThan(5);
    expect(ns_per_unit).toBeLessThan(5000);
    expect(task_work).toBe(Math.round(2_000_000 / ns_per_unit));
    // 50 tasks of 2 ms on one thread: 100 ms expected; the bounds only catch a wrong unit.
    const run = await harness.runRepeat({ task_type: 'cpu', task_work, num_tasks: 50, num_threads: 1 });
    expect(run.status).toBe('ok');
    if (run.status === 'ok') {
      expect(run.wall_ns).toBeGreaterThan(100e6 / 4);
      expect(run.wall_ns).toBeLessThan(100e6 * 10);
    }
  });

  it('rejects a malformed cell before sending it', async () => {
    await expect(harness.runRepeat({ ...cpu, num_threads: 0 })).rejects.toThrow(runnerMessages.badCellValue('num_threads', 0));
    await expect(harness.runRepeat({ ...cpu, task_type: 'gpu' as 'cpu' })).rejects.toThrow(runnerMessages.badTaskType('gpu'));
    await expect(harness.calibrate('cpu', -1)).rejects.toThrow(runnerMessages.badPositive('target_us', -1));
  });

  it('refuses requests once closed', async () => {
    const other = await PythonHarness.start(ANY_PYTHON!);
    await other.close();
    await expect(other.runRepeat(cpu)).rejects.toThrow(runnerMessages.harnessClosed(other.path));
  });
});

describe('PythonHarness.start on something that is not a usable Python', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'poolscope-harness-'));

  it('says the file does not exist', async () => {
    const missing = path.join(dir, 'python3.99');
    expect((await startError(missing)).message).toBe(runnerMessages.interpreterMissing(missing));
  });

  it('says the file is not executable', async () => {
    const file = path.join(dir, 'python-not-executable');
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o644);
    expect((await startError(file)).message).toBe(runnerMessages.interpreterNotExecutable(file));
  });

  it('says a directory is not an interpreter', async () => {
    expect((await startError(dir)).message).toBe(runnerMessages.interpreterIsDirectory(dir));
  });

  it('says a program that is not Python did not run as Python, with what it printed', async () => {
    const file = path.join(dir, 'fake-python');
    writeFileSync(file, '#!/bin/sh\necho "fake: I am not python" >&2\nexit 3\n');
    chmodSync(file, 0o755);
    const error = await startError(file);
    expect(error.message).toMatch(new RegExp(`^'${file}' did not run as a Python interpreter: exit code 3: fake: I am not python`));
    expect(error.hint).toBe(runnerMessages.interpreterHint);
  });

  for (const minor of ['2.7', '3.6', '3.7']) {
    const old = pyenvPython(minor);
    it.skipIf(!old)(needs(`says Python ${minor} is too old for the harness`, old, `pyenv Python ${minor}`), async () => {
      const error = await startError(old!);
      expect(error.message).toMatch(new RegExp(`is Python ${minor.replace('.', '\\.')}\\.\\d+; the poolscope harness needs Python 3\\.8 or newer$`));
    });
  }
});
