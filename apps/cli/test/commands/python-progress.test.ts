import { describe, expect, it } from 'vitest';
import type { InstallEvent } from '@poolscope/runner';
import { pythonMessages as m } from '../../src/commands/python-messages.js';
import { InstallProgress } from '../../src/commands/python-progress.js';
import type { CliIO } from '../../src/io.js';

function recorder(tty: boolean): { io: CliIO; text: () => string } {
  let text = '';
  const io: CliIO = { stdout: { write: () => true }, stderr: { write: (t: string) => (text += t), isTTY: tty, columns: 200 }, env: {}, cwd: '/' };
  return { io, text: () => text };
}

const compile = (fraction: number, elapsed: number, eta: number | null): InstallEvent => ({
  type: 'stage',
  stage: 'compile',
  fraction,
  eta_ms: eta,
  elapsed_ms: elapsed,
  detail: '1 of 2 objects',
});

describe('InstallProgress', () => {
  it('redraws one line per stage on a terminal, with a bar and the time left', () => {
    const { io, text } = recorder(true);
    const progress = new InstallProgress(io);
    progress.handle(compile(0.5, 60_000, 60_000));
    progress.handle({ type: 'stage-done', stage: 'compile', seconds: 125 });
    expect(text()).toBe(`\r\x1b[K[3/4] compile [############------------] 1 of 2 objects, 1m 00s, about 1m 00s left\r\x1b[K${m.stageDone('[3/4] compile', '2m 05s')}\n`);
  });

  it('writes a progress line at most every interval in a log, and every stage end', () => {
    const { io, text } = recorder(false);
    let now = 0;
    const progress = new InstallProgress(io, { intervalMs: 10_000, now: () => now });
    for (const t of [0, 4_000, 9_000, 10_000, 15_000]) {
      now = t;
      progress.handle(compile(0.5, t, null));
    }
    progress.handle({ type: 'stage-done', stage: 'compile', seconds: 16 });
    const lines = text().trimEnd().split('\n');
    expect(lines).toEqual(['[3/4] compile [############------------] 1 of 2 objects, 0s', '[3/4] compile [############------------] 1 of 2 objects, 10s', m.stageDone('[3/4] compile', '16s')]);
  });
});
