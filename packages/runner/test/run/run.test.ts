import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostId, profileSchema, readAllRecords, readHostInfo, timingSchema, type TimingRecord } from '@poolscope/core';
import { runnerMessages } from '../../src/messages.js';
import { cellKey, rowKey } from '../../src/plan/cells.js';
import { readPlan } from '../../src/plan/plan-file.js';
import type { RunEvent } from '../../src/run/events.js';
import { runMatrix, type RunOptions } from '../../src/run/run.js';
import { nodeTargetRegistry } from '../../src/targets/node/registry.js';
import type { ProfileOk, ProfileOutcome } from '../../src/targets/target.js';
import { fakeProfile, fakeRegistry, ok } from '../fixtures/fake-target.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'poolscope-run-'));
const rowsOf = (out: string) => readAllRecords(join(out, 'raw', 'timings.csv'), timingSchema);
const profileRowsOf = (out: string) => readAllRecords(join(out, 'raw', 'profile.csv'), profileSchema);
const keys = (rows: TimingRecord[]) => rows.map(rowKey).sort();

/** A small, fast matrix of fake targets: 2 targets x 2 types x 2 task counts x 2 thread counts. */
const fakeMatrix = { targets: ['fake-a', 'fake-b'], taskTypes: ['cpu', 'io'], tasks: [10, 20], threads: [1, 2], repeats: 3, warmup: 1, env: {} } as const;

