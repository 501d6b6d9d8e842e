import { describe, expect, it } from 'vitest';
import { fitUsl, uslSpec, type UslFitOk } from '../../src/fit/usl.js';
import { widenedLogUsl } from '../../src/fit/usl-intervals.js';
import { fitForProfile } from '../../src/fit/_profile-fit.js';
import { holdParameter } from '../../src/fit/_hold-parameter.js';
import { gaussNewtonMinimize } from '../../src/fit/_gauss-newton.js';
import { studentTQuantile } from '../../src/stats/student-t.js';
import { analysisMessages } from '../../src/messages.js';
import { given, lognormal, usl } from '../fixtures/synth.js';

// Issue #17's curve and thread counts: peak N* = sqrt(0.95 / 0.001) = 30.82 (Gunther 2007, eq. 4.33).
const TRUTH = { sigma: 0.05, kappa: 0.001, gamma: 1000, peak: Math.sqrt(0.95 / 0.001) };
const THREADS = [1, 2, 4, 6, 8, 12, 16, 24, 32];

function fitted(x: number[], y: number[], options = {}): UslFitOk {
  const fit = fitUsl(x, y, options);
  if (fit.status !== 'ok') throw new Error(fit.reason);
  return fit;
}

describe('uslIntervals (fitUsl().intervals)', () => {
  it('recover sigma, kappa, gamma and the peak from seeded multiplicative noise, each inside its interval', () => {
    const { x, y } = lognormal(usl(TRUTH.sigma, TRUTH.kappa, TRUTH.gamma), THREADS, 0.03, 5);
    const fit = fitted(x, y);
    console.log('USL calibrated intervals', fit.intervals, 'linearised', fit.ci95);
    for (const name of ['sigma', 'kappa', 'gamma', 'peak'] as const) {
      const [lo, hi] = given(fit.intervals[name]);
      expect(lo).toBeLessThanOrEqual(TRUTH[name]);
      expect(hi!).toBeGreaterThanOrEqual(TRUTH[name]);
      expect(fit.intervals[name].method).toBe('profile-log');
    }
    // The peak's interval holds the peak of the fit's own kappa and sigma on the log scale, near the estimate.
    const [lo, hi] = given(fit.intervals.peak);
    expect(lo).toBeLessThan(fit.peak.x!);
    expect(hi!).toBeGreaterThan(fit.peak.x!);
  });

  it("end where an F test at 5% rejects: the profile's RSS there is RSS (1 + qt(0.975, df)² / df) (Bates & Watts 1988, §6.1)", () => {
    const { x, y } = lognormal(usl(TRUTH.sigma, TRUTH.kappa, TRUTH.gamma), THREADS, 0.03, 5);
    const fit = fitted(x, y);
    const spec = widenedLogUsl(uslSpec, 32);
    const logFit = fitForProfile(spec, x, y.map(Math.log), [fit.sigma, fit.kappa, fit.gamma])!;
    const t = studentTQuantile(0.975, logFit.df);
    const cutoff = logFit.minimum.rss * (1 + (t * t) / logFit.df);
    // sigma and kappa lie well inside (0, 1) here: the plain profile, no bound in play.
    for (const [index, name] of [[0, 'sigma'], [1, 'kappa']] as const) {
      for (const end of given(fit.intervals[name])) {
        const others = logFit.minimum.p.filter((_, i) => i !== index);
        const m = gaussNewtonMinimize(holdParameter(spec, index, end!), x, logFit.z, others);
        expect(m.rss / cutoff).toBeCloseTo(1, 5);
      }
    }
  });

  it('give kappa an interval from 0 and the peak an open one on Amdahl data (kappa = 0)', () => {
    const { x, y } = lognormal(usl(0.05, 0, 1000), THREADS, 0.03, 9);
    const fit = fitted(x, y);
    const [kLo, kHi] = given(fit.intervals.kappa);
    expect(kLo).toBe(0);
    expect(kHi!).toBeGreaterThan(0);
    const [, peakHi] = given(fit.intervals.peak);
    expect(peakHi).toBeNull();
    expect(JSON.parse(JSON.stringify(fit.intervals.peak))).toEqual({ status: 'ok', method: 'profile-log', ci95: [given(fit.intervals.peak)[0], null] });
  });

  it('say why instead of giving one: speedups (gamma set by the baseline), an exact fit, a curve that does not rise', () => {
    const { x, y } = lognormal(usl(TRUTH.sigma, TRUTH.kappa, 1), THREADS, 0.03, 5);
    const speedups = fitted(x, y, { ratioTo: 1 });
    expect(speedups.intervals.gamma).toEqual({ status: 'unavailable', method: 'profile-log', reason: analysisMessages.intervalSetByBaseline('gamma') });
    expect(speedups.intervals.sigma.status).toBe('ok');

    const exact = fitted(THREADS, THREADS.map(usl(0.2, 0.01, 3)));
    for (const name of ['sigma', 'kappa', 'gamma', 'peak'] as const) {
      expect(exact.intervals[name]).toEqual({ status: 'unavailable', method: 'profile-log', reason: analysisMessages.intervalExactFit });
    }

    // No scaling at all, a lock held throughout: sigma 1, and no peak to place.
    const flat = lognormal(() => 500, [1, 2, 4, 8, 12, 16], 0.03, 3, 3);
    const none = fitted(flat.x, flat.y);
    expect(given(none.intervals.sigma)[1]).toBe(1);
    if (none.intervals.peak.status === 'unavailable') expect(none.intervals.peak.reason).toBe(analysisMessages.intervalNoRise);
    expect(JSON.stringify(none)).not.toMatch(/NaN|Infinity/);
  });
});
