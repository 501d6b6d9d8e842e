import { describe, expect, it } from 'vitest';
import { coefficientOfVariation, mean } from '../../src/run/stats.js';

describe('coefficientOfVariation', () => {
  it('is the sample standard deviation over the mean', () => {
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, sample variance 32/7 -> sd 2.138 (textbook example).
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7) / 5, 12);
    expect(mean([1, 2, 3])).toBe(2);
  });

  it('is undefined below two values or for a zero mean', () => {
    expect(coefficientOfVariation([5])).toBeUndefined();
    expect(coefficientOfVariation([0, 0])).toBeUndefined();
    expect(coefficientOfVariation([3, 3])).toBe(0);
  });
});
