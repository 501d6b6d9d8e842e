import { describe, expect, it } from 'vitest';
import type { RunEvent } from '@poolscope/runner';
import { ProgressRenderer, formatDuration, progressBar } from '../../src/commands/run-progress.js';
import { runCliMessages } from '../../src/commands/run-messages.js';
import type { CliIO } from '../../src/io.js';

const cell = { target: 'node-pool', task_type: 'cpu', task_work: 5, num_tasks: 100, num_threads: 2 } as const;
const progress = (done: number, eta: number | null, elapsed = 1000) => ({ cells_done: done, cells_total: 4, elapsed_ms: elapsed, eta_ms: eta });

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
  it('redraws one bar in place on a terminal, with cells done / total and the ETA', () => {
    const { io, text } = recorder(true);
    const renderer = new ProgressRenderer(io);
    renderer.handle({ type: 'cell-start', cell, progress: progress(1, 200_000) });
    renderer.handle({ type: 'warning', code: 'high-cv', message: 'noisy' });
    renderer.finish();
    expect(text()).toBe(
      `\r\x1b[K${runCliMessages.progressBar(progressBar(1, 4), 1, 4, '3m 20s', 'node-pool cpu, 100 tasks x 2 threads')}` +
        `\r\x1b[K${runCliMessages.warning('noisy')}\n`,
    );
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
      runCliMessages.progressLine(1, 4, '1s', '5s'),
      runCliMessages.progressLine(3, 4, '1s', '5s'),
      runCliMessages.progressLine(4, 4, '1s', null),
    ]);
    expect(text()).not.toContain('\r');
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
