import { describe, expect, it } from 'vitest';
import { mulberry32, seededShuffle } from '../../src/plan/random.js';

describe('seededShuffle', () => {
  const items = Array.from({ length: 50 }, (_, i) => i);

  it('is a permutation fixed by the seed', () => {
    const a = seededShuffle(items, 42);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(seededShuffle(items, 42)).toEqual(a);
    expect(a).not.toEqual(items);
    expect(seededShuffle(items, 43)).not.toEqual(a);
  });

  it('leaves its input alone', () => {
    const copy = [...items];
    seededShuffle(items, 1);
    expect(items).toEqual(copy);
  });
});

describe('mulberry32', () => {
  it('gives uniform floats in [0, 1)', () => {
    const random = mulberry32(7);
    const values = Array.from({ length: 10_000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    // The mean of 10,000 uniform draws is within 0.01 of 1/2 (4 standard errors of 0.0029).
    expect(values.reduce((s, v) => s + v, 0) / values.length).toBeCloseTo(0.5, 1);
  });
});
