import { describe, expect, it } from 'vitest';
import { crossingOf, kappaForCrossing, sigmaForCrossing } from '../../src/scaling/plateau-crossing.js';
import { plateauThreshold } from '../../src/scaling/plateau.js';
import { amdahl, usl } from '../fixtures/synth.js';

describe('crossingOf', () => {
  it('finds where one more thread adds exactly the gain, just below the threshold', () => {
    // Amdahl s = 0.2 (scaling.test.ts, by hand): gain 0.1099 from 9 to 10 threads, 0.0952 from 10 to 11: threshold 10.
    // The crossing solves 0.1 (1 + 0.2 (c − 1)) (1 + 0.2 c) = 0.8: c = 9.3693 (the positive root of 0.04 c² + 0.36 c − 7.2 = 0).
    const curve = { model: 'amdahl' as const, unit: 1, predict: amdahl(0.2) };
    expect(plateauThreshold(curve, 0.1, 4096)).toBe(10);
    const c = crossingOf(curve, 0.1, 10);
    expect(c).toBeCloseTo((-0.36 + Math.sqrt(0.36 ** 2 + 4 * 0.04 * 7.2)) / (2 * 0.04), 9);
    expect(Math.floor(c) + 1).toBe(10);
  });
});

describe('kappaForCrossing', () => {
  it("gives back the kappa whose USL crosses at c, and its slope in sigma (checked against central differences)", () => {
    for (const [sigma, kappa] of [[0.05, 0.001], [0.2, 0.01], [-0.01, 0.002], [0.1, 0]] as const) {
      const curve = { model: 'usl' as const, unit: 1, predict: usl(sigma, kappa, 1) };
      const c = crossingOf(curve, 0.1, plateauThreshold(curve, 0.1, 4096)!);
      const back = kappaForCrossing(sigma, c, 0.1)!;
      expect(back.kappa).toBeCloseTo(kappa, 10);
      const h = 1e-6;
      const numeric = (kappaForCrossing(sigma + h, c, 0.1)!.kappa - kappaForCrossing(sigma - h, c, 0.1)!.kappa) / (2 * h);
      expect(back.slope).toBeCloseTo(numeric, 7);
    }
  });
});

describe('sigmaForCrossing', () => {
  it("is the Amdahl curve's sigma at that crossing: kappa 0 there, and kappaForCrossing below 0 above it", () => {
    // Amdahl s = 0.2 crosses at 9.3693 (above): sigmaForCrossing gives s back.
    const c = (-0.36 + Math.sqrt(0.36 ** 2 + 4 * 0.04 * 7.2)) / (2 * 0.04);
    expect(sigmaForCrossing(c, 0.1)).toBeCloseTo(0.2, 10);
    expect(kappaForCrossing(0.2, c, 0.1)!.kappa).toBeCloseTo(0, 12);
    expect(kappaForCrossing(0.25, c, 0.1)!.kappa).toBeLessThan(0);
    // c = 1: linear, (gain + 1) sigma = 1 − gain.
    expect(sigmaForCrossing(1, 0.1)).toBeCloseTo(0.9 / 1.1, 12);
  });
});
