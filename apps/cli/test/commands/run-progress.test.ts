import { describe, expect, it } from 'vitest';
import { runnerMessages, type RunEvent } from '@poolscope/runner';
import { ProgressRenderer, formatDuration, progressBar } from '../../src/commands/run-progress.js';
import { runCliMessages } from '../../src/commands/run-messages.js';
import type { CliIO } from '../../src/io.js';

const cell = { target: 'node-pool', task_type: 'cpu', task_work: 5, num_tasks: 100, num_threads: 2 } as const;
const progress = (done: number, eta: number | null, elapsed = 1000) => ({
  cells_done: done,
  cells_total: 4,
  repeats_done: 3 * done,
  repeats_total: 12,
  elapsed_ms: elapsed,
  eta_ms: eta,
});

function recorder(tty: boolean): { io: CliIO; text: () => string } {
  let text = '';
  const stream = { write: (t: string) => (text += t), isTTY: tty, columns: 200 };
  return { io: { stdout: stream, stderr: stream, env: {}, cwd: '/' }, text: () => text };
}

describe('formatDuration / progressBar', () => {
  it('formats seconds, minutes and hours', () => {
    expect([formatDuration(4_400), formatDuration(200_000), formatDuration(3_900_000)]).toEqual(['4s', '3m 20s', '1h 05m']);
  });

  it('fills the bar in proportion', () => {
    expect(progressBar(1, 4, 8)).toBe('[##------]');
    expect(progressBar(0, 0, 4)).toBe('[####]');
  });
});

describe('ProgressRenderer', () => {
  it('redraws one bar in place on a terminal, with repetitions and cells done / total and the ETA', () => {
    const { io, text } = recorder(true);
    const renderer = new ProgressRenderer(io);
    renderer.handle({ type: 'cell-start', cell, progress: progress(1, 200_000) });
    renderer.handle({ type: 'warning', code: 'high-cv', message: 'noisy' });
    renderer.finish();
    expect(text()).toBe(
      `\r\x1b[K${runCliMessages.progressBar(progressBar(3, 12), 3, 12, 1, 4, '3m 20s', 'node-pool cpu, 100 tasks x 2 threads')}` +
        `\r\x1b[K${runCliMessages.warning('noisy')}\n`,
    );
  });

  it('says when a profiled cell was sampled too thinly, as the runner words it', () => {
    const { io, text } = recorder(false);
    const message = runnerMessages.thinProfile('python3.13t cpu, 100 tasks x 3 threads', [{ thread: 'worker-1', coverage: 0.1, samples: 7 }], 1000);
    new ProgressRenderer(io).handle({ type: 'warning', code: 'thin-profile', message });
    expect(text()).toBe(`${runCliMessages.warning(message)}\n`);
    expect(text()).toContain('--profile-interval-us');
  });

  it('prints plain lines at most every interval without a terminal, and always the last one', () => {
    const { io, text } = recorder(false);
    let now = 0;
    const renderer = new ProgressRenderer(io, { intervalMs: 10_000, now: () => now });
    const done = (n: number): RunEvent => ({ type: 'cell-done', cell, cv: null, progress: progress(n, 5_000) });
    renderer.handle(done(1));
    now = 5_000;
    renderer.handle(done(2));
    now = 12_000;
    renderer.handle(done(3));
    now = 13_000;
    renderer.handle(done(4));
    expect(text().split('\n').filter(Boolean)).toEqual([
      runCliMessages.progressLine(3, 12, 1, 4, '1s', '5s'),
      runCliMessages.progressLine(9, 12, 3, 4, '1s', '5s'),
      runCliMessages.progressLine(12, 12, 4, 4, '1s', null),
    ]);
    expect(text()).not.toContain('\r');
  });

  it('logs progress after repetitions too, since in rounds cells finish late', () => {
    const { io, text } = recorder(false);
    let now = 0;
    const renderer = new ProgressRenderer(io, { intervalMs: 10_000, now: () => now });
    const repeat = (n: number): RunEvent => ({ type: 'repeat', cell, repeat: 0, warmup: false, outcome: { status: 'ok', wall_ns: 1, cpu_user_ns: 1, cpu_sys_ns: 0, max_rss_kb: 1 }, progress: progress(n, 5_000) });
    renderer.handle(repeat(0));
    now = 11_000;
    renderer.handle(repeat(1));
    renderer.handle(repeat(2));
    expect(text().split('\n').filter(Boolean)).toEqual([runCliMessages.progressLine(0, 12, 0, 4, '1s', '5s'), runCliMessages.progressLine(3, 12, 1, 4, '1s', '5s')]);
  });

  it('describes a profiled cell: categories, and the share of wall time each thread’s samples cover', () => {
    const { io, text } = recorder(false);
    new ProgressRenderer(io).handle({
      type: 'profile',
      cell,
      rows: 7,
      categories: { task: 300e6, lock: 100e6 },
      outcome: {
        status: 'ok',
        profiler: 'sampler',
        wall_ns: 200e6,
        warnings: [],
        threads: [
          { thread: 'main', role: 'main', samples: 190, sampled_ns: 196e6, functions: [] },
          { thread: 'worker-1', role: 'worker', samples: 200, sampled_ns: 204e6, functions: [] },
        ],
      },
      progress: progress(1, null),
    });
    expect(text()).toBe(`${runCliMessages.profiled('node-pool cpu, 100 tasks x 2 threads', 'sampler', 7, '200.0', 'main 0.98, worker-1 1.02', 'task 75%, lock 25%')}\n`);
  });

  it('reports failed repetitions and restarts as lines', () => {
    const { io, text } = recorder(false);
    const renderer = new ProgressRenderer(io);
    renderer.handle({
      type: 'repeat',
      cell,
      repeat: 0,
      warmup: true,
      outcome: { status: 'timeout', error: 'too slow', wall_ns: null, cpu_user_ns: null, cpu_sys_ns: null, max_rss_kb: null },
      progress: progress(0, null),
    });
    renderer.handle({ type: 'target-restart', target: 'node-pool' });
    expect(text()).toBe(
      `${runCliMessages.failedRepeat('node-pool cpu, 100 tasks x 2 threads', runCliMessages.warmupLabel(0), 'timeout', 'too slow')}\n${runCliMessages.restarted('node-pool')}\n`,
    );
  });
});