describe('runMatrix (scripted targets)', () => {
  it('writes one row per repetition, the plan and the host, and reports its progress', async () => {
    const out = tmp();
    const { registry, log } = fakeRegistry();
    const events: RunEvent[] = [];
    const summary = await runMatrix({ ...fakeMatrix, out, registry, onEvent: (e) => events.push(e) });

    const rows = await rowsOf(out);
    expect(rows).toHaveLength(16 * 3);
    expect(new Set(keys(rows)).size).toBe(48);
    const host = readHostInfo(join(out, 'raw', 'host.json'));
    expect(new Set(rows.map((r) => `${r.run_id} ${r.host_id} ${r.runtime} ${r.gil}`))).toEqual(new Set([`${summary.run_id} ${hostId(host)} fake true`]));
    expect(summary).toMatchObject({ cells_total: 16, cells_skipped: 0, rows_written: 48, rows_failed: 0, unstable_cells: 0, shard: null });

    // Calibrated once per target and task type, with the default durations, and recorded.
    expect(log.calibrations.sort()).toEqual([
      ['fake-a', 'cpu', 200],
      ['fake-a', 'io', 1000],
      ['fake-b', 'cpu', 200],
      ['fake-b', 'io', 1000],
    ]);
    expect(readPlan(join(out, 'raw', 'plan.json'))?.task_work).toEqual({ 'fake-a': { cpu: 12_345, io: 12_345 }, 'fake-b': { cpu: 12_345, io: 12_345 } });
    expect(rows.every((r) => r.task_work === 12_345)).toBe(true);

    // Each cell: one warm-up, then its repetitions; sessions live across cells and are closed.
    expect(log.repeats.filter((r) => r.warmup)).toHaveLength(16);
    expect(log.starts.sort()).toEqual(['fake-a', 'fake-b']);
    expect(log.closes.sort()).toEqual(['fake-a', 'fake-b']);
    const done = events.filter((e) => e.type === 'cell-done');
    expect(done.map((e) => e.progress.cells_done)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(done.at(-1)?.progress.eta_ms).toBe(0);
  });

  it('runs cells in a seeded shuffled order', async () => {
    const orderOf = async (seed: number) => {
      const { registry, log } = fakeRegistry();
      await runMatrix({ ...fakeMatrix, warmup: 0, repeats: 1, seed, out: tmp(), registry });
      return log.repeats.map((r) => `${r.target} ${r.cell.task_type} ${r.cell.num_tasks} ${r.cell.num_threads}`);
    };
    const first = await orderOf(9);
    expect(await orderOf(9)).toEqual(first);
    expect(await orderOf(10)).not.toEqual(first);
  });

  it('uses fixed task work as given, without calibrating', async () => {
    const out = tmp();
    const { registry, log } = fakeRegistry();
    await runMatrix({ ...fakeMatrix, out, registry, taskWork: { cpu: 777 }, taskUs: { io: 50 } });
    expect(log.calibrations.map(([, type, us]) => `${type} ${us}`)).toEqual(['io 50', 'io 50']);
    expect(new Set((await rowsOf(out)).map((r) => `${r.task_type} ${r.task_work}`))).toEqual(new Set(['cpu 777', 'io 12345']));
  });

  it('records a failed repetition as a row, restarts the target and goes on', async () => {
    const out = tmp();
    const { registry, log } = fakeRegistry((target, cell) =>
      target === 'fake-a' && cell.task_type === 'cpu' && cell.num_tasks === 10 && cell.num_threads === 2
        ? { status: 'timeout', error: 'too slow', wall_ns: null, cpu_user_ns: null, cpu_sys_ns: null, max_rss_kb: null }
        : ok(1_000_000),
    );
    const events: RunEvent[] = [];
    const summary = await runMatrix({ ...fakeMatrix, warmup: 0, out, registry, onEvent: (e) => events.push(e) });
    const rows = await rowsOf(out);
    const failed = rows.filter((r) => r.status !== 'ok').sort((a, b) => a.repeat - b.repeat);
    expect(failed.map((r) => [r.repeat, r.status, r.error])).toEqual([
      [0, 'timeout', 'too slow'],
      [1, 'error', runnerMessages.notRunAfterFailure(0, 'timeout')],
      [2, 'error', runnerMessages.notRunAfterFailure(0, 'timeout')],
    ]);
    expect(rows.filter((r) => r.status === 'ok')).toHaveLength(45);
    expect(summary.rows_failed).toBe(3);
    // The failed session was closed and a fresh one started for fake-a's next cell.
    expect(log.starts.filter((s) => s === 'fake-a')).toHaveLength(2);
    expect(events.some((e) => e.type === 'target-restart' && e.target === 'fake-a')).toBe(true);
  });

  it.each(['error', 'timeout'] as const)('records every repetition of a cell whose warm-up failed with status %s as not run, with its status and message', async (status) => {
    const out = tmp();
    const { registry } = fakeRegistry((_t, _c, call) => (call === 0 ? { status, error: 'boom', wall_ns: null, cpu_user_ns: null, cpu_sys_ns: null, max_rss_kb: null } : ok(5)));
    const summary = await runMatrix({ ...fakeMatrix, tasks: [10], taskTypes: ['cpu'], threads: [1], targets: ['fake-a'], out, registry });
    expect((await rowsOf(out)).map((r) => [r.repeat, r.status, r.error, r.wall_ns])).toEqual([0, 1, 2].map((r) => [r, status, runnerMessages.warmupFailed('boom'), null]));
    expect(summary.rows_failed).toBe(3);
  });

  it("records the GIL state a repetition reports, else the session's", async () => {
    const out = tmp();
    const { registry } = fakeRegistry((_t, _c, call) => (call === 1 ? { ...ok(10), gil: false } : ok(10)));
    await runMatrix({ ...fakeMatrix, targets: ['fake-a'], taskTypes: ['cpu'], tasks: [10], threads: [1], warmup: 0, out, registry });
    expect((await rowsOf(out)).map((r) => r.gil)).toEqual([true, false, true]);
  });

  it('warns when the repetitions of a cell vary by more than 10%', async () => {
    const walls = [100, 100, 140];
    const { registry } = fakeRegistry((_t, _c, call) => ok(walls[call % 3]!));
    const events: RunEvent[] = [];
    const summary = await runMatrix({ ...fakeMatrix, targets: ['fake-a'], taskTypes: ['cpu'], tasks: [10], threads: [1], warmup: 0, out: tmp(), registry, onEvent: (e) => events.push(e) });
    const warning = events.find((e) => e.type === 'warning');
    // [100, 100, 140]: mean 113.33, sample sd sqrt(1066.67 / 2) = 23.09 -> CV 0.2038.
    expect(warning).toEqual({ type: 'warning', code: 'high-cv', message: runnerMessages.highVariation('fake-a cpu, 10 tasks x 1 thread', 0.2038, 3) });
    expect(summary.unstable_cells).toBe(1);
  });

  it('refuses to start a second run in a directory that holds one', async () => {
    const out = tmp();
    const { registry } = fakeRegistry();
    const { run_id } = await runMatrix({ ...fakeMatrix, out, registry });
    await expect(runMatrix({ ...fakeMatrix, out, registry })).rejects.toMatchObject({ code: 'E_USAGE', message: runnerMessages.runExists(out, run_id) });
  });

  it('refuses rows without a plan', async () => {
    const out = tmp();
    const { registry } = fakeRegistry();
    await runMatrix({ ...fakeMatrix, out, registry });
    rmSync(join(out, 'raw', 'plan.json'));
    await expect(runMatrix({ ...fakeMatrix, out, registry, resume: true })).rejects.toMatchObject({ code: 'E_USAGE', message: runnerMessages.orphanRows(join(out, 'raw', 'timings.csv')) });
  });

  it('refuses an unknown target before writing anything', async () => {
    const out = tmp();
    await expect(runMatrix({ ...fakeMatrix, targets: ['fake-a', 'nope'], out, registry: fakeRegistry().registry })).rejects.toMatchObject({
      code: 'E_USAGE',
      message: runnerMessages.unknownTarget('nope', ['fake-*']),
    });
    expect(existsSync(join(out, 'raw'))).toBe(false);
  });
});

describe('runMatrix repetition order', () => {
  it('runs in rounds by default: every cell’s repetition r before any cell’s repetition r + 1', async () => {
    const { registry, log } = fakeRegistry();
    await runMatrix({ ...fakeMatrix, out: tmp(), registry });
    const repeats = log.repeats.filter((r) => !r.warmup);
    // 16 cells: calls 0-15 are round 0, 16-31 round 1, 32-47 round 2, each visiting every cell once.
    for (let round = 0; round < 3; round++) {
      const visited = repeats.slice(16 * round, 16 * (round + 1)).map((r) => `${r.target} ${r.cell.task_type} ${r.cell.num_tasks} ${r.cell.num_threads}`);
      expect(new Set(visited).size).toBe(16);
    }
    expect(log.repeats.slice(0, 16).every((r) => r.warmup)).toBe(true);
  });

  it('runs cell after cell with --order cells, and records the order in the plan', async () => {
    const out = tmp();
    const { registry, log } = fakeRegistry();
    await runMatrix({ ...fakeMatrix, out, registry, order: 'cells' });
    expect(readPlan(join(out, 'raw', 'plan.json'))?.order).toBe('cells');
    const cellOf = (i: number) => JSON.stringify(log.repeats[i]!.cell) + log.repeats[i]!.target;
    for (let cell = 0; cell < 16; cell++) {
      const first = 4 * cell;
      expect(log.repeats[first]!.warmup).toBe(true);
      for (let k = 1; k < 4; k++) expect(cellOf(first + k)).toBe(cellOf(first));
    }
  });

  it('records every repetition still to run of a failing cell as not run at once, in rounds too', async () => {
    const out = tmp();
    const failing = (target: string, cell: { task_type: string; num_tasks: number; num_threads: number }) =>
      target === 'fake-b' && cell.task_type === 'io' && cell.num_tasks === 20 && cell.num_threads === 1;
    let calls = 0;
    // The failing cell's first call is its warm-up; its second, repetition 0, fails.
    const { registry, log } = fakeRegistry((target, cell) =>
      failing(target, cell) && ++calls === 2 ? { status: 'error', error: 'boom', wall_ns: 5, cpu_user_ns: null, cpu_sys_ns: null, max_rss_kb: null } : ok(10),
    );
    const summary = await runMatrix({ ...fakeMatrix, out, registry });
    const rows = (await rowsOf(out)).filter((r) => failing(r.target, r));
    expect(rows.map((r) => [r.repeat, r.status, r.error])).toEqual([
      [0, 'error', 'boom'],
      [1, 'error', runnerMessages.notRunAfterFailure(0, 'error')],
      [2, 'error', runnerMessages.notRunAfterFailure(0, 'error')],
    ]);
    expect(log.repeats.filter((r) => failing(r.target, r.cell) && !r.warmup)).toHaveLength(1);
    expect(summary.rows_failed).toBe(3);
  });
});

describe('runMatrix --profile (scripted targets)', () => {
  const profiled = { ...fakeMatrix, profile: true } as const;

  it('profiles each cell once, after all its repetitions, one row per function with its category', async () => {
    const out = tmp();
    const { registry, log } = fakeRegistry();
    const events: RunEvent[] = [];
    const summary = await runMatrix({ ...profiled, out, registry, categoryRules: [{ category: 'task', names: ['crunch'] }], onEvent: (e) => events.push(e) });
    expect(summary).toMatchObject({ profiles_written: 16, profiles_failed: 0 });
    // In rounds, the profiles come last; each after every repetition of its cell.
    expect(log.calls.slice(-16).every((c) => c.startsWith('p '))).toBe(true);
    const rows = await profileRowsOf(out);
    expect(rows).toHaveLength(16 * 3);
    const cell = rows.filter((r) => r.target === 'fake-a' && r.task_type === 'cpu' && r.num_tasks === 10 && r.num_threads === 2);
    expect(cell.map((r) => [r.function, r.category, r.self_ns, r.total_ns, r.repeat, r.calls])).toEqual([
      ['acquire (call at threading.py:1)', 'lock', 1_000_000, 1_000_000, 0, null],
      ['cpu_task (poolscope_harness.py:9)', 'task', 500_000, 1_000_000, 0, null],
      // A user rule, tried before the defaults; kept in the plan for a resumed run.
      ['crunch (mine.py:3)', 'task', 500_000, 500_000, 0, null],
    ]);
    expect(readPlan(join(out, 'raw', 'plan.json'))?.profile).toEqual({ profiler: 'sampler', interval_us: 1000, categories: [{ category: 'task', names: ['crunch'] }] });
    const profileEvents = events.filter((e) => e.type === 'profile');
    expect(profileEvents).toHaveLength(16);
    expect(profileEvents[0]).toMatchObject({ rows: 3, outcome: { status: 'ok', wall_ns: 1_000_000 } });
    // A profiler's caveat is said once, not once per cell.
    expect(events.filter((e) => e.type === 'warning' && e.code === 'profile').map((e) => e.type === 'warning' && e.message)).toEqual(['fake profiles are made up']);
  });

  it('warns about a profiled cell whose samples cover a thread thinly, naming the cell, the thread and what to do', async () => {
    const thinCell = (target: string, cell: { task_type: string; num_tasks: number; num_threads: number }) =>
      target === 'fake-b' && cell.task_type === 'cpu' && cell.num_tasks === 10 && cell.num_threads === 2;
    const thin = (): ProfileOutcome => {
      const good = fakeProfile() as ProfileOk;
      return { ...good, threads: [good.threads[0]!, { ...good.threads[1]!, samples: 7, sampled_ns: 100_000 }] };
    };
    const { registry } = fakeRegistry(undefined, undefined, { profile: (target, cell) => (thinCell(target, cell) ? thin() : fakeProfile()) });
    const events: RunEvent[] = [];
    await runMatrix({ ...profiled, out: tmp(), registry, profileIntervalUs: 250, onEvent: (e) => events.push(e) });
    const warnings = events.filter((e) => e.type === 'warning' && e.code === 'thin-profile').map((e) => e.type === 'warning' && e.message);
    expect(warnings).toEqual([runnerMessages.thinProfile('fake-b cpu, 10 tasks x 2 threads', [{ thread: 'worker-1', coverage: 0.1, samples: 7 }], 250)]);
    expect(warnings[0]).toContain('worker-1: 0.10 of the wall time in 7 samples');
  });

  it('profiles right after the cell’s repetitions with --order cells', async () => {
    const { registry, log } = fakeRegistry();
    await runMatrix({ ...profiled, out: tmp(), registry, order: 'cells', warmup: 0, repeats: 2 });
    for (let i = 0; i < log.calls.length; i += 3) {
      const [first, second, third] = log.calls.slice(i, i + 3).map((c) => c.split(' '));
      expect([first![0], second![0], third![0]]).toEqual(['r', 'r', 'p']);
      expect(third!.slice(1)).toEqual(first!.slice(1));
    }
  });

  it('does not profile a cell whose repetitions failed, and records a failed profile as such', async () => {
    const out = tmp();
    const { registry } = fakeRegistry(
      (target, cell) => (target === 'fake-a' && cell.num_threads === 2 ? { status: 'error', error: 'boom', wall_ns: null, cpu_user_ns: null, cpu_sys_ns: null, max_rss_kb: null } : ok(10)),
      12_345,
      { profile: (target, cell) => (target === 'fake-b' && cell.task_type === 'io' ? { status: 'timeout', error: 'too slow', wall_ns: null, cpu_user_ns: null, cpu_sys_ns: null, max_rss_kb: null } : fakeProfile()) },
    );
    const events: RunEvent[] = [];
    const summary = await runMatrix({ ...profiled, out, registry, onEvent: (e) => events.push(e) });
    // 16 cells: 4 of fake-a fail; 4 of fake-b io time out when profiled.
    expect(summary).toMatchObject({ profiles_written: 8, profiles_failed: 4 });
    expect(new Set((await profileRowsOf(out)).map((r) => `${r.target} ${r.task_type} ${r.num_threads}`))).toEqual(
      new Set(['fake-a cpu 1', 'fake-a io 1', 'fake-b cpu 1', 'fake-b cpu 2']),
    );
    expect(events.filter((e) => e.type === 'profile' && e.outcome.status === 'timeout')).toHaveLength(4);
  });

  it('resumes without profiling a cell twice', async () => {
    const out = tmp();
    const stop = new AbortController();
    let profiles = 0;
    const onEvent = (e: RunEvent) => {
      if (e.type === 'profile' && ++profiles === 5) stop.abort();
    };
    await expect(runMatrix({ ...profiled, out, registry: fakeRegistry().registry, signal: stop.signal, onEvent })).rejects.toMatchObject({ code: 'E_INTERRUPTED' });
    expect(new Set((await profileRowsOf(out)).map((r) => `${r.target} ${r.task_type} ${r.num_tasks} ${r.num_threads}`)).size).toBe(5);
    const { registry, log } = fakeRegistry();
    const resumed = await runMatrix({ ...fakeMatrix, out, registry, resume: true });
    expect(resumed.profiles_written).toBe(11);
    expect(log.calls.every((c) => c.startsWith('p '))).toBe(true);
    const rows = await profileRowsOf(out);
    expect(rows).toHaveLength(16 * 3);
    expect(new Set(rows.map((r) => `${r.target} ${r.task_type} ${r.num_tasks} ${r.num_threads} ${r.function}`)).size).toBe(48);
    await expect(runMatrix({ ...fakeMatrix, out, registry, resume: true, profileIntervalUs: 50 })).rejects.toMatchObject({
      code: 'E_USAGE',
      message: runnerMessages.resumeConflict('--profile-interval-us', '50', '1000', out),
    });
  });

  it('refuses, before measuring, a target that cannot profile or will not', async () => {
    const { registry, log } = fakeRegistry(undefined, 12_345, { unprofiled: ['fake-b'] });
    await expect(runMatrix({ ...profiled, out: tmp(), registry })).rejects.toMatchObject({ code: 'E_USAGE', message: runnerMessages.cannotProfile('fake-b') });
    const refusing = fakeRegistry(undefined, 12_345, { refusing: ['fake-a'] });
    await expect(runMatrix({ ...profiled, out: tmp(), registry: refusing.registry })).rejects.toMatchObject({ code: 'E_USAGE', message: 'fake-a refuses' });
    expect([...log.calibrations, ...refusing.log.calibrations, ...log.calls, ...refusing.log.calls]).toEqual([]);
  });

  it('refuses a profile option without --profile', async () => {
    await expect(runMatrix({ ...fakeMatrix, out: tmp(), registry: fakeRegistry().registry, profiler: 'cprofile' })).rejects.toMatchObject({
      code: 'E_USAGE',
      message: runnerMessages.profileOptionAlone('--profiler'),
    });
  });
});

describe('runMatrix output', () => {
  it('refuses an output it cannot write before measuring anything', async () => {
    const file = join(tmp(), 'a-file');
    writeFileSync(file, '');
    const { registry, log } = fakeRegistry();
    await expect(runMatrix({ ...fakeMatrix, out: file, registry })).rejects.toMatchObject({ code: 'E_OUTPUT' });
    expect(log.starts).toEqual([]);
  });
});

describe('runMatrix --resume (scripted targets)', () => {
  const base = (out: string, registry = fakeRegistry().registry): RunOptions => ({ ...fakeMatrix, out, registry });

  it('runs only the missing repetitions, keeps every row, repairs a cut last line, and reuses the plan', async () => {
    const out = tmp();
    const first = await runMatrix(base(out));
    const file = join(out, 'raw', 'timings.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    // Keep the header and 20 rows, and half of the 21st (a crash in the middle of a write).
    const kept = lines.slice(0, 21);
    writeFileSync(file, `${kept.join('\n')}\n${lines[21]!.slice(0, 30)}`);
    const { registry, log } = fakeRegistry(undefined, 99_999);
    const events: RunEvent[] = [];
    const second = await runMatrix({ ...base(out, registry), resume: true, onEvent: (e) => events.push(e) });

    expect(second.run_id).toBe(first.run_id);
    expect(second.rows_written).toBe(48 - 20);
    expect(log.calibrations).toEqual([]);
    const rows = await rowsOf(out);
    expect(new Set(keys(rows)).size).toBe(48);
    expect(rows.every((r) => r.task_work === 12_345)).toBe(true);
    expect(readFileSync(file, 'utf8').startsWith(kept.join('\n'))).toBe(true);
    expect(events[0]).toMatchObject({ type: 'start', resumed: true, rows_existing: 20, rows_total: 48 });
  });

  it('does nothing more when the run is complete', async () => {
    const out = tmp();
    await runMatrix(base(out));
    expect((await runMatrix({ ...base(out), resume: true })).rows_written).toBe(0);
  });

  it('starts a new run when there is nothing to resume', async () => {
    const out = tmp();
    expect((await runMatrix({ ...base(out), resume: true })).rows_written).toBe(48);
  });

  it('refuses options that conflict with the plan, naming the option', async () => {
    const out = tmp();
    await runMatrix(base(out));
    await expect(runMatrix({ ...base(out), threads: [1, 4], resume: true })).rejects.toMatchObject({
      code: 'E_USAGE',
      message: runnerMessages.resumeConflict('--threads', '1,4', '1,2', out),
    });
    await expect(runMatrix({ ...base(out), shard: { index: 1, count: 2 }, resume: true })).rejects.toMatchObject({ message: runnerMessages.resumeConflict('--shard', '1/2', '1/1', out) });
    // The time limit may change.
    expect((await runMatrix({ ...base(out), timeoutS: 5, resume: true })).rows_written).toBe(0);
  });

  it('refuses rows that do not belong to the run, naming the line', async () => {
    const out = tmp();
    await runMatrix(base(out));
    const file = join(out, 'raw', 'timings.csv');
    const last = readFileSync(file, 'utf8').trim().split('\n').at(-1)!;
    appendFileSync(file, `${last.replace(/^run-[0-9a-f]+/, 'other-run')}\n`);
    await expect(runMatrix({ ...base(out), resume: true })).rejects.toMatchObject({ code: 'E_BAD_DATA', message: runnerMessages.rowNotInRun(`${file}:50`, readPlan(join(out, 'raw', 'plan.json'))!.run_id) });
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\nother-run.*\n$/, `\n${last}\n`));
    await expect(runMatrix({ ...base(out), resume: true })).rejects.toMatchObject({ code: 'E_BAD_DATA', message: runnerMessages.duplicateRow(`${file}:50`, 49) });
  });

  it('stops after the repetition in hand when signalled, then resumes to the full set', async () => {
    const out = tmp();
    const stop = new AbortController();
    let repeats = 0;
    const onEvent = (e: RunEvent) => {
      if (e.type === 'repeat' && !e.warmup && ++repeats === 7) stop.abort();
    };
    await expect(runMatrix({ ...base(out), signal: stop.signal, onEvent })).rejects.toMatchObject({ code: 'E_INTERRUPTED', message: runnerMessages.interrupted(7) });
    expect(await rowsOf(out)).toHaveLength(7);
    await runMatrix({ ...base(out), resume: true });
    expect(new Set(keys(await rowsOf(out))).size).toBe(48);
    expect(await rowsOf(out)).toHaveLength(48);
  });

  it('abandons the repetition in hand when told to stop at once, writing no row for it', async () => {
    const out = tmp();
    const abandon = new AbortController();
    const { registry, log } = fakeRegistry((_t, _c, call) => {
      if (call < 3) return ok(10);
      setTimeout(() => abandon.abort(), 10);
      return new Promise(() => undefined);
    });
    await expect(runMatrix({ ...fakeMatrix, warmup: 0, out, registry, abandonSignal: abandon.signal })).rejects.toMatchObject({ code: 'E_INTERRUPTED' });
    expect(await rowsOf(out)).toHaveLength(3);
    // The session running the abandoned repetition was closed (as were the others).
    expect(log.closes.sort()).toEqual(['fake-a', 'fake-b']);
  });
});

