import { describe, expect, test } from 'vitest';
import { curveSamples, isPowerOfTwo, threadAxis } from '../../src/style/thread-axis.js';

describe('threadAxis', () => {
  test('is log2 with a tick per measured value when every value is a power of two', () => {
    const axis = threadAxis([8, 1, 2, 4, 2], 'threads');
    expect(axis.log2).toBe(true);
    expect(axis.scale).toMatchObject({ type: 'log', base: 2, domain: [1, 8] });
    expect(axis.axis).toMatchObject({ values: [1, 2, 4, 8], title: 'threads', format: 'd' });
  });

  test('is linear when one value is not a power of two (the RCA went up to 12 threads)', () => {
    const axis = threadAxis([1, 2, 4, 8, 12], 'threads');
    expect(axis.log2).toBe(false);
    expect(axis.scale).toMatchObject({ type: 'linear', domain: [1, 12] });
    expect(axis.axis).toMatchObject({ values: [1, 2, 4, 8, 12] });
  });

  test('gives a single value room, and leaves ticks to Vega past 16 values', () => {
    expect(threadAxis([4], 'threads').scale).toMatchObject({ type: 'linear', domain: [0, 8] });
    const many = threadAxis(Array.from({ length: 20 }, (_, i) => i + 1), 'threads');
    expect(many.axis).not.toHaveProperty('values');
  });

  test('formats non-integer x values (foreign data) without rounding them', () => {
    expect(threadAxis([0.5, 1.5], 'load').axis).toMatchObject({ format: '~g' });
  });
});

describe('isPowerOfTwo', () => {
  test.each([
    [1, true],
    [2, true],
    [64, true],
    [0, false],
    [3, false],
    [12, false],
    [0.5, false],
    [-2, false],
  ])('%d -> %s', (value, expected) => expect(isPowerOfTwo(value)).toBe(expected));
});

describe('curveSamples', () => {
  test('spaces samples evenly on a log2 axis and includes the measured values', () => {
    const samples = curveSamples([1, 2, 4, 8], 4);
    // Geometric from 1 to 8 in 3 steps: ratio 2, so exactly the measured values.
    expect(samples).toEqual([1, 2, 4, 8]);
    const dense = curveSamples([1, 8], 7);
    expect(dense[1]).toBeCloseTo(Math.SQRT2, 10);
  });

  test('spaces samples evenly on a linear axis', () => {
    expect(curveSamples([1, 3], 5)).toEqual([1, 1.5, 2, 2.5, 3]);
  });

  test('returns a lone value as it is', () => {
    expect(curveSamples([4])).toEqual([4]);
    expect(curveSamples([])).toEqual([]);
  });
});
