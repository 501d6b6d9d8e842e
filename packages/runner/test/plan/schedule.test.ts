import { describe, expect, it } from 'vitest';
import { schedule, type ScheduleInput, type Step } from '../../src/plan/schedule.js';

const all = (cells: number, repeats: number) => Array.from({ length: cells }, () => Array.from({ length: repeats }, (_, r) => r));
const text = (steps: readonly Step[]) =>
  steps.map((s) => (s.kind === 'warmup' ? `w${s.index}:c${s.cell}` : s.kind === 'repeat' ? `r${s.repeat}:c${s.cell}` : `p:c${s.cell}`));

describe('schedule, cells order', () => {
  it("runs each cell's warm-ups, repetitions and profile back to back, in the plan's order", () => {
    const input: ScheduleInput = { threads: [1, 2], missing: all(2, 2), profile: [true, false], warmup: 1, order: 'cells', seed: 1 };
    expect(text(schedule(input))).toEqual(['w0:c0', 'r0:c0', 'r1:c0', 'p:c0', 'w0:c1', 'r0:c1', 'r1:c1']);
  });

  it('skips what is done, and warms only cells that still measure', () => {
    const input: ScheduleInput = { threads: [1, 2], missing: [[1], []], profile: [false, true], warmup: 1, order: 'cells', seed: 1 };
    expect(text(schedule(input))).toEqual(['w0:c0', 'r1:c0', 'p:c1']);
  });
});

describe('schedule, rounds order', () => {
  const threads = [1, 2, 4, 1, 2, 4];
  const input: ScheduleInput = { threads, missing: all(6, 3), profile: [true, true, false, true, true, true], warmup: 2, order: 'rounds', seed: 7 };
  const steps = schedule(input);

  it('runs a round of warm-ups per warm-up, then every cell’s repetition r before any repetition r + 1, then the profiles', () => {
    const rounds = ['w0', 'w1', 'r0', 'r1', 'r2', 'p'].map((prefix) => text(steps).filter((s) => s.startsWith(`${prefix}:`)));
    expect(rounds.map((r) => r.length)).toEqual([6, 6, 6, 6, 6, 5]);
    expect(rounds.flat()).toEqual(text(steps));
  });

  it('visits each round in its own shuffled order, the same for the same seed', () => {
    const orders = ['r0', 'r1', 'r2'].map((prefix) => text(steps).filter((s) => s.startsWith(prefix)).map((s) => s.split(':')[1]).join());
    expect(new Set(orders).size).toBe(3);
    expect(schedule(input)).toEqual(steps);
    expect(schedule({ ...input, seed: 8 })).not.toEqual(steps);
  });

  it('visits the cells of one thread count together within a round, the thread counts in a shuffled order', () => {
    const blocks = (prefix: string) => {
      const counts = steps.filter((_, i) => text(steps)[i]!.startsWith(`${prefix}:`)).map((s) => threads[s.cell]!);
      return counts.filter((count, i) => i === 0 || count !== counts[i - 1]);
    };
    const orders = ['w0', 'w1', 'r0', 'r1', 'r2'].map(blocks);
    for (const order of orders) expect([...order].sort()).toEqual([1, 2, 4]);
    expect(new Set(orders.map((o) => o.join())).size).toBeGreaterThan(1);
  });

  it('keeps the rounds of a resumed run: only what is missing, in the same rounds', () => {
    const resumed = schedule({ ...input, missing: [[2], [], [1, 2], [0, 1, 2], [], []], profile: [true, false, false, false, false, false] });
    const t = text(resumed);
    expect(t.filter((s) => s.startsWith('w')).sort()).toEqual(['w0:c0', 'w0:c2', 'w0:c3', 'w1:c0', 'w1:c2', 'w1:c3']);
    expect(t.filter((s) => s.startsWith('r'))).toEqual(['r0:c3', ...t.filter((s) => s.startsWith('r1')), ...t.filter((s) => s.startsWith('r2'))]);
    expect(t.filter((s) => s.startsWith('r1')).sort()).toEqual(['r1:c2', 'r1:c3']);
    expect(t.at(-1)).toBe('p:c0');
  });
});
