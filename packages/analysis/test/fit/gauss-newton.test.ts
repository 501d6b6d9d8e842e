import { describe, expect, it } from 'vitest';
import { gaussNewtonMinimize, gaussNewtonSteps } from '../../src/fit/_gauss-newton.js';
import { solveSymmetricInPlace } from '../../src/fit/_linear-algebra.js';
import { leastSquares } from '../../src/fit/_least-squares.js';
import { scaledSpec } from '../../src/fit/amdahl.js';
import { uslSpec } from '../../src/fit/usl.js';
import { seededRandom } from '../../src/stats/random.js';
import { amdahl, noisy, normal, usl } from '../fixtures/synth.js';

const THREADS = [1, 2, 4, 8, 12, 16, 24, 32, 48, 64];
const rss = (p: number[], x: number[], y: number[]) => x.reduce((s, t, i) => s + (y[i]! - uslSpec.value(p, t)) ** 2, 0);

describe('gaussNewtonSteps', () => {
  it('lands on the exact parameters of noise-free data in a few steps from nearby', () => {
    const y = THREADS.map(usl(0.05, 0.0008, 1200));
    const p = gaussNewtonSteps(uslSpec, THREADS, y, [0.06, 0.0007, 1150], 5);
    expect(p[0]).toBeCloseTo(0.05, 10);
    expect(p[1]).toBeCloseTo(0.0008, 12);
    expect(p[2]).toBeCloseTo(1200, 6);
  });

  it("from a fit's estimate, reaches the Levenberg-Marquardt refit of bootstrap-like data", () => {
    const { x, y } = noisy(usl(0.05, 0.0008, 1200), THREADS, 0.01, 42, 3);
    const start = leastSquares(uslSpec, x, y);
    const random = seededRandom(8);
    for (let b = 0; b < 20; b++) {
      // Data as a replicate would be: the fitted curve with fresh noise of the same size.
      const yb = x.map((t) => uslSpec.value(start, t) * (1 + 0.01 * normal(random)));
      const refit = leastSquares(uslSpec, x, yb, { start });
      const steps = gaussNewtonSteps(uslSpec, x, yb, start, 3);
      expect(rss(steps, x, yb)).toBeLessThanOrEqual(rss(refit, x, yb) * (1 + 1e-9));
      expect(steps[0]).toBeCloseTo(refit[0]!, 6);
      expect(steps[1]).toBeCloseTo(refit[1]!, 8);
      expect(steps[2]! / refit[2]!).toBeCloseTo(1, 6);
    }
  });

  it('holds a parameter on its bound when the step would leave it, and solves for the others', () => {
    // Amdahl data: the USL's best kappa is 0, and a free step would make it negative.
    const y = THREADS.map((n) => 500 * amdahl(0.1)(n) * (n === 64 ? 1.01 : 1));
    const p = gaussNewtonSteps(uslSpec, THREADS, y, [0.12, 0, 480], 4);
    expect(p[1]).toBe(0);
    // The best Amdahl curve (the USL with kappa = 0) is what the free parameters reach.
    const amdahlFit = leastSquares(scaledSpec, THREADS, y);
    expect(p[0]).toBeCloseTo(amdahlFit[0]!, 6);
    expect(p[2]! / amdahlFit[1]!).toBeCloseTo(1, 6);
  });

  it('stops where it is when the system is singular', () => {
    // gamma = 0: every gradient but gamma's vanishes.
    expect(gaussNewtonSteps(uslSpec, THREADS, THREADS, [0.1, 0.01, 0], 3)).toEqual([0.1, 0.01, 0]);
  });
});

describe('gaussNewtonMinimize', () => {
  it('reaches the Levenberg-Marquardt minimum from a nearby start, never going uphill', () => {
    const { x, y } = noisy(usl(0.05, 0.0008, 1200), THREADS, 0.01, 42, 3);
    const best = leastSquares(uslSpec, x, y);
    const m = gaussNewtonMinimize(uslSpec, x, y, [0.08, 0.0005, 1100]);
    expect(m.rss).toBeCloseTo(rss(best, x, y), 4);
    expect(m.rss).toBeLessThanOrEqual(rss(best, x, y) * (1 + 1e-9));
    expect(m.p[1]).toBeCloseTo(best[1]!, 8);
  });

  it('stops at the start when no step lowers the residuals, and at 0 for noise-free data', () => {
    const y = THREADS.map(usl(0.05, 0.0008, 1200));
    expect(gaussNewtonMinimize(uslSpec, THREADS, y, [0.05, 0.0008, 1200]).rss).toBe(0);
    expect(gaussNewtonMinimize(uslSpec, THREADS, THREADS, [0.1, 0.01, 0])).toEqual({ p: [0.1, 0.01, 0], rss: rss([0.1, 0.01, 0], THREADS, THREADS) });
  });
});

describe('solveSymmetricInPlace', () => {
  it('agrees with a hand-computed solution, reading only the lower triangle', () => {
    // [[4, 2], [2, 3]] v = [2, 1]: det 8, v = [(3·2 − 2·1)/8, (4·1 − 2·2)/8] = [0.5, 0]
    const b = Float64Array.from([2, 1]);
    expect(solveSymmetricInPlace(Float64Array.from([4, Number.NaN, 2, 3]), b, 2)).toBe(true);
    expect(b[0]).toBeCloseTo(0.5, 14);
    expect(b[1]).toBeCloseTo(0, 14);
  });

  it('says so when the matrix is singular', () => {
    expect(solveSymmetricInPlace(Float64Array.from([1, 2, 2, 4]), Float64Array.from([1, 2]), 2)).toBe(false);
    expect(solveSymmetricInPlace(Float64Array.from([0]), Float64Array.from([1]), 1)).toBe(false);
  });

  it('solves the badly scaled JᵀJ of a USL fit', () => {
    // JᵀJ at sigma 0.05, kappa 0.0008 and a throughput scale of 1e6: its diagonal spans 17 orders of magnitude.
    const p = [0.05, 0.0008, 1e6];
    const jtj = [0, 1, 2].map((a) => [0, 1, 2].map((b) => THREADS.reduce((s, t) => s + uslSpec.gradient(p, t)[a]! * uslSpec.gradient(p, t)[b]!, 0)));
    const v = [1e-3, 1e-5, 10];
    const b = Float64Array.from(jtj.map((row) => row.reduce((s, m, j) => s + m * v[j]!, 0)));
    expect(solveSymmetricInPlace(Float64Array.from(jtj.flat()), b, 3)).toBe(true);
    b.forEach((s, i) => expect(s / v[i]!).toBeCloseTo(1, 6));
  });
});
