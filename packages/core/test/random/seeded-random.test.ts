import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/random/seeded-random.js';

describe('seededRandom', () => {
  it('gives the same numbers for the same seed, and others for another', () => {
    const a = Array.from({ length: 5 }, seededRandom(42));
    expect(Array.from({ length: 5 }, seededRandom(42))).toEqual(a);
    expect(Array.from({ length: 5 }, seededRandom(43))).not.toEqual(a);
  });

  it('gives uniform floats in [0, 1)', () => {
    const random = seededRandom(7);
    const values = Array.from({ length: 10_000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    // The mean of 10,000 uniform draws is within 0.01 of 1/2 (4 standard errors of 0.0029).
    expect(values.reduce((s, v) => s + v, 0) / values.length).toBeCloseTo(0.5, 1);
  });
});
