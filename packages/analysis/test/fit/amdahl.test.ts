import { describe, expect, it } from 'vitest';
import { fitAmdahl } from '../../src/fit/amdahl.js';
import { amdahl, noisy } from '../fixtures/synth.js';

const THREADS = [1, 2, 4, 8, 16, 32];

describe('fitAmdahl', () => {
  it('recovers the serial fraction s from seeded noisy speedups, inside its 95% CI', () => {
    const { x, y } = noisy(amdahl(0.12), THREADS, 0.02, 9, 4);
    const fit = fitAmdahl(x, y);
    if (fit.status !== 'ok') throw new Error(fit.reason);
    console.log('Amdahl recovered', { s: [fit.s, fit.ci95.s] });
    expect(fit.s).toBeCloseTo(0.12, 2);
    expect(fit.ci95.s![0]).toBeLessThanOrEqual(0.12);
    expect(fit.ci95.s![1]).toBeGreaterThanOrEqual(0.12);
    expect(fit.gamma).toBe(1);
    expect(fit.stderr.gamma).toBeNull();
    // Amdahl's limit 1/s = 8.33 (Amdahl 1967)
    expect(fit.asymptote!).toBeCloseTo(1 / fit.s, 10);
  });

  it('agrees with hand-computed values on a tiny exact input', () => {
    // s = 0.25: S(N) = N / (1 + 0.25 (N - 1)) -> S(2) = 2/1.25 = 1.6, S(4) = 4/1.75 = 2.2857143, S(8) = 8/2.75 = 2.9090909
    const fit = fitAmdahl([1, 2, 4, 8], [1, 1.6, 2.2857143, 2.9090909]);
    expect(fit.status === 'ok' && fit.s).toBeCloseTo(0.25, 6);
    expect(fit.status === 'ok' && fit.predict(16)).toBeCloseTo(16 / 4.75, 5);
  });

  it('fits a throughput scale when asked (gamma free)', () => {
    const f = (n: number) => 250 * amdahl(0.05)(n);
    const fit = fitAmdahl(THREADS, THREADS.map(f), { gammaFree: true });
    if (fit.status !== 'ok') throw new Error(fit.reason);
    expect(fit.s).toBeCloseTo(0.05, 6);
    expect(fit.gamma).toBeCloseTo(250, 4);
    expect(fit.gamma_free).toBe(true);
  });

  it('has no asymptote with perfect scaling (s = 0) and says insufficient below 4 thread counts', () => {
    const fit = fitAmdahl(THREADS, THREADS);
    expect(fit.status === 'ok' && fit.asymptote).toBeNull();
    expect(fitAmdahl([1, 2, 4], [1, 2, 4]).status).toBe('insufficient');
  });
});