describe('runMatrix on the Node targets', () => {
  it('measures both targets and turns a failing task into an error row while the run goes on', async () => {
    const out = tmp();
    const registry = nodeTargetRegistry({ faults: [{ kind: 'throw', task: 2, target: 'node-pool', cells: { num_threads: 2 } }] });
    const summary = await runMatrix({ out, registry, env: {}, targets: ['node-pool', 'node-main'], taskTypes: ['io'], tasks: [8], threads: [1, 2], repeats: 2, warmup: 0, taskWork: { io: 300 } });
    const rows = await rowsOf(out);
    expect(rows).toHaveLength(8);
    const bad = rows.filter((r) => r.status !== 'ok');
    expect(bad.map((r) => `${r.target} ${r.num_threads} ${r.repeat} ${r.status}`).sort()).toEqual(['node-pool 2 0 error', 'node-pool 2 1 error']);
    expect(bad.find((r) => r.repeat === 0)?.error).toBe(runnerMessages.taskFailed('injected fault: task 2 threw'));
    expect(rows.filter((r) => r.status === 'ok').every((r) => r.runtime === 'node' && r.gil === null && r.wall_ns! > 0)).toBe(true);
    expect(summary.rows_failed).toBe(2);
    expect(new Set(rows.map((r) => cellKey(r))).size).toBe(4);
  });
});
