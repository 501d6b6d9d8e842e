import { describe, expect, it } from 'vitest';
import { fitAmdahl, type AmdahlFitOk } from '../../src/fit/amdahl.js';
import { analysisMessages } from '../../src/messages.js';
import { amdahl, given, lognormal } from '../fixtures/synth.js';

const THREADS = [1, 2, 4, 6, 8, 12, 16, 24, 32];

describe('amdahlIntervals (fitAmdahl().intervals)', () => {
  it('recover s and gamma of throughputs from seeded multiplicative noise, inside their intervals', () => {
    const { x, y } = lognormal((n) => 800 * amdahl(0.08)(n), THREADS, 0.03, 4);
    const fit = fitAmdahl(x, y, { gammaFree: true }) as AmdahlFitOk;
    console.log('Amdahl calibrated intervals', fit.intervals, 'linearised', fit.ci95);
    const [sLo, sHi] = given(fit.intervals.s);
    expect(sLo).toBeLessThan(0.08);
    expect(sHi!).toBeGreaterThan(0.08);
    const [gLo, gHi] = given(fit.intervals.gamma);
    expect(gLo).toBeLessThan(800);
    expect(gHi!).toBeGreaterThan(800);
  });

  it('give speedups an interval for s, and none for the gamma they fix', () => {
    const { x, y } = lognormal(amdahl(0.08), THREADS, 0.03, 4);
    const fit = fitAmdahl(x, y) as AmdahlFitOk;
    const [lo, hi] = given(fit.intervals.s);
    expect(lo).toBeLessThan(0.08);
    expect(hi!).toBeGreaterThan(0.08);
    expect(fit.intervals.gamma).toEqual({ status: 'unavailable', method: 'profile-log', reason: analysisMessages.intervalFixed('gamma') });
  });

  it('start at 0 for data that scale perfectly (s = 0)', () => {
    const { x, y } = lognormal((n) => 100 * n, THREADS, 0.03, 8);
    const fit = fitAmdahl(x, y, { gammaFree: true }) as AmdahlFitOk;
    const [lo, hi] = given(fit.intervals.s);
    expect(lo).toBe(0);
    expect(hi!).toBeGreaterThan(0);
    expect(hi!).toBeLessThan(0.05);
  });
});
