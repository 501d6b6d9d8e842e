import { describe, expect, it } from 'vitest';
import { estimateRemainingMs } from '../../src/run/progress.js';

describe('estimateRemainingMs', () => {
  it('extrapolates the rate so far, and knows nothing before any work', () => {
    expect(estimateRemainingMs(1000, 25, 100)).toBe(3000);
    expect(estimateRemainingMs(1000, 100, 100)).toBe(0);
    expect(estimateRemainingMs(1000, 0, 100)).toBeNull();
  });
});
