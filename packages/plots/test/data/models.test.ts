import { describe, expect, test } from 'vitest';
import { amdahlValue, uslValue } from '../../src/index.js';

describe('scaling laws', () => {
  test('USL: gamma at N = 1, and the hand-computed value at N = 4', () => {
    const p = { sigma: 0.05, kappa: 0.01, gamma: 1.2 };
    expect(uslValue(1, p)).toBeCloseTo(1.2, 12);
    // 1.2 * 4 / (1 + 0.05 * 3 + 0.01 * 4 * 3) = 4.8 / 1.27
    expect(uslValue(4, p)).toBeCloseTo(4.8 / 1.27, 12);
  });

  test('USL peaks at N* = sqrt((1 - sigma) / kappa) (Gunther 2007)', () => {
    const p = { sigma: 0.1, kappa: 0.02, gamma: 1 };
    const peak = Math.sqrt(0.9 / 0.02);
    expect(uslValue(peak, p)).toBeGreaterThan(uslValue(peak - 0.5, p));
    expect(uslValue(peak, p)).toBeGreaterThan(uslValue(peak + 0.5, p));
  });

  test('Amdahl: 1 at N = 1, tends to gamma / s', () => {
    const p = { s: 0.25, gamma: 1 };
    expect(amdahlValue(1, p)).toBe(1);
    // 4 / (1 + 0.25 * 3) = 4 / 1.75
    expect(amdahlValue(4, p)).toBeCloseTo(4 / 1.75, 12);
    expect(amdahlValue(1e9, p)).toBeCloseTo(4, 6);
  });
});
