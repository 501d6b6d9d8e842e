import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@poolscope/core';
import { categorize } from '../../src/profile/categories.js';
import { parseCpuProfile, reduceCpuProfile, shortUrl } from '../../src/profile/v8-cpuprofile.js';
import { runnerMessages } from '../../src/messages.js';

const fixture = new URL('../fixtures/tiny.cpuprofile', import.meta.url);

describe('reduceCpuProfile', () => {
  // tiny.cpuprofile: samples at 1010, 1110, ..., 1510 µs, each charged the 100 µs until the next
  // (the last until endTime 1610): cpuTask 3 + 1 (recursive) samples, (idle) 1, GC 1.
  const profile = parseCpuProfile(readFileSync(fixture, 'utf8'), 'tiny.cpuprofile');
  const reduced = reduceCpuProfile(profile, { thread: 'worker-1', role: 'worker' });
  const byName = new Map(reduced.functions.map((f) => [f.function, f]));

  it('charges each sample the time until the next one', () => {
    expect(reduced).toMatchObject({ thread: 'worker-1', role: 'worker', samples: 6, sampled_ns: 600_000 });
    expect(byName.get('cpuTask (/app/task.js:10)')).toMatchObject({ name: 'cpuTask', file: '/app/task.js', line: 10, self_ns: 400_000 });
    expect(byName.get('(idle)')).toMatchObject({ self_ns: 100_000, total_ns: 100_000, file: '', calls: null });
    expect(byName.get('(garbage collector)')?.self_ns).toBe(100_000);
  });

  it('counts a recursive function once per sample in its total, and callers get total only', () => {
    expect(byName.get('cpuTask (/app/task.js:10)')?.total_ns).toBe(400_000);
    expect(byName.get('main (/app/main.js:1)')).toMatchObject({ self_ns: 0, total_ns: 400_000 });
    expect(byName.has('(root)')).toBe(false);
  });

  it('makes self times add up to the sampled span', () => {
    expect(reduced.functions.reduce((sum, f) => sum + f.self_ns, 0)).toBe(reduced.sampled_ns);
  });

  it('counts only the time inside a window', () => {
    // Samples at 1010..1510 µs; the window 1160-1400 takes half of the sample at 1110, all of
    // those at 1210 and 1310, and 10 µs of the one at 1410.
    const clipped = reduceCpuProfile(profile, { thread: 'main', role: 'main' }, { startUs: 1160, endUs: 1420 });
    expect(clipped.sampled_ns).toBe(260_000);
    expect(clipped.samples).toBe(4);
    expect(clipped.functions.reduce((sum, f) => sum + f.self_ns, 0)).toBe(260_000);
  });

  it('falls back to hit counts when a profile has no sample list', () => {
    const { samples: _s, timeDeltas: _t, ...old } = profile;
    const fromHits = reduceCpuProfile(old);
    // 6 hits over 610 µs.
    expect(fromHits.functions.find((f) => f.name === 'cpuTask')?.self_ns).toBe(Math.round((4 * 610 * 1000) / 6));
  });

  it('rejects what is not a CPU profile, naming the file', () => {
    for (const text of ['{"nodes": 3}', 'not json']) {
      expect(() => parseCpuProfile(text, 'x.cpuprofile')).toThrow(expect.objectContaining({ code: ERROR_CODES.BAD_DATA }));
    }
    expect(() => parseCpuProfile('{}', 'x.cpuprofile')).toThrow(/^x\.cpuprofile: not a V8 CPU profile/);
    expect(runnerMessages.badCpuProfile('x', 'y')).toBe('x: not a V8 CPU profile (.cpuprofile): y');
  });
});

describe('shortUrl', () => {
  it('names files the same way on every machine', () => {
    expect(shortUrl('file:///srv/app/node_modules/.pnpm/piscina@5.3.2/node_modules/piscina/dist/worker.js')).toBe('piscina/dist/worker.js');
    expect(shortUrl(new URL('../../dist/tasks/cpu-task.js', import.meta.url).href)).toBe('@poolscope/runner/dist/tasks/cpu-task.js');
    expect(shortUrl('file:///app/my%20task.js')).toBe('/app/my task.js');
    expect(shortUrl('node:internal/worker/io')).toBe('node:internal/worker/io');
  });
});

describe('reduceCpuProfile on real `node --cpu-prof` output, main thread and a worker', () => {
  it('finds the worker busy in its task function and the main thread idle, waiting for it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'poolscope-cpuprof-'));
    const script = path.join(dir, 'pool.mjs');
    writeFileSync(
      script,
      [
        "import { Worker, isMainThread, parentPort } from 'node:worker_threads';",
        'function cpuTask(n) { let total = 0; for (let i = 0; i < n; i++) total = (total + Math.imul(i, i)) >>> 0; return total; }',
        'if (isMainThread) {',
        '  const worker = new Worker(new URL(import.meta.url));',
        "  worker.on('message', () => worker.terminate());",
        '} else {',
        '  const end = Date.now() + 300; let x = 0;',
        '  while (Date.now() < end) x ^= cpuTask(100000);',
        '  parentPort.postMessage(x);',
        '}',
      ].join('\n'),
    );
    await promisify(execFile)(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, script]);
    const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    expect(files.length).toBe(2);
    const threads = files.map((f) => reduceCpuProfile(parseCpuProfile(readFileSync(path.join(dir, f), 'utf8'), f)));
    const busy = threads.map((t) => t.functions.find((f) => f.name === 'cpuTask')?.self_ns ?? 0);
    const [worker, main] = busy[0]! > busy[1]! ? [threads[0]!, threads[1]!] : [threads[1]!, threads[0]!];
    const task = worker.functions.find((f) => f.name === 'cpuTask')!;
    expect(categorize(task)).toBe('task');
    // The worker loops in cpuTask for 300 ms; the rest is start-up and the loop around it.
    expect(task.self_ns).toBeGreaterThan(0.5 * worker.sampled_ns!);
    expect(task.self_ns).toBeGreaterThan(150e6);
    // While the worker loops, the main thread's event loop has nothing to do.
    const idle = main.functions.find((f) => f.name === '(idle)')!;
    expect(categorize(idle)).toBe('idle');
    expect(idle.self_ns).toBeGreaterThan(100e6);
    for (const thread of threads) {
      expect(thread.functions.reduce((sum, f) => sum + f.self_ns, 0)).toBeCloseTo(thread.sampled_ns!, -3);
      for (const f of thread.functions) expect(f.total_ns).toBeGreaterThanOrEqual(f.self_ns);
    }
  });
});
