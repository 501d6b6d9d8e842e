import { describe, expect, it } from 'vitest';
import { figureResult, interleave, median, meets, pairedRatios, summarize } from '../lib/stats.mjs';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(/no values/);
  });
});

describe('summarize', () => {
  it('gives median, min, max and count', () => {
    expect(summarize([1.2, 0.9, 1.0, 1.1])).toEqual({ median: 1.05, min: 0.9, max: 1.2, n: 4 });
  });
});

describe('pairedRatios', () => {
  it('divides each A by the B measured beside it', () => {
    expect(pairedRatios([2, 3, 10], [1, 2, 5])).toEqual([2, 1.5, 2]);
  });
  it('refuses samples of different lengths', () => {
    expect(() => pairedRatios([1, 2], [1])).toThrow(/differ in length/);
  });
});

describe('interleave', () => {
  it('runs every command in turn, round after round (A B A B ...)', () => {
    expect(interleave(['a', 'b'], 3).map((o) => o.name)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(interleave(['a', 'b'], 2).map((o) => o.round)).toEqual([0, 0, 1, 1]);
  });
  it('needs a command and a round', () => {
    expect(() => interleave([], 2)).toThrow();
    expect(() => interleave(['a'], 0)).toThrow();
  });
});

describe('meets and figureResult', () => {
  it('compares a median with its target, both ways', () => {
    expect(meets({ op: '<=', value: 1.05 }, 1.05)).toBe(true);
    expect(meets({ op: '<=', value: 1.05 }, 1.06)).toBe(false);
    expect(meets({ op: '>=', value: 0.95 }, 0.94)).toBe(false);
    expect(meets(null, 3)).toBeNull();
  });
  it('judges the median, not the extremes, and keeps the reason only when it is needed', () => {
    const target = { op: '<=', value: 1.05 };
    const met = figureResult({ id: '2', name: 'x', samples: [1.0, 1.02, 1.3], target, reason: 'slow' });
    expect(met).toMatchObject({ median: 1.02, min: 1.0, max: 1.3, n: 3, met: true, reason: null });
    const missed = figureResult({ id: '2', name: 'x', samples: [1.1, 1.2, 1.0], target, reason: 'slow' });
    expect(missed).toMatchObject({ met: false, reason: 'slow' });
    const reported = figureResult({ id: '6', name: 'x', samples: [2.5], reason: 'note' });
    expect(reported).toMatchObject({ met: null, target: null, reason: 'note' });
  });
});

describe('overheadReason', () => {
  it('gives both sides and the gap, and calls a spread around equal medians noise', async () => {
    const { overheadReason } = await import('../lib/reasons.mjs');
    expect(overheadReason('plain script', [110e6, 120e6, 130e6], [100e6, 100e6, 100e6], [1.1, 1.2, 1.3])).toBe('median cell 120.0 ms in poolscope vs 100.0 ms in the plain script (+20.0%)');
    expect(overheadReason('bare piscina script', [1195e6, 1100e6, 1300e6], [1206e6, 1000e6, 1400e6], [0.9, 1.06, 1.2])).toMatch(/\(-0\.9%\); the rounds' ratios spread over 0\.30: noise of the machine/);
  });
});
